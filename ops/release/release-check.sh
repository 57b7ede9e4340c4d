#!/usr/bin/env bash
# Checks the release bundle end to end (run by .ci/run after ./mvnw verify built the jars):
# builds a bundle signed with a throw-away key, and shows verify.sh accepts it and refuses a
# tampered, an unsigned, a wrong-key, a re-signed-but-altered and a re-signed-with-extra-file one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "release-check: FAILED: $*" >&2; exit 1; }

expect_refused() { # name, expected message part, verify args...
  local what="$1" part="$2"; shift 2
  local output
  if output="$(bash ops/release/verify.sh "$@" 2>&1)"; then
    fail "$what was accepted: $output"
  fi
  echo "$output" | grep -q "REFUSED" || fail "$what: no REFUSED message: $output"
  echo "$output" | grep -qi -- "$part" || fail "$what: message lacks '$part': $output"
  echo "ok: $what refused: $output"
}

bash ops/release/keygen.sh "$tmp/keys" >/dev/null
bash ops/release/keygen.sh "$tmp/other" >/dev/null
good="$tmp/keys/release-key.pub.pem"

bash ops/release/build.sh --no-build --key "$tmp/keys/release-key.pem" --version 0.0.0-check \
  --out "$tmp/out" ${RELEASE_CHECK_SBOM:+--sbom "$RELEASE_CHECK_SBOM"}
bundle="$tmp/out/switchboard-0.0.0-check.tar.gz"
[ -f "$bundle" ] && [ -f "$bundle.sig" ] || fail "build.sh made no signed bundle"

# what is inside
listing="$(tar -tzf "$bundle")"
for f in switchboard-0.0.0-check.jar switchboard-simulator-0.0.0-check.jar sbom/bom.json SHA256SUMS \
  config/application.yml.sample deploy/RUNBOOK.md upgrade/upgrade.sh VERSION; do
  echo "$listing" | grep -q "^switchboard-0.0.0-check/$f$" || fail "the bundle lacks $f"
done
# the repository's upgrade check and its database fixtures stay out of a release
if echo "$listing" | grep -q "fixtures/\|upgrade-check.sh\|make-fixture.sh"; then
  fail "the bundle carries the upgrade check or its fixtures"
fi
tar -xzf "$bundle" -C "$tmp" switchboard-0.0.0-check/sbom/bom.json
grep -q '"bomFormat" *: *"CycloneDX"' "$tmp/switchboard-0.0.0-check/sbom/bom.json" ||
  fail "sbom/bom.json is not a CycloneDX document"

out="$(bash ops/release/verify.sh "$bundle" --pubkey "$good")" || fail "a good bundle was refused: $out"
echo "ok: good bundle: $out"

# a flipped byte in the tarball
mkdir -p "$tmp/tampered"
cp "$bundle" "$bundle.sig" "$tmp/tampered/"
printf 'X' | dd of="$tmp/tampered/$(basename "$bundle")" bs=1 seek=100 conv=notrunc 2>/dev/null
expect_refused "tampered bundle" "altered" "$tmp/tampered/$(basename "$bundle")" --pubkey "$good"

# no signature
mkdir -p "$tmp/unsigned"
cp "$bundle" "$tmp/unsigned/"
expect_refused "unsigned bundle" "unsigned" "$tmp/unsigned/$(basename "$bundle")" --pubkey "$good"

# another publisher's key
expect_refused "bundle checked with the wrong key" "another key" "$bundle" \
  --pubkey "$tmp/other/release-key.pub.pem"

# contents changed, then signed again with the right key: the sums catch it
resign() { # dir -> re-tar and sign
  (cd "$1" && tar -czf "$tmp/$2.tar.gz" switchboard-0.0.0-check)
  openssl pkeyutl -sign -rawin -inkey "$tmp/keys/release-key.pem" -in "$tmp/$2.tar.gz" \
    -out "$tmp/$2.tar.gz.sig"
}
mkdir -p "$tmp/altered" && tar -xzf "$bundle" -C "$tmp/altered"
echo "# altered" >> "$tmp/altered/switchboard-0.0.0-check/config/application.yml.sample"
resign "$tmp/altered" altered
expect_refused "re-signed bundle with an altered file" "SHA256SUMS" "$tmp/altered.tar.gz" --pubkey "$good"

mkdir -p "$tmp/extra" && tar -xzf "$bundle" -C "$tmp/extra"
echo "#!/bin/sh" > "$tmp/extra/switchboard-0.0.0-check/postinstall.sh"
resign "$tmp/extra" extra
expect_refused "re-signed bundle with an extra file" "not covered" "$tmp/extra.tar.gz" --pubkey "$good"

# a key inside the repository is refused for signing
mkdir -p "$ROOT/target/keycheck"
cp "$tmp/keys/release-key.pem" "$ROOT/target/keycheck/"
if bash ops/release/build.sh --no-build --key "$ROOT/target/keycheck/release-key.pem" \
  --out "$tmp/out2" --sbom "$tmp/switchboard-0.0.0-check/sbom/bom.json" >/dev/null 2>&1; then
  rm -rf "$ROOT/target/keycheck"
  fail "build.sh signed with a key inside the repository"
fi
rm -rf "$ROOT/target/keycheck"
echo "ok: a signing key inside the repository is refused"
echo "release-check: all good"
