#!/usr/bin/env bash
# Verifies a release bundle before anything is installed from it:
#   verify.sh switchboard-V.tar.gz [--pubkey FILE]   (default key: $SWITCHBOARD_RELEASE_PUBKEY)
# 1. the detached signature switchboard-V.tar.gz.sig exists and verifies (Ed25519) with the
#    publisher's public key; 2. every file inside matches SHA256SUMS, and nothing unlisted is there.
# Exit 0 and "OK" when both hold; otherwise exit 1 with the reason. Nothing is extracted outside
# a temporary folder.
set -euo pipefail

refuse() { echo "REFUSED: $*" >&2; exit 1; }

bundle=""
pubkey="${SWITCHBOARD_RELEASE_PUBKEY:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --pubkey) pubkey="$2"; shift 2 ;;
    -*) refuse "unknown option $1" ;;
    *) bundle="$1"; shift ;;
  esac
done
[ -n "$bundle" ] || refuse "usage: verify.sh switchboard-<version>.tar.gz [--pubkey FILE]"
[ -f "$bundle" ] || refuse "$bundle does not exist"
[ -n "$pubkey" ] || refuse "no public key: pass --pubkey FILE or set SWITCHBOARD_RELEASE_PUBKEY"
[ -r "$pubkey" ] || refuse "public key $pubkey is not readable"
openssl pkey -pubin -in "$pubkey" -noout 2>/dev/null || refuse "$pubkey is not a public key"

sig="$bundle.sig"
[ -f "$sig" ] || refuse "$bundle is unsigned: no signature file $sig"
if ! openssl pkeyutl -verify -pubin -inkey "$pubkey" -rawin -in "$bundle" -sigfile "$sig" \
  >/dev/null 2>&1; then
  refuse "the signature $sig does not match $bundle with key $pubkey: the bundle was altered or signed by another key"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$bundle" -C "$work" || refuse "$bundle is not a readable tar.gz"
top="$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -1)"
[ -n "$top" ] && [ -f "$top/SHA256SUMS" ] || refuse "$bundle has no SHA256SUMS"
if ! (cd "$top" && sha256sum --quiet --strict -c SHA256SUMS >/dev/null 2>&1); then
  bad="$(cd "$top" && sha256sum --strict -c SHA256SUMS 2>/dev/null | grep -v ': OK$' | head -3 || true)"
  refuse "files do not match SHA256SUMS: ${bad:-unreadable sums}"
fi
listed="$(cut -d' ' -f3- "$top/SHA256SUMS" | LC_ALL=C sort)"
present="$(cd "$top" && find . -type f ! -name SHA256SUMS | sed 's:^\./::' | LC_ALL=C sort)"
if [ "$listed" != "$present" ]; then
  extra="$(comm -13 <(echo "$listed") <(echo "$present") | head -3)"
  refuse "files not covered by SHA256SUMS: ${extra:-?}"
fi
echo "OK: $(basename "$bundle") is signed by $pubkey and every file matches SHA256SUMS ($(wc -l < "$top/SHA256SUMS") files)"
