#!/usr/bin/env bash
# Prints the path of a past release's application jar, built from that release's commit:
#   ops/upgrade/release-jar.sh <version> <commit>        e.g. 0.1.0 cd031e7
# The upgrade check rolls back to it and make-fixture.sh writes a fixture with it: the release's
# own code, not this checkout's. The build (git archive of the commit, then ./mvnw package without
# running tests; offline first, online only when a dependency is missing) is done once and kept in
# RELEASE_CACHE (default ~/.cache/switchboard/releases/<version>-<commit>), so later runs reuse it.
# The commit must be in this repository's history (a shallow clone may lack it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/app.sh"
version="${1:?usage: release-jar.sh VERSION COMMIT}"
commit="${2:?usage: release-jar.sh VERSION COMMIT}"
full="$(git -C "$OPS_ROOT" rev-parse --verify --quiet "$commit^{commit}")" ||
  { log "commit $commit of release $version is not in this repository (a shallow clone?)"; exit 1; }
cache="${RELEASE_CACHE:-$HOME/.cache/switchboard/releases}/$version-${full:0:12}"
jar="$cache/switchboard-$version.jar"
if [[ -f "$jar" ]]; then
  echo "$jar"
  exit 0
fi
src="$(mktemp -d "${TMPDIR:-/tmp}/switchboard-release-$version.XXXXXX")"
trap 'rm -rf "$src"' EXIT
log "building release $version from commit ${full:0:12} (once; kept in $cache)"
git -C "$OPS_ROOT" archive "$full" | tar -x -C "$src"
mvn_args=(-B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true -Dcyclonedx.skip=true
  -pl app -am package)
(cd "$src" && { ./mvnw -o "${mvn_args[@]}" || ./mvnw "${mvn_args[@]}"; }) >&2
built="$(ls "$src"/app/target/switchboard-app-*.jar | grep -v '\.original$' | head -n1)"
mkdir -p "$cache"
cp "$built" "$jar.tmp" && mv "$jar.tmp" "$jar"
echo "$full" >"$cache/COMMIT"
echo "$jar"
