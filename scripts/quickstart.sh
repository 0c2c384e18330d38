#!/usr/bin/env bash
# The quickstart on the local desk: a team and operators, an AI agent with its
# handover action, business hours and a rule; then what a customer would see.
# Safe to run again: what already exists is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
deskctl=target/release/deskctl

exists() { "$deskctl" "$@" >/dev/null 2>&1; }

exists teams show support ||
  "$deskctl" teams add support --name "Support" >/dev/null
exists teams show billing ||
  "$deskctl" teams add billing --name "Billing" >/dev/null
exists operators show alice ||
  "$deskctl" operators add alice --name "Alice Smith" --email alice@example.com \
    --role owner --availability online --team support >/dev/null
exists operators show bob ||
  "$deskctl" operators add bob --name "Bob Jones" --email bob@example.com \
    --team support --team billing >/dev/null

exists agents show shop ||
  "$deskctl" agents add shop --name "Shop assistant" >/dev/null
"$deskctl" actions set shop --platform inbox --channel web --channel help-page \
  --default-priority medium --message-threshold 2 \
  --when-to-use "Use when the customer asks for a person, or after two failed answers." \
  >/dev/null
"$deskctl" hours set --enabled true --timezone Europe/Berlin --days mon,tue,wed,thu,fri \
  --start 09:00 --end 17:00 >/dev/null
exists fields show order-id ||
  "$deskctl" fields add order-id --name "Order" --type text >/dev/null
[ -n "$("$deskctl" rules list assignment -o name)" ] ||
  "$deskctl" rules add assignment --when "reason contains invoice" --team billing \
    --name "Invoices to billing" >/dev/null

echo "== Operators"
"$deskctl" operators list
echo
echo "== Handover actions"
"$deskctl" actions list -o wide
echo
echo "== Rules"
"$deskctl" rules list
echo
echo "== Business hours now"
"$deskctl" hours check
echo
echo "== Would a customer of 'shop' see the human button now?"
"$deskctl" actions status shop --messages 3
echo
echo "== What would this handoff do in development? (a dry run: nothing is stored)"
"$deskctl" handoff preview -f docs/examples/handoff.json --env development
echo
echo "== A handoff in production opens a ticket (the idempotency key makes re-runs safe)"
"$deskctl" handoff send -f docs/examples/handoff.yaml --env production \
  --idempotency-key quickstart-handoff-1 >/dev/null
"$deskctl" handoff list --limit 5
echo
echo "== The inbox: list, show, note and resolve the ticket"
"$deskctl" tickets list --limit 5
ticket=$("$deskctl" tickets list --requester dana@example.com --limit 1 -o name)
"$deskctl" tickets show "$ticket"
"$deskctl" tickets note "$ticket" -m "Asked the warehouse for photos of the damage."
if "$deskctl" tickets list --view resolved -o name | grep -qx "$ticket"; then
  "$deskctl" tickets reopen "$ticket"
fi
"$deskctl" tickets resolve "$ticket"
echo
echo "== The desk"
"$deskctl" context show
