#!/usr/bin/env bash
# The quickstart: build deskctl, configure the local desk from one document
# (docs/examples/desk.yaml), preview a handoff, send it, and list the ticket it
# opened. Safe to run again: the second apply changes nothing, and the
# handoff's idempotency key answers with the first ticket instead of a new one.
#
# Always the local desk (DESKCTL_DESK, or the default one), never a server the
# current context points at. Needs no terminal: stdin closed and CI=true work.
# DESKCTL_BIN=PATH runs that binary instead of building one (the tests do).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${DESKCTL_BIN:-}" ]; then
  cargo build --release --locked --quiet
  DESKCTL_BIN=target/release/deskctl
fi
deskctl() { "$DESKCTL_BIN" "$@"; }

unset DESKCTL_SERVER DESKCTL_TOKEN
if [ -n "${DESKCTL_DESK:-}" ]; then
  unset DESKCTL_CONTEXT
else
  export DESKCTL_CONTEXT=local
fi

# The document names its SMTP password `${env:SMTP_PASSWORD}`: secrets come
# from the environment (in CI, from its secret store), never from the file.
# The example's SMTP server does not exist, so a stand-in value will do here.
export SMTP_PASSWORD="${SMTP_PASSWORD:-quickstart-stand-in}"

echo "== Check the document offline: syntax, types, references between sections"
deskctl validate -f docs/examples/desk.yaml
echo
echo "== Apply it: the plan, then one transaction (run again: no changes)"
deskctl apply -f docs/examples/desk.yaml --yes
echo
echo "== What would this handoff do? (a dry run: nothing is stored)"
deskctl handoff preview -f docs/examples/handoff.json
echo
echo "== Send it in production: it opens a ticket (the same key never opens a second)"
deskctl handoff send -f docs/examples/handoff.yaml --env production \
  --idempotency-key quickstart-handoff-1 >/dev/null
echo
echo "== The ticket it opened"
deskctl tickets list --requester dana@example.com
echo
echo "== The desk"
deskctl context show
