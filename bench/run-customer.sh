#!/usr/bin/env bash
# The customer module's benchmark, end to end: build the app jar if needed, create the bench database (the app
# migrates it and loads the demo company), generate and bulk-load 1,000,000 accounts and 3,000,000 contacts,
# then measure the bare SQL references and the API in the same run and print a table with ratios.
#
#   bench/run-customer.sh [h2|postgres] [--fresh] [--accounts N] [--quick]
#
# --fresh       drop the bench database and load again (otherwise a loaded database is reused)
# --accounts N  accounts to generate (default 1000000; contacts are 3 per account)
# --quick       short measurements, to try the script out
# --load-only   stop once the data is loaded
# --skip-import measure every scenario but the import of 100,000 rows
# --only LIST   measure only these scenarios, comma-separated: list (or list-filtered, list-default), detail,
#               create, search, import. Without search and the list (the index counts the list's totals) the app
#               starts with keyaccount.search.rebuild-on-start=never: rebuilding the index of 1,000,000 accounts
#               and 3,000,000 contacts takes minutes and would load the machine while it measures.
# Environment: BENCH_DATA (default bench/data), BENCH_PORT (18080), APP_JAVA (java for the app, default `java`),
# BENCH_WORK (target/bench: the extracted jar and the compiled bench; another one for a run beside a running load),
# BENCH_APP_JVM (options for the app's JVM, e.g. -XX:StartFlightRecording=filename=app.jfr to profile it),
# BENCH_PG_URL (jdbc:postgresql://127.0.0.1:5432), BENCH_PG_USER (postgres), BENCH_PG_DB (keyaccount_bench; another
# name keeps a try-out on small data apart from the full bench database).
set -euo pipefail

DB=h2
FRESH=0
ACCOUNTS=1000000
QUICK=0
LOAD_ONLY=0
SCENARIOS=()
ONLY=
while [ $# -gt 0 ]; do
	case "$1" in
		h2|postgres) DB=$1 ;;
		--fresh) FRESH=1 ;;
		--accounts) ACCOUNTS=$2; shift ;;
		--quick) QUICK=1 ;;
		--load-only) LOAD_ONLY=1 ;;
		--skip-import) SCENARIOS+=(--skip-import) ;;
		--only) SCENARIOS+=(--only "$2"); ONLY=$2; shift ;;
		*) echo "unknown argument: $1" >&2; exit 2 ;;
	esac
	shift
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DATA=${BENCH_DATA:-$ROOT/bench/data}
WORK=${BENCH_WORK:-$ROOT/target/bench}
PORT=${BENCH_PORT:-18080}
APP_JAVA=${APP_JAVA:-java}
PG_URL=${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432}
PG_USER=${BENCH_PG_USER:-postgres}
PG_DB=${BENCH_PG_DB:-keyaccount_bench}
mkdir -p "$DATA" "$WORK"

# ---- build: the app jar, its classes and libraries extracted for the bench's classpath, the bench classes
source "$ROOT/bench/app-classpath.sh"
# one class directory per run, so that a second run (a try-out on small data) cannot pull classes from under a
# running one
CLASSES="$WORK/classes-$DB-$$"
rm -rf "$CLASSES"
javac -encoding UTF-8 -nowarn -d "$CLASSES" -cp "$CP" $(find bench/src -name '*.java')
CP="$CLASSES:$CP"
# The app runs from a copy of its jar: a build while the bench runs (a test run, say) rewrites target's jar, and the
# running app then fails to load the classes it has not loaded yet (in the ninth session the index rebuild's merge
# thread died of it, and the rebuild hung).
APP_JAR="$WORK/keyaccount-$DB-$$.jar"
cp "$JAR" "$APP_JAR"

# ---- the bench database
if [ "$DB" = postgres ]; then
	APP_URL="$PG_URL/$PG_DB"
	BENCH_URL="$APP_URL"
	DB_USER=$PG_USER
	PROFILES=demo,postgres
	if [ "$FRESH" = 1 ]; then
		psql -h 127.0.0.1 -U "$PG_USER" -q -c "drop database if exists $PG_DB" postgres
	fi
	if ! psql -h 127.0.0.1 -U "$PG_USER" -tAc "select 1 from pg_database where datname = '$PG_DB'" postgres | grep -q 1; then
		psql -h 127.0.0.1 -U "$PG_USER" -q -c "create database $PG_DB" postgres
	fi
else
	H2_FILE="$DATA/h2/keyaccount"
	APP_URL="jdbc:h2:file:$H2_FILE;AUTO_SERVER=TRUE"
	BENCH_URL="jdbc:h2:file:$H2_FILE"
	DB_USER=sa
	PROFILES=demo
	if [ "$FRESH" = 1 ]; then
		rm -rf "$DATA/h2"
	fi
