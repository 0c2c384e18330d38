#!/bin/sh
# Runs inside a network namespace of its own (tests/openapi.rs starts it with
# `unshare -n`): only loopback exists, so nothing the fuzzer configures (a
# webhook URL, an SMTP host) can reach past this machine.
# Usage: schemathesis.sh DESKCTL SCHEMATHESIS DOCUMENT TOKEN_FILE WORKDIR [ARGS...]
set -eu
deskctl=$1 schemathesis=$2 document=$3 token_file=$4 workdir=$5
shift 5
ip link set lo up
"$deskctl" serve --listen 127.0.0.1:0 --rate-limit-per-address 0 --rate-limit-per-token 0 \
  >"$workdir/serve.url" 2>"$workdir/serve.log" &
serve=$!
trap 'kill "$serve" 2>/dev/null; wait "$serve" 2>/dev/null || true' EXIT
i=0
until [ -s "$workdir/serve.url" ]; do
  i=$((i + 1))
  if [ "$i" -gt 600 ] || ! kill -0 "$serve" 2>/dev/null; then
    echo "deskctl serve did not start:" >&2
    cat "$workdir/serve.log" >&2
    exit 2
  fi
  sleep 0.1
done
url=$(head -n1 "$workdir/serve.url")
cd "$workdir"
# "$@": schemathesis's global options, then `run` and its options.
"$schemathesis" "$@" "$document" --url "$url" \
  -H "Authorization: Bearer $(cat "$token_file")"
