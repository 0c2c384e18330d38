#!/usr/bin/env bash
# The quickstart: a team and two operators on the local desk, then the list.
# Safe to run again: what already exists is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
deskctl=target/release/deskctl

"$deskctl" teams show support >/dev/null 2>&1 ||
  "$deskctl" teams add support --name "Support" >/dev/null
"$deskctl" operators show alice >/dev/null 2>&1 ||
  "$deskctl" operators add alice --name "Alice Smith" --email alice@example.com \
    --role owner --availability online --team support >/dev/null
"$deskctl" operators show bob >/dev/null 2>&1 ||
  "$deskctl" operators add bob --name "Bob Jones" --email bob@example.com \
    --team support >/dev/null

echo "Teams:"
"$deskctl" teams list
echo
echo "Operators:"
"$deskctl" operators list -o wide
echo
echo "Desk:"
"$deskctl" context show
