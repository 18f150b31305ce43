"""`handoffrail mcp` driven by a real MCP client: the Python `mcp` package (PyPI).

    python tests/python/mcp_scenario.py --bin .build/debug/handoffrail \
        --base-url http://127.0.0.1:8080 --api-key hr_...

Spawns `handoffrail mcp` twice over stdio (mcp.client.stdio.stdio_client + ClientSession), as two
agents, against a running `handoffrail serve`:

1. triage (identity from flags): initialize -> tools/list -> tools/call create a packet for billing.
2. billing (identity from HANDOFFRAIL_AGENT_* variables): list its work, claim the packet, claim it
   again (an API error: isError with the server's message), complete it (update status completed),
   get an unknown packet (isError), call an unknown tool (a JSON-RPC error, as the MCP spec says).
3. The packet checked over plain HTTP: status, source and target agents, history.

First, without a client library: requests piped in at once with stdin closed are all answered,
stdout holds only JSON-RPC lines and the process exits 0; without an agent id it exits 2.

Every successful result is validated by the client against the tool's outputSchema (ClientSession
does that itself). Prints one line per check; exits 1 on the first failure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
import uuid
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator

from mcp import ClientSession, MCPError, StdioServerParameters, stdio_client
from mcp_types.version import HANDSHAKE_PROTOCOL_VERSIONS

EXPECTED_TOOLS = {
    "handoffrail_list_packets": "GET",
    "handoffrail_create_packet": "POST",
    "handoffrail_get_packet": "GET",
    "handoffrail_update_packet": "PATCH",
    "handoffrail_claim_packet": "POST",
    "handoffrail_respond_to_packet": "POST",
    "handoffrail_get_packet_history": "GET",
    "handoffrail_chain_packet": "POST",
}


class ScenarioFailure(Exception):
    pass


def check(condition: bool, label: str, detail: Any = None) -> None:
    if not condition:
        suffix = f": {detail}" if detail is not None else ""
        raise ScenarioFailure(f"{label}{suffix}")
    print(f"ok  {label}")


@asynccontextmanager
async def mcp_session(binary: str, args: list[str], env: dict[str, str]) -> AsyncIterator[ClientSession]:
    params = StdioServerParameters(command=binary, args=["mcp", *args], env=env)
    async with stdio_client(params) as (read_stream, write_stream):
        async with ClientSession(read_stream, write_stream, read_timeout_seconds=60) as session:
            yield session


def text_of(result: Any) -> str:
    return "".join(item.text for item in result.content if getattr(item, "type", None) == "text")


def structured(result: Any, label: str) -> dict[str, Any]:
    check(not result.is_error, f"{label}: not an error", text_of(result))
    check(len(result.content) == 1 and result.content[0].type == "text", f"{label}: one text item")
    answer = json.loads(result.content[0].text)
    check(result.structured_content == answer, f"{label}: structuredContent equals the text JSON")
    return answer


def api_get(base_url: str, api_key: str, path: str) -> Any:
    request = urllib.request.Request(base_url + path, headers={"X-API-Key": api_key})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


async def triage_creates(binary: str, env: dict[str, str]) -> str:
    args = ["--agent-id", "py-triage", "--agent-name", "Python Triage", "--framework", "langchain"]
    async with mcp_session(binary, args, env) as session:
        initialized = await session.initialize()
        check(initialized.server_info.name == "handoffrail", "initialize: server name handoffrail", initialized.server_info)
        check(initialized.protocol_version in HANDSHAKE_PROTOCOL_VERSIONS, "initialize: a handshake protocol version",
              initialized.protocol_version)
        check(initialized.capabilities.tools is not None, "initialize: tools capability")
        check("py-triage" in (initialized.instructions or ""), "initialize: instructions name the agent",
              initialized.instructions)

        listed = await session.list_tools()
        tools = {tool.name: tool for tool in listed.tools}
        check(set(tools) == set(EXPECTED_TOOLS), "tools/list: the 8 generated tools", sorted(tools))
        for name, method in EXPECTED_TOOLS.items():
            tool = tools[name]
            check(tool.input_schema.get("type") == "object" and tool.output_schema and
                  tool.output_schema.get("type") == "object", f"tools/list: {name} has object input and output schemas")
            read_only = bool(tool.annotations and tool.annotations.read_only_hint)
            check(read_only == (method == "GET"), f"tools/list: {name} readOnlyHint is {method == 'GET'}")
        create_properties = tools["handoffrail_create_packet"].input_schema["properties"]
        check("source_agent" not in create_properties["metadata"]["properties"],
              "tools/list: create leaves metadata.source_agent to the server")

        created = structured(await session.call_tool("handoffrail_create_packet", {
            # The model claims to be someone else: the server's identity wins.
            "metadata": {"target_agent": {"id": "py-billing", "name": "Python Billing"}, "priority": "high",
                         "tags": ["mcp-scenario"], "source_agent": {"id": "mallory", "name": "Mallory"}},
            "context": {"summary": "Customer 4711 asks for a refund of invoice INV-2026-17; verify and refund."},
        }), "tools/call create")
        check(created["status"] == "created", "create: status created", created["status"])
        source = created["metadata"]["source_agent"]
        check(source["id"] == "py-triage" and source["name"] == "Python Triage" and source.get("framework") == "langchain",
              "create: source_agent is the server's configured identity", source)
        return created["id"]


async def billing_works(binary: str, env: dict[str, str], packet_id: str) -> None:
    # An MCP host is not one of the adapters' frameworks; its own name is recorded as given.
    billing_env = env | {"HANDOFFRAIL_AGENT_ID": "py-billing", "HANDOFFRAIL_AGENT_NAME": "Python Billing",
                         "HANDOFFRAIL_AGENT_FRAMEWORK": "claude-desktop"}
    async with mcp_session(binary, [], billing_env) as session:
        await session.initialize()
        await session.list_tools()

        page = structured(await session.call_tool("handoffrail_list_packets",
                                                  {"target_agent": "py-billing", "status": "created"}), "tools/call list")
        check(packet_id in [packet["id"] for packet in page["packets"]], "list: the packet is waiting for py-billing")

        claimed = structured(await session.call_tool("handoffrail_claim_packet", {"packet_id": packet_id}), "tools/call claim")
        check(claimed["status"] == "claimed", "claim: status claimed", claimed["status"])
        check(claimed["metadata"]["target_agent"]["id"] == "py-billing" and
              claimed["metadata"]["target_agent"].get("framework") == "claude-desktop",
              "claim: the claimer is the configured identity, with the host's framework name",
              claimed["metadata"]["target_agent"])

        again = await session.call_tool("handoffrail_claim_packet", {"packet_id": packet_id})
        check(again.is_error, "claim again: isError")
        check("already claimed" in text_of(again).lower(), "claim again: the API's message", text_of(again))

        completed = structured(await session.call_tool("handoffrail_update_packet", {
            "packet_id": packet_id, "status": "completed",
            "decisions": [{"id": "d1", "decision": "Refund approved", "rationale": "Invoice paid twice."}],
        }), "tools/call update (completed)")
        check(completed["status"] == "completed" and completed["metadata"].get("completed_at"),
              "update: completed with completed_at", completed["status"])

        missing_id = str(uuid.uuid4())
        missing = await session.call_tool("handoffrail_get_packet", {"packet_id": missing_id})
        check(missing.is_error and missing.structured_content is None, "get unknown packet: isError without structuredContent")
        check("not found" in text_of(missing).lower(), "get unknown packet: the API's message", text_of(missing))

        bad = await session.call_tool("handoffrail_claim_packet", {})
        check(bad.is_error and "packet_id" in text_of(bad), "claim without packet_id: isError naming the argument", text_of(bad))

        try:
            await session.call_tool("handoffrail_no_such_tool", {})
        except MCPError as error:
            check(error.code == -32602 and "handoffrail_no_such_tool" in error.message,
                  "unknown tool: JSON-RPC error -32602 naming it", (error.code, error.message))
        else:
            raise ScenarioFailure("unknown tool: expected a JSON-RPC error")


def raw_stdio(binary: str, env: dict[str, str]) -> None:
    """Requests written at once and stdin closed: every answer arrives, stdout holds nothing but
    JSON-RPC lines, the process exits 0; a missing identity is a usage error (exit 2)."""
    requests = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
        {"jsonrpc": "2.0", "id": 3, "method": "tools/call",
         "params": {"name": "handoffrail_list_packets", "arguments": {"target_agent": "py-raw", "limit": 1}}},
    ]
    stdin = "".join(json.dumps(request) + "\n" for request in requests)
    full_env = os.environ | env
    done = subprocess.run([binary, "mcp", "--agent-id", "py-raw"], input=stdin, capture_output=True, text=True,
                          env=full_env, timeout=120)
    check(done.returncode == 0, "raw stdio: exit status 0 after stdin closes", (done.returncode, done.stderr[-500:]))
    lines = [line for line in done.stdout.split("\n") if line]
    answers = [json.loads(line) for line in lines]
    check(all(answer.get("jsonrpc") == "2.0" for answer in answers), "raw stdio: stdout holds only JSON-RPC messages")
    by_id = {answer["id"]: answer for answer in answers}
    check(sorted(by_id) == [1, 2, 3], "raw stdio: every request answered", sorted(by_id))
    check(by_id[3]["result"]["isError"] is False and by_id[3]["result"]["structuredContent"]["limit"] == 1,
          "raw stdio: the tool call answered with structured content")

    refused = subprocess.run([binary, "mcp"], input="", capture_output=True, text=True,
                             env={key: value for key, value in full_env.items() if not key.startswith("HANDOFFRAIL_AGENT_")},
                             timeout=60)
    check(refused.returncode == 2 and refused.stdout == "" and "agent id" in refused.stderr,
          "no agent id: exit 2, nothing on stdout, the reason on stderr", (refused.returncode, refused.stderr))

    spaced = subprocess.run([binary, "mcp", "--agent-id", "py-raw", "--framework", "my framework"], input="",
                            capture_output=True, text=True, env=full_env, timeout=60)
    check(spaced.returncode == 2 and spaced.stdout == "" and "--framework" in spaced.stderr,
          "a framework name with a space: exit 2 naming --framework", (spaced.returncode, spaced.stderr))


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="the handoffrail executable")
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--api-key", required=True)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as home:
        # The key and URL travel in the environment (not argv); an empty HOME and a missing
        # config file keep the user's ~/.handoffrail.toml out of the scenario.
        env = {
            "HANDOFFRAIL_URL": options.base_url,
            "HANDOFFRAIL_API_KEY": options.api_key,
            "HANDOFFRAIL_CONFIG": os.path.join(home, "absent.toml"),
            "HOME": home,
        }
        try:
            raw_stdio(options.bin, env)
            packet_id = await triage_creates(options.bin, env)
            await billing_works(options.bin, env, packet_id)
            packet = api_get(options.base_url, options.api_key, f"/api/v1/packets/{packet_id}")
            check(packet["status"] == "completed", "API: the packet is completed", packet["status"])
            check(packet["metadata"]["source_agent"]["id"] == "py-triage" and
                  packet["metadata"]["target_agent"]["id"] == "py-billing", "API: source py-triage, target py-billing")
            check([decision["id"] for decision in packet["decisions"]] == ["d1"], "API: the decision was recorded")
            history = api_get(options.base_url, options.api_key, f"/api/v1/packets/{packet_id}/history")
            events = [event["event_type"] for event in history["events"]]
            check(events[:2] == ["created", "claimed"] and events[-1] == "completed", "API: history created, claimed, … completed",
                  events)
        except ScenarioFailure as failure:
            print(f"FAIL {failure}", file=sys.stderr)
            return 1
    print("mcp scenario: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
