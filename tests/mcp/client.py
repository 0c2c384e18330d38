"""Drives a deskctl MCP server with the official MCP Python SDK, as an assistant would.

Reads a plan (JSON) on stdin, runs it, and prints what the server answered (JSON)
on stdout; the Rust tests (tests/mcp.rs) decide what is right. The plan:

    {"transport": "stdio", "command": "/path/deskctl", "args": ["mcp"], "mode": "legacy",
     "steps": [{"list_tools": {}}, {"call": "get_ticket", "arguments": {"number": 10001}}]}

or {"transport": "http", "url": "http://127.0.0.1:PORT/v1/mcp", "token": "dsk_..." | null, ...}.
A stdio server runs with this script's environment. `mode` is the SDK's: "legacy" (the
initialize handshake) or "auto" (discover first).

Every step answers {"result": ...} or {"error": {"code", "message", "data"}} (a JSON-RPC
error); a connection that fails answers {"connect_error": "..."} and runs no steps.
"""

import json
import os
import sys

import anyio
import httpx2
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp.client.streamable_http import streamable_http_client
from mcp.shared.exceptions import MCPError

# Nothing a test does takes this long: a server that hangs fails the test, not CI.
TIMEOUT_SECONDS = 60


def leaves(error):
    """The errors at the bottom of exception groups (anyio task groups wrap them)."""
    if isinstance(getattr(error, "exceptions", None), (list, tuple)):
        return [leaf for inner in error.exceptions for leaf in leaves(inner)]
    return [error]


def dump(model):
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def server_of(plan, stack):
    if plan["transport"] == "stdio":
        return StdioServerParameters(command=plan["command"], args=plan["args"], env=dict(os.environ))
    headers = {}
    if plan.get("token"):
        headers["Authorization"] = f"Bearer {plan['token']}"
    http = httpx2.AsyncClient(headers=headers, timeout=30)
    stack.append(http)
    return streamable_http_client(plan["url"], http_client=http)


async def step(client, action):
    try:
        if "list_tools" in action:
            return {"result": dump(await client.list_tools())}
        result = await client.call_tool(action["call"], action.get("arguments"))
        return {"result": dump(result)}
    except MCPError as error:
        return {"error": {"code": error.code, "message": error.message, "data": error.data}}


async def run(plan):
    stack = []
    server = server_of(plan, stack)
    answer = {}
    try:
        async with Client(server, mode=plan.get("mode", "legacy")) as client:
            info = client.server_info
            answer["server"] = {
                "name": info.name if info else None,
                "version": info.version if info else None,
                "protocol_version": client.protocol_version,
                "instructions": client.instructions,
                "tools_capability": client.server_capabilities.tools is not None,
            }
            answer["steps"] = [await step(client, action) for action in plan["steps"]]
    except Exception as error:  # the answer is what went wrong, for the test to judge
        if "steps" in answer:
            raise
        answer["connect_error"] = "; ".join(f"{type(e).__name__}: {e}" for e in leaves(error))
    finally:
        for http in stack:
            await http.aclose()
    return answer


async def main():
    plan = json.load(sys.stdin)
    with anyio.fail_after(TIMEOUT_SECONDS):
        answer = await run(plan)
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    anyio.run(main)
