#!/usr/bin/env python3
"""Live events against a HandoffRail server with the real Python SDK (`handoffrail-sdk==0.3.0`).

Uses the SDK's `HandoffRailSSEClient` (`GET /events`) and `HandoffRailWSClient` (`GET /ws`)
unchanged, and plain httpx for the API calls, so that each event's arrival can be timed
against the moment the API answered:

- every lifecycle step (create, claim, update, in_progress, complete, HITL create + respond,
  chain, batch create/claim/complete, delete) produces its events on SSE and WebSocket;
- `subscribe` channels filter (SSE query and WebSocket `subscribe`/`unsubscribe` messages);
- `{"action":"ping"}` is answered `{"type":"pong"}`, subscriptions are acknowledged;
- two tenants' subscribers never see each other's events;
- a WebSocket upgrade with an unknown key is refused before the upgrade;
- each event arrives within `--latency-budget-ms` (100) of the API answer on loopback.

    python tests/python/events_scenario.py --base-url http://127.0.0.1:8080 --api-key hr_...

`--api-key` is an admin key of the operator (bootstrap) tenant; the scenario makes its own
tenants. One line per step (`ok  <name>` / `FAIL <name>: why`), then the latency summary;
the exit status is 1 if any step failed.

Notes on the SDK (0.3.0). `HandoffRailSSEClient` builds `httpx.Timeout(connect=10.0,
read=None)`, which every httpx release since 0.18 rejects ("must either include a default,
or set all four parameters explicitly"), so the published SSE client cannot connect at
all; the scenario gives `httpx.Timeout` a `None` default for the SDK (see
`_sdk_compatible_timeout`) and changes nothing else. Its clients log with structlog-style keyword arguments through the
standard `logging` module, which raises `TypeError` for any enabled level; the scenario
therefore leaves logging at its default (WARNING) and never provokes the clients' error
paths. Their `connect()` loops forever, so each client runs in its own asyncio task that
the scenario cancels at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import statistics
import sys
import time
import traceback
from typing import Any
from urllib.parse import urlsplit

import httpx
import websockets
from handoffrail.sdk.sse_client import HandoffRailSSEClient
from handoffrail.sdk.ws_client import HandoffRailWSClient

WAIT_SECONDS = 10.0


def _sdk_compatible_timeout() -> None:
    """Lets the SDK's `httpx.Timeout(connect=10.0, read=None)` mean "no default, connect 10 s"."""

    class SDKCompatibleTimeout(httpx.Timeout):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if not args and "timeout" not in kwargs and len(kwargs) < 4:
                args = (None,)
            super().__init__(*args, **kwargs)

    httpx.Timeout = SDKCompatibleTimeout  # type: ignore[misc]


