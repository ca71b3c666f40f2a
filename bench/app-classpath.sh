# Sourced by the bench scripts (run from the repository root, with WORK set): builds the app jar when it is missing
# or older than the sources, extracts it once into $WORK/app, and sets CP to the app's classes and libraries, so
# that the bench's plain Java sources compile and run against the app's own code.
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

JAR=$(ls target/keyaccount-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f | head -1)" ]; then
	log "building the app jar (./mvnw -DskipTests package)"
	# from fresh classes: a class or migration whose source was deleted stays in target/classes otherwise, and
	# would reach the jar and the bench database (a withdrawn migration once did)
	rm -rf target/classes
	./mvnw -B -q -DskipTests package
	JAR=$(ls target/keyaccount-*.jar | head -1)
fi
if [ ! -f "$WORK/app/.extracted" ] || [ "$JAR" -nt "$WORK/app/.extracted" ]; then
	rm -rf "$WORK/app" && mkdir -p "$WORK/app"
	(cd "$WORK/app" && jar xf "$ROOT/$JAR" && touch .extracted)
fi
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"
