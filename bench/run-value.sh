#!/usr/bin/env bash
# The value module's benchmark (issue 4): a full rescore (summaries, both fits, scores, tiers, classes, snapshots
# written) against the bare SQL aggregate per account (count, first, last, sum) on the same database, same run.
# Builds the app jar if needed, creates and migrates the bench database, generates and bulk-loads the accounts and
# the ledger (reused by later runs of the same size), then measures both, ROUNDS times, and prints the ratios.
#
#   bench/run-value.sh [h2|postgres] [--accounts N] [--transactions N] [--rounds N] [--fresh] [--jfr] [--load-only]
#
# --accounts N      accounts to generate (default 1000000)
# --transactions N  ledger lines to generate (default 10000000)
# --rounds N        measured rounds (default 3)
# --fresh           drop the bench database and load again
# --jfr             record the measurement with Java Flight Recorder (bench/data/value-<db>.jfr)
# Environment: BENCH_DATA (default bench/data), BENCH_PG_URL (jdbc:postgresql://127.0.0.1:5432), BENCH_PG_USER
# (postgres), BENCH_JAVA_OPTS (extra options of the measuring JVM).
set -euo pipefail

DB=h2
ACCOUNTS=1000000
TRANSACTIONS=10000000
ROUNDS=3
FRESH=0
JFR=0
LOAD_ONLY=0
while [ $# -gt 0 ]; do
	case "$1" in
		h2|postgres) DB=$1 ;;
		--accounts) ACCOUNTS=$2; shift ;;
		--transactions) TRANSACTIONS=$2; shift ;;
		--rounds) ROUNDS=$2; shift ;;
		--fresh) FRESH=1 ;;
		--jfr) JFR=1 ;;
		--load-only) LOAD_ONLY=1 ;;
		*) echo "unknown argument: $1" >&2; exit 2 ;;
	esac
	shift
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DATA=${BENCH_DATA:-$ROOT/bench/data}
WORK=$ROOT/target/bench
PG_URL=${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_DB=keyaccount_value_bench
mkdir -p "$DATA" "$WORK"

# ---- build: the app jar, extracted for the bench's classpath, and the value bench's own classes
source "$ROOT/bench/app-classpath.sh"
rm -rf "$WORK/value-classes-$DB"
javac -encoding UTF-8 -nowarn -d "$WORK/value-classes-$DB" -cp "$CP" \
	bench/src/io/keyaccount/bench/BenchDb.java bench/src/io/keyaccount/bench/Value*.java
CP="$WORK/value-classes-$DB:$CP"

# ---- the bench database (migrated by the app's Flyway when the bench starts the app's context)
if [ "$DB" = postgres ]; then
	URL="$PG_URL/$PG_DB"
	DB_USER=$PG_USER
	if [ "$FRESH" = 1 ]; then
		psql -h 127.0.0.1 -U "$PG_USER" -q -c "drop database if exists $PG_DB" postgres
	fi
	if ! psql -h 127.0.0.1 -U "$PG_USER" -tAc "select 1 from pg_database where datname = '$PG_DB'" postgres | grep -q 1; then
		psql -h 127.0.0.1 -U "$PG_USER" -q -c "create database $PG_DB" postgres
	fi
else
	# the app's own H2 URL form (file mode, AUTO_SERVER), in the bench's data directory
	URL="jdbc:h2:file:$DATA/value-h2/keyaccount;AUTO_SERVER=TRUE"
	DB_USER=sa
	if [ "$FRESH" = 1 ]; then
		rm -rf "$DATA/value-h2"
	fi
fi
PROPS=(-Dbench.db="$DB" -Dbench.url="$URL" -Dbench.user="$DB_USER" -Dbench.password= -Dbench.data="$DATA")

log "loading $ACCOUNTS accounts and $TRANSACTIONS transactions into $DB (skipped when already there)"
java -Xmx8g "${PROPS[@]}" -cp "$CP" io.keyaccount.bench.ValueBench load "$ACCOUNTS" "$TRANSACTIONS"
[ "$LOAD_ONLY" = 1 ] && exit 0

# ---- measure, in a new JVM with the machine's default settings (as the app runs)
JAVA_OPTS=(${BENCH_JAVA_OPTS:-})
if [ "$JFR" = 1 ]; then
	JAVA_OPTS+=("-XX:StartFlightRecording=filename=$DATA/value-$DB.jfr,settings=profile")
fi
log "measuring ($ROUNDS rounds; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
java "${JAVA_OPTS[@]}" "${PROPS[@]}" -cp "$CP" io.keyaccount.bench.ValueBench measure "$ROUNDS" \
	| tee "$DATA/value-results-$DB.txt"
log "results in $DATA/value-results-$DB.txt"
