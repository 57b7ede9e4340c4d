#!/usr/bin/env bash
# Makes an Ed25519 signing key pair: keygen.sh DIR  ->  DIR/release-key.pem (private, mode 600)
# and DIR/release-key.pub.pem (publish this one). Keep DIR outside the repository.
set -euo pipefail
dir="${1:?usage: keygen.sh DIR}"
mkdir -p "$dir"
umask 077
openssl genpkey -algorithm ed25519 -out "$dir/release-key.pem"
openssl pkey -in "$dir/release-key.pem" -pubout -out "$dir/release-key.pub.pem"
chmod 644 "$dir/release-key.pub.pem"
echo "private: $dir/release-key.pem"
echo "public:  $dir/release-key.pub.pem"
