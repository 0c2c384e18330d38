"""Sends a handoff and reads its ticket with a client that openapi-python-client
generated from docs/openapi.json (tests/openapi.rs). Only the generated package's
own calls and models are used: typed requests in, typed answers out.

argv: the directory holding the generated package `desk_client`, the service's
URL. The token comes in DESK_TOKEN (never on argv). Prints what it read as JSON.
"""

import json
import os
import sys

sys.path.insert(0, sys.argv[1])

from desk_client import AuthenticatedClient  # noqa: E402
from desk_client.api.handoffs import handoffs_create, handoffs_show  # noqa: E402
from desk_client.api.tickets import tickets_show  # noqa: E402
from desk_client.models import (  # noqa: E402
    Channel,
    Environment,
    Handoff,
    HandoffOutcome,
    HandoffRequest,
    HandoffRequestContext,
    MessageRole,
    Requester,
    TicketDetail,
    TranscriptMessage,
)

client = AuthenticatedClient(
    base_url=sys.argv[2],
    token=os.environ["DESK_TOKEN"],
    raise_on_unexpected_status=True,
)
context = HandoffRequestContext()
context["order-id"] = "A-1001"
request = HandoffRequest(
    agent="shop",
    environment=Environment.PRODUCTION,
    channel=Channel.HELP_PAGE,
    requester=Requester(name="Dana Fox", email="dana@example.com"),
    transcript=[
        TranscriptMessage(role=MessageRole.CUSTOMER, text="My parcel never arrived."),
        TranscriptMessage(role=MessageRole.AI, text="Let me get a person for you."),
    ],
    context=context,
    reason="explicit-request",
)
with client:
    created = handoffs_create.sync_detailed(
        client=client, body=request, idempotency_key="generated-client-1"
    )
    handoff = created.parsed
    assert isinstance(handoff, Handoff), (created.status_code, created.content)
    assert handoff.outcome == HandoffOutcome.TICKET, handoff.outcome
    # The same key again: the first result, nothing new.
    again = handoffs_create.sync(
        client=client, body=request, idempotency_key="generated-client-1"
    )
    assert isinstance(again, Handoff) and again.id == handoff.id, again
    shown = handoffs_show.sync(handoff.id, client=client)
    assert isinstance(shown, Handoff) and shown.ticket == handoff.ticket, shown
    detail = tickets_show.sync(handoff.ticket, client=client)
    assert isinstance(detail, TicketDetail), detail
    ticket = detail.ticket
    print(
        json.dumps(
            {
                "handoff": handoff.id,
                "number": ticket.number,
                "status": str(ticket.status),
                "channel": str(ticket.channel),
                "environment": str(ticket.environment),
                "requester": ticket.requester.email,
                "context": ticket.context.to_dict(),
                "timeline": len(detail.timeline),
            }
        )
    )