class Recorder:
    """Collects the messages one SDK client dispatches, with their arrival time."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.messages: list[tuple[float, dict[str, Any]]] = []
        self.arrived = asyncio.Event()

    async def on_event(self, message: dict[str, Any]) -> None:
        self.messages.append((time.perf_counter(), message))
        self.arrived.set()

    def events(self) -> list[tuple[float, dict[str, Any]]]:
        """Packet events only (not connected/ping/pong/acknowledgements)."""
        return [(at, m) for at, m in self.messages if "packet_id" in m]

    async def wait_for(self, predicate, count: int = 1, timeout: float = WAIT_SECONDS) -> list[tuple[float, dict[str, Any]]]:
        """The first `count` messages matching `predicate`; raises after `timeout` seconds."""
        deadline = time.perf_counter() + timeout
        while True:
            found = [(at, m) for at, m in self.messages if predicate(m)]
            if len(found) >= count:
                return found[:count]
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise AssertionError(f"{self.name}: {len(found)} of {count} expected messages after {timeout} s")
            self.arrived.clear()
            try:
                await asyncio.wait_for(self.arrived.wait(), remaining)
            except TimeoutError:
                pass


class Scenario:
    def __init__(self, base_url: str, admin_key: str, budget_ms: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.admin_key = admin_key
        self.budget_ms = budget_ms
        self.failures = 0
        self.latencies: dict[str, list[float]] = {"sse": [], "websocket": []}
        self.http = httpx.AsyncClient(base_url=self.base_url, timeout=30.0)

    # ── reporting ────────────────────────────────────────────────────────────────────
    async def step(self, name: str, body) -> None:
        try:
            await body()
            print(f"ok  {name}")
        except Exception as error:  # noqa: BLE001 — every failure is reported, the run goes on
            self.failures += 1
            print(f"FAIL {name}: {error!r}")
            traceback.print_exc(limit=3)

    # ── API ──────────────────────────────────────────────────────────────────────────
    async def api(self, method: str, path: str, key: str, json: Any = None, expect: int = 200) -> tuple[Any, float]:
        response = await self.http.request(method, f"/api/v1{path}", headers={"X-API-Key": key}, json=json)
        answered = time.perf_counter()
        if response.status_code != expect:
            raise AssertionError(f"{method} {path} answered {response.status_code}: {response.text[:300]}")
        return (response.json() if response.content else None), answered

    async def make_tenant(self, label: str) -> str:
        name = f"events-{label}-{secrets.token_hex(4)}"
        tenant, _ = await self.api("POST", "/tenants", self.admin_key, {"name": name, "tier": "business", "max_api_keys": 25, "handoffs_per_day": 10000}, 201)
        key, _ = await self.api("POST", "/keys", self.admin_key, {"name": f"{name} admin", "tenant_id": tenant["id"], "role": "admin"}, 201)
        return key["key"]

    @staticmethod
    def packet(summary: str, source: str = "triage-01", target: str = "billing-01", hitl: dict | None = None) -> dict:
        body: dict[str, Any] = {
            "metadata": {"source_agent": {"id": source, "name": "Triage"}, "target_agent": {"id": target, "name": "Billing"}, "priority": "high", "tags": ["events"]},
            "context": {"summary": summary},
        }
        if hitl is not None:
            body["hitl"] = hitl
        return body

    def note_latency(self, transport: str, answered: float, arrivals: list[tuple[float, dict]]) -> None:
        for at, _ in arrivals:
            self.latencies[transport].append(max(0.0, (at - answered) * 1000))

    # ── clients ──────────────────────────────────────────────────────────────────────
    async def start_sse(self, key: str, name: str, subscribe: list[str] | None = None) -> tuple[Recorder, asyncio.Task]:
        recorder = Recorder(name)
        client = HandoffRailSSEClient(self.base_url, api_key=key, subscribe=subscribe, reconnect=False)
        client.on_event = recorder.on_event
        task = asyncio.create_task(client.connect())
        await recorder.wait_for(lambda m: m.get("type") == "connected")
        return recorder, task

    async def start_ws(self, key: str, name: str) -> tuple[Recorder, HandoffRailWSClient, asyncio.Task]:
        recorder = Recorder(name)
        host = urlsplit(self.base_url).netloc
        client = HandoffRailWSClient(f"ws://{host}/ws", api_key=key, reconnect=False)
        client.on_event = recorder.on_event
        connected = asyncio.Event()

        async def on_connected() -> None:
            connected.set()

        client.on_connected = on_connected
        task = asyncio.create_task(client.connect())
        await asyncio.wait_for(connected.wait(), WAIT_SECONDS)
        # A ping/pong round trip: once answered, the server is tailing the outbox for us.
        await client.ping()
        await recorder.wait_for(lambda m: m.get("type") == "pong")
        return recorder, client, task

    # ── the scenario ─────────────────────────────────────────────────────────────────
    async def run(self) -> int:
        key_a = await self.make_tenant("a")
        key_b = await self.make_tenant("b")
        sse, sse_task = await self.start_sse(key_a, "sse(all)")
        completed_only, completed_task = await self.start_sse(key_a, "sse(status:completed)", subscribe=["status:completed"])
        ws, ws_client, ws_task = await self.start_ws(key_a, "ws(all)")
        other_sse, other_task = await self.start_sse(key_b, "sse(tenant b)")
        tasks = [sse_task, completed_task, ws_task, other_task]
        state: dict[str, Any] = {}

        async def expect_events(label: str, answered: float, predicate, types: list[str]) -> None:
            for transport, recorder in (("sse", sse), ("websocket", ws)):
                arrivals = await recorder.wait_for(predicate, len(types))
                got = [m["type"] for _, m in arrivals]
                if sorted(got) != sorted(types):
                    raise AssertionError(f"{transport} {label}: {got}, expected {types}")
                self.note_latency(transport, answered, arrivals)

        async def lifecycle() -> None:
            created, answered = await self.api("POST", "/packets", key_a, self.packet("refund for INV-1042"), 201)
            state["id"] = pid = created["id"]
            await expect_events("create", answered, lambda m: m.get("packet_id") == pid and m["type"] == "packet.created", ["packet.created"])
            _, answered = await self.api("POST", f"/packets/{pid}/claim", key_a, {"agent_id": "billing-01", "agent_name": "Billing"})
            await expect_events("claim", answered, lambda m: m.get("packet_id") == pid and m["type"] == "packet.claimed", ["packet.claimed"])
            _, answered = await self.api("PATCH", f"/packets/{pid}", key_a, {"status": "in_progress"})
            await expect_events("in_progress", answered, lambda m: m.get("packet_id") == pid and m["type"] == "packet.in_progress", ["packet.in_progress"])
            _, answered = await self.api("PATCH", f"/packets/{pid}", key_a, {"decisions": [{"id": "d1", "decision": "refund", "rationale": "charged twice"}]})
            await expect_events("update", answered, lambda m: m.get("packet_id") == pid and m["type"] == "packet.updated", ["packet.updated"])
            _, answered = await self.api("PATCH", f"/packets/{pid}", key_a, {"status": "completed"})
            await expect_events("complete", answered, lambda m: m.get("packet_id") == pid and m["type"] == "packet.completed", ["packet.completed"])

        async def hitl() -> None:
            created, answered = await self.api("POST", "/packets", key_a, self.packet("approve the refund", hitl={"required": True, "reason": "amount over limit"}), 201)
            pid = created["id"]
            await expect_events("hitl create", answered, lambda m: m.get("packet_id") == pid and m["type"] == "packet.created", ["packet.created"])
            _, answered = await self.api("POST", f"/packets/{pid}/respond", key_a, {"response": "approved", "responded_by": "ops-lead"})
            await expect_events(
                "respond", answered,
                lambda m: m.get("packet_id") == pid and m["type"] in ("hitl.response_ready", "packet.claimed"),
                ["hitl.response_ready", "packet.claimed"])
            _, answered = await self.api("DELETE", f"/packets/{pid}", key_a, expect=204)
            await expect_events("delete", answered, lambda m: m.get("packet_id") == pid and m["type"] == "packet.expired", ["packet.expired"])

        async def chain() -> None:
            parent = state["id"]
            child, answered = await self.api("POST", f"/packets/{parent}/chain", key_a, self.packet("follow-up with the bank"), 201)
            await expect_events(
                "chain", answered,
                lambda m: (m.get("packet_id") == child["id"] and m["type"] == "packet.created") or (m.get("packet_id") == parent and m["type"] == "packet.chained"),
                ["packet.created", "packet.chained"])

        async def batch() -> None:
            result, answered = await self.api("POST", "/packets/batch", key_a, {"packets": [self.packet("batch one"), self.packet("batch two")]}, 201)
            ids = [p["id"] for p in result["created"]]
            await expect_events("batch create", answered, lambda m: m.get("packet_id") in ids and m["type"] == "packet.created", ["packet.created"] * 2)
            _, answered = await self.api("POST", "/packets/batch/claim", key_a, {"packet_ids": ids, "agent_id": "billing-01", "agent_name": "Billing"})
            await expect_events("batch claim", answered, lambda m: m.get("packet_id") in ids and m["type"] == "packet.claimed", ["packet.claimed"] * 2)
            _, answered = await self.api("POST", "/packets/batch/complete", key_a, {"packet_ids": ids})
            await expect_events("batch complete", answered, lambda m: m.get("packet_id") in ids and m["type"] == "packet.completed", ["packet.completed"] * 2)

        async def sse_filter() -> None:
            # Tenant A completed 3 packets (lifecycle + batch of two); the chain step touched the
            # completed parent too (`packet.chained`, status still completed). Nothing else passes.
            await completed_only.wait_for(lambda m: m.get("type") == "packet.completed", 3)
            received = [m for _, m in completed_only.events()]
            not_completed = [m["type"] for m in received if m["data"].get("status") != "completed"]
            if not_completed:
                raise AssertionError(f"status:completed subscriber also got {not_completed}")
            types = sorted(m["type"] for m in received)
            if types != ["packet.chained", "packet.completed", "packet.completed", "packet.completed"]:
                raise AssertionError(f"unexpected events {types}")

        async def ws_channels() -> None:
            watched, _ = await self.api("POST", "/packets", key_a, self.packet("watched over ws"), 201)
            await ws.wait_for(lambda m: m.get("packet_id") == watched["id"])
            channel = f"packet:{watched['id']}"
            await ws_client.subscribe(channel)
            await ws.wait_for(lambda m: m.get("type") == "subscribed" and m.get("channel") == channel)
            mark = len(ws.messages)
            _, _ = await self.api("POST", "/packets", key_a, self.packet("not watched"), 201)
            _, answered = await self.api("POST", f"/packets/{watched['id']}/claim", key_a, {"agent_id": "billing-01", "agent_name": "Billing"})
            arrivals = await ws.wait_for(lambda m: m.get("packet_id") == watched["id"] and m["type"] == "packet.claimed")
            self.note_latency("websocket", answered, arrivals)
            later = [m for _, m in ws.messages[mark:] if "packet_id" in m]
            if any(m["packet_id"] != watched["id"] for m in later):
                raise AssertionError(f"subscribed to {channel} but got {[m['data'].get('summary') for m in later]}")
            await ws_client.unsubscribe(channel)
            await ws.wait_for(lambda m: m.get("type") == "unsubscribed" and m.get("channel") == channel)
            # No channel left: every event of the tenant again.
            everything, _ = await self.api("POST", "/packets", key_a, self.packet("after unsubscribe"), 201)
            await ws.wait_for(lambda m: m.get("packet_id") == everything["id"])

        async def ws_ping() -> None:
            before = len([m for _, m in ws.messages if m.get("type") == "pong"])
            await ws_client.ping()
            await ws.wait_for(lambda m: m.get("type") == "pong", before + 1)

        async def isolation() -> None:
            created, _ = await self.api("POST", "/packets", key_b, self.packet("tenant b's own packet"), 201)
            await other_sse.wait_for(lambda m: m.get("packet_id") == created["id"])
            foreign = [m for _, m in other_sse.events() if m["packet_id"] != created["id"]]
            if foreign:
                raise AssertionError(f"tenant b saw {len(foreign)} events of tenant a")
            leaked = [m for _, m in sse.events() + ws.events() if m["packet_id"] == created["id"]]
            if leaked:
                raise AssertionError("tenant a saw tenant b's packet")

        async def refused_upgrade() -> None:
            host = urlsplit(self.base_url).netloc
            try:
                async with websockets.connect(f"ws://{host}/ws?api_key=hr_not_a_key"):
                    raise AssertionError("the upgrade succeeded with an unknown key")
            except websockets.InvalidStatus as error:
                status = error.response.status_code
                if status not in (400, 401, 403):
                    raise AssertionError(f"refused with {status}") from None

        async def latency() -> None:
            for transport, values in self.latencies.items():
                if not values:
                    raise AssertionError(f"no {transport} latencies measured")
                worst = max(values)
                print(f"    {transport}: {len(values)} events, median {statistics.median(values):.1f} ms, "
                      f"p95 {sorted(values)[int(0.95 * (len(values) - 1))]:.1f} ms, max {worst:.1f} ms")
                if worst > self.budget_ms:
                    raise AssertionError(f"{transport}: slowest event {worst:.1f} ms after the API answer (budget {self.budget_ms} ms)")

        try:
            await self.step("SSE + WebSocket: create/claim/in_progress/update/complete", lifecycle)
            await self.step("SSE + WebSocket: HITL create, respond, delete", hitl)
            await self.step("SSE + WebSocket: chain", chain)
            await self.step("SSE + WebSocket: batch create/claim/complete", batch)
            await self.step("SSE subscribe=status:completed filters", sse_filter)
            await self.step("WebSocket subscribe/unsubscribe packet channel", ws_channels)
            await self.step("WebSocket ping -> pong", ws_ping)
            await self.step("two tenants never see each other's events", isolation)
            await self.step("WebSocket with an unknown key is refused before the upgrade", refused_upgrade)
            await self.step(f"events arrive within {self.budget_ms:.0f} ms of the API answer", latency)
        finally:
            await ws_client.disconnect()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await self.http.aclose()
        return 1 if self.failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--latency-budget-ms", type=float, default=100.0)
    arguments = parser.parse_args()
    _sdk_compatible_timeout()
    return asyncio.run(Scenario(arguments.base_url, arguments.api_key, arguments.latency_budget_ms).run())


if __name__ == "__main__":
    sys.exit(main())
