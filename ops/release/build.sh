#!/usr/bin/env bash
# Builds the signed release bundle: ops/release/build.sh [options]
#   --version V     release version (default: the root pom's version)
#   --key FILE      Ed25519 private key (PEM) to sign with (default: $SWITCHBOARD_RELEASE_KEY);
#                   must live outside the repository. Without a key: refused (use --unsigned)
#   --unsigned      build without a signature (for local trials; verify.sh refuses such a bundle)
#   --out DIR       where the bundle goes (default: target/release)
#   --no-build      reuse app/target and devices/target jars as they are (CI: after ./mvnw verify)
#   --sbom FILE     take this CycloneDX SBOM instead of the one the build wrote
# Produces DIR/switchboard-V.tar.gz and DIR/switchboard-V.tar.gz.sig (detached Ed25519 signature
# over the tarball's bytes). Inside: the application jar, the simulator jar, sample configuration,
# the deployment and upgrade material, the SBOM (sbom/bom.json) and SHA256SUMS over every file.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

die() { echo "build.sh: $*" >&2; exit 1; }

version=""
key="${SWITCHBOARD_RELEASE_KEY:-}"
unsigned=0
out="$ROOT/target/release"
build=1
sbom=""
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --key) key="$2"; shift 2 ;;
    --unsigned) unsigned=1; shift ;;
    --out) out="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --sbom) sbom="$2"; shift 2 ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
done

pom_version="$(sed -n '/<artifactId>switchboard-parent<\/artifactId>/,/<\/version>/p' pom.xml |
  sed -n 's:.*<version>\(.*\)</version>.*:\1:p' | head -1)"
[ -n "$pom_version" ] || die "cannot read the version from pom.xml"
version="${version:-$pom_version}"

if [ "$unsigned" -eq 0 ]; then
  [ -n "$key" ] || die "no signing key: pass --key FILE or set SWITCHBOARD_RELEASE_KEY (or --unsigned)"
  [ -r "$key" ] || die "signing key $key is not readable"
  key_abs="$(cd "$(dirname "$key")" && pwd)/$(basename "$key")"
  case "$key_abs" in
    "$ROOT"/*) die "the signing key $key_abs is inside the repository; keep it outside" ;;
  esac
  openssl pkey -in "$key_abs" -noout 2>/dev/null || die "$key is not a private key openssl can read"
fi

app_jar="app/target/switchboard-app-${pom_version}.jar"
sim_jar="devices/target/switchboard-devices-${pom_version}-all.jar"
if [ "$build" -eq 1 ]; then
  ./mvnw -B -q -DskipTests package -pl app,devices -am
fi
[ -f "$app_jar" ] || die "$app_jar is missing (run ./mvnw -B verify, or drop --no-build)"
[ -f "$sim_jar" ] || die "$sim_jar is missing (run ./mvnw -B verify, or drop --no-build)"

name="switchboard-${version}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
stage="$work/$name"
mkdir -p "$stage/config" "$stage/sbom"

cp "$app_jar" "$stage/switchboard-${version}.jar"
cp "$sim_jar" "$stage/switchboard-simulator-${version}.jar"
cp app/src/main/resources/application.yml "$stage/config/application.yml.sample"
cp ops/deploy/single-node/switchboard.env "$stage/config/switchboard.env.sample" 2>/dev/null || true
[ -d ops/deploy ] && cp -R ops/deploy "$stage/deploy"
# the upgrade script only: its check and the database fixtures are for this repository's CI
if [ -f ops/upgrade/upgrade.sh ]; then
  mkdir -p "$stage/upgrade" && cp ops/upgrade/upgrade.sh "$stage/upgrade/"
fi
cp ops/release/verify.sh "$stage/verify.sh"
[ -f docs/production.md ] && cp docs/production.md "$stage/PRODUCTION.md"
echo "$version" > "$stage/VERSION"

if [ -n "$sbom" ]; then
  [ -f "$sbom" ] || die "SBOM $sbom does not exist"
  cp "$sbom" "$stage/sbom/bom.json"
else
  # CycloneDX over the application's whole dependency tree, written by the build
  # (cyclonedx-maven-plugin in app/pom.xml, configured by Spring Boot's parent)
  generated=app/target/classes/META-INF/sbom/application.cdx.json
  [ -f "$generated" ] || die "$generated is missing (run ./mvnw -B verify, or drop --no-build)"
  cp "$generated" "$stage/sbom/bom.json"
fi

(cd "$stage" && find . -type f ! -name SHA256SUMS -print0 | LC_ALL=C sort -z |
  xargs -0 sha256sum | sed 's:  \./:  :' > SHA256SUMS)

mkdir -p "$out"
tarball="$out/${name}.tar.gz"
# reproducible ordering and ownership; gzip -n: no timestamp in the header
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00Z' \
  -C "$work" -cf - "$name" | gzip -n > "$tarball"
rm -f "$tarball.sig"
if [ "$unsigned" -eq 0 ]; then
  openssl pkeyutl -sign -rawin -inkey "$key_abs" -in "$tarball" -out "$tarball.sig"
  echo "signed:   $tarball.sig"
fi
echo "bundle:   $tarball"
(cd "$out" && sha256sum "$(basename "$tarball")")