fi
DBPROPS=(-Dbench.db="$DB" -Dbench.url="$BENCH_URL" -Dbench.user="$DB_USER" -Dbench.password=)

APP_PID=
start_app() {
	if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
		echo "port $PORT is taken: set BENCH_PORT" >&2
		exit 1
	fi
	log "starting the app on port $PORT ($DB, $($APP_JAVA -version 2>&1 | head -1))"
	"$APP_JAVA" ${BENCH_APP_JVM:-} -jar "$APP_JAR" --spring.profiles.active="$PROFILES" --server.port="$PORT" \
		--spring.datasource.url="$APP_URL" --spring.datasource.username="$DB_USER" --spring.datasource.password= \
		--logging.file.name="$DATA/app-$DB.log" --keyaccount.search.index-directory="$DATA/index-$DB" \
		${BENCH_APP_ARGS:-} >"$DATA/app-$DB.out" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 600); do
		if curl -s "http://127.0.0.1:$PORT/actuator/health" | grep -q UP; then
			log "app up (pid $APP_PID)"
			return
		fi
		if ! kill -0 "$APP_PID" 2>/dev/null; then
			echo "the app stopped; see $DATA/app-$DB.out" >&2
			exit 1
		fi
		sleep 1
	done
	echo "the app did not start in 600 s" >&2
	exit 1
}
stop_app() {
	if [ -n "$APP_PID" ]; then
		kill "$APP_PID" 2>/dev/null || true
		wait "$APP_PID" 2>/dev/null || true
		APP_PID=
	fi
}
trap 'stop_app; rm -rf "$CLASSES" "$APP_JAR"' EXIT

# ---- first start: Flyway migrates, the demo company (staff, units, roles, 320 accounts) is loaded
installed() {
	if [ "$DB" = postgres ]; then
		psql -h 127.0.0.1 -U "$PG_USER" -tAc "select count(*) from app_user where username = 'liming'" "$PG_DB" 2>/dev/null | grep -q 1
	else
		[ -f "$H2_FILE.mv.db" ]
	fi
}
if ! installed; then
	start_app
	stop_app
fi
log "generating and loading $ACCOUNTS accounts"
# H2 loads with a 1 GiB page cache (the app and the SQL reference keep H2's default)
LOAD_URL=$BENCH_URL
[ "$DB" = h2 ] && LOAD_URL="$BENCH_URL;CACHE_SIZE=1048576"
java -Xmx6g "${DBPROPS[@]}" -Dbench.url="$LOAD_URL" -cp "$CP" io.keyaccount.bench.LoadCustomers "$DATA" "$ACCOUNTS" 2026
[ "$LOAD_ONLY" = 1 ] && exit 0

# ---- measure: the bare SQL first, then the API
RESULTS="$DATA/results-$DB.properties"
QUICKARG=
[ "$QUICK" = 1 ] && QUICKARG=--quick
# The search index answers keyword searches and counts the lists' totals (AccountListing).
if [ -n "$ONLY" ] && [[ ",$ONLY," != *,search,* && ",$ONLY," != *,list* ]]; then
	log "neither search nor the list measured: the app does not rebuild its search index at start"
	BENCH_APP_ARGS="${BENCH_APP_ARGS:-} --keyaccount.search.rebuild-on-start=never"
fi
start_app
# The app rebuilds its search index at start when it does not match the database (after a load): wait for it.
if grep -q "Rebuilding the customer search index" "$DATA/app-$DB.out"; then
	log "the app is rebuilding its search index"
	for _ in $(seq 1 1440); do
		grep -q "search index of tenant .* rebuilt\|search index of tenant .* failed" "$DATA/app-$DB.out" && break
		sleep 5
	done
	log "$(grep -o "Customer search index of tenant .*" "$DATA/app-$DB.out" | tail -1)"
fi
# The references reach the database as the API's client reaches the app, over loopback, while the app idles: for
# PostgreSQL its server, for H2 the app's automatic H2 server (the app holds the file), so the same H2 engine and
# page cache answer both. Until the seventh session H2's references ran embedded in the bench's JVM before the
# app started: a detail read there took 20 µs, below what any HTTP call costs.
log "measuring the bare SQL references"
java -Xmx2g "${DBPROPS[@]}" -Dbench.url="$APP_URL" -cp "$CP" io.keyaccount.bench.CustomerBench sql "$RESULTS" "$DATA/index-$DB" \
	$QUICKARG "${SCENARIOS[@]}"
log "measuring the API"
java -Xmx1g "${DBPROPS[@]}" -Dbench.url="$APP_URL" -cp "$CP" io.keyaccount.bench.CustomerBench api "$RESULTS" "http://127.0.0.1:$PORT" "$DATA/index-$DB" \
	$QUICKARG "${SCENARIOS[@]}"
stop_app
log "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; results in ${RESULTS%.properties}.md"
