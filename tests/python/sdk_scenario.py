#!/usr/bin/env python3
"""Drives a HandoffRail server with the real Python SDK (`handoffrail-sdk==0.3.0`).

Wire-compatibility scenario: every method of the SDK's `HandoffRailClient` and
`AsyncHandoffRailClient` that the server supports (all but SSE/WebSocket), the SDK's
builders, the SDK's exception mapping, plus the endpoints the SDK has no method for
(key rotate/revoke, the webhook dead-letter queue, stats, system health, the
`hitl_required` list filter, /health, /ready, /metrics) through the SDK's own transport
(`client._request`), so that its error mapping applies there too.

    python tests/python/sdk_scenario.py --base-url http://127.0.0.1:8080 --api-key hr_...

`--api-key` is an admin key of the operator (bootstrap) tenant. The scenario creates its
own business-tier tenant and admin key, so reruns against the same database do not
collide; tags carry a per-run id in any case. One line per step (`ok  <name>` /
`FAIL <name>: why`); failures do not stop the run; the exit status is 1 if any step failed.

How the SDK maps statuses (0.3.0): 401 → AuthenticationError, 404 and 410 → NotFoundError,
400 and 409 → ValidationError, 429 → RateLimitError, 5xx → ServerError, and anything else
non-2xx (403, 413, 422) → ServerError carrying that status (through httpx's
`raise_for_status`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import sys
import time
import traceback
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from handoffrail.sdk import (
    AsyncHandoffRailClient,
    AuthenticationError,
    ChainBuilder,
    HandoffRailClient,
    HandoffRailError,
    NotFoundError,
    PacketBuilder,
    ServerError,
    ValidationError,
)
from handoffrail.sdk.models import (
    Actions,
    ApiKeyResponse,
    CompletedAction,
    Decision,
    PacketContext,
    PacketCreate,
    PacketListResponse,
    PacketResponse,
    PacketUpdate,
    SearchOptions,
)

METRIC_FAMILIES = [
    "handoffrail_requests_total",
    "handoffrail_request_latency_seconds",
    "handoffrail_handoffs_total",
    "handoffrail_api_key_operations_total",
    "handoffrail_webhook_deliveries_total",
    "handoffrail_webhook_dlq_size",
    "handoffrail_hitl_checkpoints_total",
    "handoffrail_hitl_responses_total",
    "handoffrail_chain_depth",
    "handoffrail_packet_status_count",
]

STATS_KEYS = {
    "total_packets",
    "packets_by_status",
    "packets_last_24h",
    "avg_claim_time_seconds",
    "hitl_queue_depth",
    "active_ws_connections",
}

SYSTEM_HEALTH_KEYS = {
    "version", "uptime_seconds", "environment", "database_backend", "total_packets",
    "packets_by_status", "packets_created_last_1h", "packets_created_last_24h",
    "avg_time_to_claim_seconds", "avg_time_to_complete_seconds", "active_agents",
    "total_agents_seen", "top_agents", "packets_waiting", "oldest_waiting_packet_age_seconds",
    "claimed_not_completed", "total_webhooks", "recent_deliveries_1h", "failed_deliveries_1h",
    "avg_delivery_latency_ms", "db_size_bytes", "connection_pool", "active_api_keys",
    "requests_last_1h_per_key",
}


# ── Reporting and assertions ─────────────────────────────────────────────────────────────


class Missing(AssertionError):
    """A step could not run because an earlier step did not produce what it needs."""


def check(condition: Any, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def short(value: Any, limit: int = 400) -> str:
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json")
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return text if len(text) <= limit else text[:limit] + "…"


def describe(error: BaseException) -> str:
    if isinstance(error, HandoffRailError):
        text = f"{type(error).__name__} status={error.status_code} message={short(error.message, 200)}"
        if error.response_body:
            text += f" body={short(error.response_body)}"
        original = getattr(error, "original_error", None)
        if original is not None:
            text += f" cause={type(original).__name__}: {short(str(original), 200)}"
        return text
    if isinstance(error, AssertionError):
        return str(error) or "assertion failed"
    return f"{type(error).__name__}: {short(str(error), 600)}"


class Report:
    def __init__(self) -> None:
        self.passed: list[str] = []
        self.failed: list[str] = []

    def _record(self, name: str, error: BaseException | None, verbose: bool) -> None:
        if error is None:
            self.passed.append(name)
            print(f"ok  {name}", flush=True)
            return
        self.failed.append(name)
        print(f"FAIL {name}: {describe(error)}".replace("\n", " | "), flush=True)
        if verbose and not isinstance(error, AssertionError | HandoffRailError):
            traceback.print_exception(error, file=sys.stdout)

    def step(self, name: str, body: Callable[[], Any], verbose: bool = False) -> None:
        try:
            body()
        except Exception as error:  # noqa: BLE001 — every failure is reported, the run goes on
            self._record(name, error, verbose)
        else:
            self._record(name, None, verbose)

    async def astep(self, name: str, body: Callable[[], Awaitable[Any]], verbose: bool = False) -> None:
        try:
            await body()
        except Exception as error:  # noqa: BLE001
            self._record(name, error, verbose)
        else:
            self._record(name, None, verbose)


def expect_error(
    call: Callable[[], Any],
    error_type: type[HandoffRailError],
    status: int,
    contains: str | None = None,
) -> HandoffRailError:
    """Runs `call`, which must raise `error_type` with `status` (and `contains` in its text)."""
    try:
        result = call()
    except HandoffRailError as error:
        return _check_error(error, error_type, status, contains)
    raise AssertionError(f"expected {error_type.__name__} {status}, but the call succeeded: {short(result)}")


async def aexpect_error(
    call: Callable[[], Awaitable[Any]],
    error_type: type[HandoffRailError],
    status: int,
    contains: str | None = None,
) -> HandoffRailError:
    try:
        result = await call()
    except HandoffRailError as error:
        return _check_error(error, error_type, status, contains)
    raise AssertionError(f"expected {error_type.__name__} {status}, but the call succeeded: {short(result)}")


def _check_error(
    error: HandoffRailError, error_type: type[HandoffRailError], status: int, contains: str | None
) -> HandoffRailError:
    if not isinstance(error, error_type) or error.status_code != status:
        raise AssertionError(f"expected {error_type.__name__} {status}, got {describe(error)}")
    if contains is not None:
        text = (str(error.message) + " " + json.dumps(error.response_body, default=str)).lower()
        check(contains.lower() in text, f"error text lacks {contains!r}: {describe(error)}")
    return error


def iso_z(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def ids(listing: PacketListResponse) -> list[str]:
    return [str(p.id) for p in listing.packets]


def is_newest_first(listing: PacketListResponse) -> bool:
    stamps = [p.created_at for p in listing.packets]
    return all(a >= b for a, b in zip(stamps, stamps[1:], strict=False))


# ── The scenario ─────────────────────────────────────────────────────────────────────────


class Scenario:
    def __init__(self, root_url: str, operator_key: str, private_webhooks_allowed: bool, verbose: bool) -> None:
        self.root = root_url
        self.api = root_url + "/api/v1"
        self.operator_key = operator_key
        self.private_webhooks_allowed = private_webhooks_allowed
        self.verbose = verbose
        self.run = secrets.token_hex(4)
        self.tag = f"run-{self.run}"
        self.report = Report()
        self.state: dict[str, Any] = {}
        self.created_in_tenant: set[str] = set()
        self.op = self.client(operator_key)
        self.c: HandoffRailClient = self.op  # replaced by the scenario tenant's admin client
        self.own_tenant = False

    # helpers

    def client(self, key: str) -> HandoffRailClient:
        return HandoffRailClient(base_url=self.api, api_key=key, timeout=30.0, max_retries=1, retry_delay=0.2)

    def async_client(self, key: str) -> AsyncHandoffRailClient:
        return AsyncHandoffRailClient(base_url=self.api, api_key=key, timeout=30.0, max_retries=1, retry_delay=0.2)

    def need(self, *keys: str) -> Any:
        for key in keys:
            if self.state.get(key) is None:
                raise Missing(f"prerequisite missing: {key} (an earlier step failed)")
        values = [self.state[k] for k in keys]
        return values[0] if len(values) == 1 else values

    def step(self, name: str, body: Callable[[], Any]) -> None:
        self.report.step(name, body, self.verbose)

    async def astep(self, name: str, body: Callable[[], Awaitable[Any]]) -> None:
        await self.report.astep(name, body, self.verbose)

    def remember(self, packet: PacketResponse) -> PacketResponse:
        self.created_in_tenant.add(str(packet.id))
        return packet

    def builder_packet(self, suffix: str, *, tags: list[str], hitl: bool = False) -> PacketCreate:
        builder = (
            PacketBuilder()
            .from_("sdk-sales", "SalesBot", framework="langchain", version="1.2.0")
            .to("sdk-billing", "BillingBot", framework="crewai")
            .with_summary(f"Customer zq{self.run}{suffix} is upgrading to the business tier after escalations")
            .with_priority("high")
            .with_tags(tags)
            .with_conversation([
                {"role": "user", "content": "I want to upgrade to Business", "timestamp": "2025-01-15T09:12:03Z"},
                {"role": "agent", "content": "Business includes SSO.", "metadata": {"turn": 2, "score": 0.5}},
                {"role": "system", "content": "Routing to billing"},
            ])
            .with_artifacts([
                {"key": "quote_text", "value": "40 seats, annual", "content_type": "text/plain"},
                {"key": "quote", "value": {"seats": 40, "discount": 12.0, "nested": {"ok": True, "none": None}}},
                {"key": "seat_list", "value": [1, "two", 3.5, None]},
            ])
            .with_custom({"score": 2.0, "count": 3, "nested": {"list": [1, "x", None, True]}})
            .with_decision("Offer the annual discount", rationale="Above 25 seats",
                           alternatives=["8%", "none"], decided_by="sdk-sales")
            .with_decision("Prorate", rationale="Mid-cycle upgrade")
            .with_action("Issue the invoice", assignee="sdk-billing", priority="high")
            .with_action("Confirm seats", assignee="sdk-billing", depends_on=["a1"])
            .with_dependency("stripe", type="api", description="Payment gateway", status="available",
                             source="https://stripe.example")
        )
        if hitl:
            builder = builder.with_hitl(reason="Refund above the agent limit", question="Approve the refund?",
                                        options=["approve", "deny"], timeout_seconds=3600)
        return builder.build()

    def raw_packet(self, summary: str, *, priority: str, tags: list[str], source: str, target: str,
                   **extra: Any) -> PacketCreate:
        body: dict[str, Any] = {
            "metadata": {
                "source_agent": {"id": source, "name": source.title()},
                "target_agent": {"id": target, "name": target.title()},
                "priority": priority,
                "tags": tags,
            },
            "context": {"summary": summary},
            "decisions": [
                {"id": "d1", "decision": "Initial decision", "rationale": "first"},
                {"id": "d2", "decision": "Second decision", "rationale": "second"},
            ],
            "dependencies": [{"id": "crm", "type": "data", "description": "CRM record"}],
        }
        body.update(extra)
        return PacketCreate.from_dict(body)

    # 1. health, auth, tenant setup

    def run_setup(self) -> None:
        def health() -> None:
            response = httpx.get(self.root + "/health", timeout=10)
            check(response.status_code == 200, f"status {response.status_code}")
            check(response.json() == {"status": "ok", "service": "handoffrail"}, f"body {response.text}")
            limited = [h for h in response.headers if h.lower().startswith("x-ratelimit")]
            check(not limited, f"unexpected rate-limit headers {limited}")

        def ready() -> None:
            response = httpx.get(self.root + "/ready", timeout=10)
            check(response.status_code == 200, f"status {response.status_code}")
            check(response.json() == {"status": "ready", "service": "handoffrail", "db": True},
                  f"body {response.text}")

        def metrics() -> None:
            response = httpx.get(self.root + "/metrics", timeout=10)
            check(response.status_code == 200, f"status {response.status_code}")
            check(response.headers.get("content-type", "").startswith("text/plain"),
                  f"content-type {response.headers.get('content-type')}")
            missing = [f for f in METRIC_FAMILIES if f not in response.text]
            check(not missing, f"families missing: {missing}")

        def bad_key() -> None:
            with self.client("hr_" + secrets.token_hex(16)) as stranger:
                expect_error(lambda: stranger.list_packets(), AuthenticationError, 401)
                # PROTOCOL: every non-exempt response carries the rate-limit headers, 401s included,
                # and errors carry a string detail.
                raw = stranger._client.get("/packets")
                check(raw.status_code == 401, f"status {raw.status_code}")
                check(isinstance(raw.json().get("detail"), str), f"detail {raw.text}")
                for header in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Tier"):
                    check(header in raw.headers, f"401 without {header}")

        def rate_limit_headers() -> None:
            first = self.op._client.get("/packets", params={"limit": 1})
            second = self.op._client.get("/packets", params={"limit": 1})
            for response in (first, second):
                check(response.status_code == 200, f"status {response.status_code}")
                for header in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
                               "X-RateLimit-Tier"):
                    check(header in response.headers, f"missing {header}")
            check(first.headers["X-RateLimit-Tier"] == "business", f"tier {first.headers['X-RateLimit-Tier']}")
            check(int(first.headers["X-RateLimit-Remaining"]) - int(second.headers["X-RateLimit-Remaining"]) == 1,
                  f"remaining {first.headers['X-RateLimit-Remaining']} → {second.headers['X-RateLimit-Remaining']}")

        def create_tenant() -> None:
            tenant = self.op.create_tenant(name=f"sdk-scenario-{self.run}", tier="business", max_api_keys=25)
            check(tenant.name == f"sdk-scenario-{self.run}", f"name {tenant.name}")
            check(tenant.tier == "business", f"tier {tenant.tier}")
            check(tenant.deleted_at is None, f"deleted_at {tenant.deleted_at}")
            check(tenant.max_api_keys == 25, f"max_api_keys {tenant.max_api_keys}")
            self.state["tenant"] = tenant

        def create_tenant_admin() -> None:
            tenant = self.need("tenant")
            key = self.op.create_api_key(name=f"scenario-admin-{self.run}", tenant_id=tenant.id, role="admin")
            check(key.key is not None and key.key.startswith("hr_"), f"key {key.key!r}")
            check(key.key_prefix == key.key[:8], f"key_prefix {key.key_prefix!r} vs {key.key[:8]!r}")
            check(key.tenant_id == tenant.id, f"tenant_id {key.tenant_id} != {tenant.id}")
            check(key.role == "admin" and key.revoked is False, f"role {key.role} revoked {key.revoked}")
            self.state["admin_key"] = key
            self.c = self.client(key.key)
            self.state["tenant_id"] = tenant.id
            self.own_tenant = True

        self.step("http.health", health)
        self.step("http.ready", ready)
        self.step("http.metrics", metrics)
        self.step("auth.bad_key_401_AuthenticationError", bad_key)
        self.step("http.rate_limit_headers", rate_limit_headers)
        self.step("tenants.create", create_tenant)
        self.step("keys.create_for_other_tenant", create_tenant_admin)
        if not self.own_tenant:
            print("note: using the operator key for the packet steps (scenario tenant unavailable)", flush=True)

        def role_keys() -> None:
            for role in ("writer", "agent", "reader"):
                key = self.c.create_api_key(name=f"scenario-{role}-{self.run}", role=role)
                check(key.role == role, f"role {key.role} != {role}")
                check(key.key is not None and key.key.startswith("hr_"), f"key {key.key!r}")
                if self.own_tenant:
                    check(key.tenant_id == self.state["tenant_id"], f"tenant_id {key.tenant_id}")
                self.state[f"{role}_key"] = key

        def default_role_admin() -> None:
            created = self.c._request("POST", "/keys", json_data={"name": f"scenario-default-{self.run}"})
            check(created.get("role") == "admin", f"role {created.get('role')}")
            self.state["default_key_id"] = created["id"]

        self.step("keys.create_roles", role_keys)
        self.step("keys.role_defaults_to_admin", default_role_admin)

    # 2. packets: create, get, list, search

    def run_packets(self) -> None:
        c = self.c
        vip = f"vip-{self.run}"

        def create_builder() -> None:
            sent = self.builder_packet("a", tags=[self.tag, "upgrade", vip])
            packet = self.remember(c.create_packet(sent))
            check(packet.status == "created", f"status {packet.status}")
            check(packet.version == "1.0.0", f"version {packet.version}")
            check(packet.parent_packet_id is None, "parent_packet_id not null")
            check(packet.hitl is None, f"hitl {packet.hitl}")
            meta = packet.metadata
            check(meta.source_agent.id == "sdk-sales" and meta.source_agent.version == "1.2.0",
                  f"source_agent {meta.source_agent}")
            check(meta.target_agent.id == "sdk-billing" and meta.target_agent.framework == "crewai",
                  f"target_agent {meta.target_agent}")
            check(meta.priority == "high", f"priority {meta.priority}")
            check(meta.tags == [self.tag, "upgrade", vip], f"tags {meta.tags}")
            check(meta.claimed_at is None and meta.completed_at is None, "claimed/completed_at set on create")
            check(packet.context.summary == sent.context.summary, "summary changed")
            self.state["p1"] = packet
            self.state["p1_sent"] = sent

        def fidelity() -> None:
            packet, sent = self.need("p1", "p1_sent")
            got, want = packet.model_dump(mode="json"), sent.model_dump(mode="json")
            check(got["context"]["custom"] == want["context"]["custom"], f"custom {got['context']['custom']}")
            check(type(packet.context.custom["score"]) is float, f"2.0 came back as {packet.context.custom['score']!r}")
            check(type(packet.context.custom["count"]) is int, f"3 came back as {packet.context.custom['count']!r}")
            check(got["context"]["artifacts"] == want["context"]["artifacts"], f"artifacts {got['context']['artifacts']}")
            turns = [(t["role"], t["content"]) for t in got["context"]["conversation_state"]]
            check(turns == [(t["role"], t["content"]) for t in want["context"]["conversation_state"]], f"turns {turns}")
            check(got["context"]["conversation_state"][1].get("metadata") == {"turn": 2, "score": 0.5},
                  "turn metadata lost")
            check(got["decisions"][0]["alternatives"] == ["8%", "none"], f"decisions {got['decisions']}")
            check(got["actions"]["pending"][1]["depends_on"] == ["a1"], f"pending {got['actions']['pending']}")
            check(got["dependencies"][0]["status"] == "available", f"dependencies {got['dependencies']}")

        def create_raw() -> None:
            low = self.remember(c.create_packet(self.raw_packet(
                f"Low priority note zp{self.run}", priority="low", tags=[self.tag], source="sdk-ops",
                target="sdk-billing")))
            check(low.status == "created" and low.metadata.priority == "low", f"{low.status} {low.metadata.priority}")
            check(low.dependencies[0].status == "unknown", f"dependency status default {low.dependencies[0].status}")
            check(low.decisions[0].alternatives == [], "alternatives default")
            check(low.actions.pending == [] and low.actions.failed == [], "actions defaults")
            critical = self.remember(c.create_packet(self.raw_packet(
                f"Critical outage for zc{self.run}", priority="critical", tags=[self.tag, "critical"],
                source="sdk-sales", target="sdk-support")))
            check(critical.metadata.priority == "critical", f"priority {critical.metadata.priority}")
            self.state["p2"], self.state["p3"] = low, critical

        def create_hitl() -> None:
            packet = self.remember(c.create_packet(self.builder_packet("h", tags=[self.tag, "refund"], hitl=True)))
            check(packet.status == "awaiting_human", f"status {packet.status}")
            check(packet.hitl is not None and packet.hitl.required is True, f"hitl {packet.hitl}")
            check(packet.hitl.reason == "Refund above the agent limit", f"reason {packet.hitl.reason}")
            check(packet.hitl.options == ["approve", "deny"], f"options {packet.hitl.options}")
            check(packet.hitl.response is None, "response set on create")
            self.state["p4"] = packet

        def create_invalid() -> None:
            body = self.raw_packet("x", priority="low", tags=[self.tag], source="sdk-ops", target="sdk-billing").to_dict()
            body["context"]["summary"] = ""
            error = expect_error(lambda: c._request("POST", "/packets", json_data=body), ServerError, 422)
            detail = error.response_body.get("detail")
            check(isinstance(detail, list) and detail and "loc" in detail[0] and "msg" in detail[0],
                  f"FastAPI-shaped detail expected: {short(detail)}")
            body["context"]["summary"] = "fine"
            body["metadata"]["priority"] = "urgent"
            expect_error(lambda: c._request("POST", "/packets", json_data=body), ServerError, 422)
            hitl_without_reason = dict(body, hitl={"required": True})
            hitl_without_reason["metadata"] = dict(body["metadata"], priority="low")
            expect_error(lambda: c._request("POST", "/packets", json_data=hitl_without_reason), ServerError, 422)

        def get() -> None:
            p1 = self.need("p1")
            packet = c.get_packet(p1.id)
            check(packet.model_dump() == p1.model_dump(), f"GET differs from create: {short(packet)}")
            packet_by_text = c.get_packet(str(p1.id))
            check(packet_by_text.id == p1.id, "id as text")

        def get_unknown() -> None:
            expect_error(lambda: c.get_packet(uuid.uuid4()), NotFoundError, 404)

        self.step("packets.create_with_PacketBuilder", create_builder)
        self.step("packets.create_roundtrip_fidelity", fidelity)
        self.step("packets.create_raw_PacketCreate", create_raw)
        self.step("packets.create_hitl_awaiting_human", create_hitl)
        self.step("packets.create_invalid_422", create_invalid)
        self.step("packets.get", get)
        self.step("packets.get_unknown_404_NotFoundError", get_unknown)

        def all_four() -> list[str]:
            return [str(self.need(k).id) for k in ("p1", "p2", "p3", "p4")]

        def list_run() -> None:
            expected = set(all_four())
            listing = c.list_packets(tags=self.tag)
            check(set(ids(listing)) == expected, f"ids {ids(listing)} != {expected}")
            check(listing.total == 4 and listing.limit == 50 and listing.offset == 0,
                  f"total {listing.total} limit {listing.limit} offset {listing.offset}")
            check(is_newest_first(listing), "not newest first")
            self.state["run_listing"] = listing

        def list_tags_and() -> None:
            listing = c.list_packets(tags=f"{self.tag},{vip}")
            check(ids(listing) == [str(self.need("p1").id)], f"ids {ids(listing)}")

        def list_status() -> None:
            listing = c.list_packets(status="awaiting_human", tags=self.tag)
            check(ids(listing) == [str(self.need("p4").id)], f"awaiting_human ids {ids(listing)}")
            listing = c.list_packets(status="created,awaiting_human", tags=self.tag)
            check(listing.total == 4, f"created,awaiting_human total {listing.total}")
            listing = c.list_packets(status="completed", tags=self.tag)
            check(listing.total == 0, f"completed total {listing.total}")

        def list_agents() -> None:
            p1, p3 = self.need("p1", "p3")
            listing = c.list_packets(source_agent="sdk-sales", tags=self.tag)
            check(set(ids(listing)) == {str(p1.id), str(p3.id), str(self.need("p4").id)},
                  f"source_agent ids {ids(listing)}")
            listing = c.list_packets(target_agent="sdk-support", tags=self.tag)
            check(ids(listing) == [str(p3.id)], f"target_agent ids {ids(listing)}")

        def list_priority() -> None:
            listing = c.list_packets(priority="critical", tags=self.tag)
            check(ids(listing) == [str(self.need("p3").id)], f"ids {ids(listing)}")

        def list_hitl_required() -> None:
            data = c._request("GET", "/packets", params={"hitl_required": "true", "tags": self.tag})
            listing = PacketListResponse.from_dict(data)
            check(ids(listing) == [str(self.need("p4").id)], f"ids {ids(listing)}")

        def list_created_window() -> None:
            run_listing = self.need("run_listing")
            stamps = [p.created_at for p in run_listing.packets]
            after, before = iso_z(min(stamps) - timedelta(seconds=2)), iso_z(max(stamps) + timedelta(seconds=2))
            listing = c.list_packets(tags=self.tag, created_after=after, created_before=before)
            check(listing.total == 4, f"window total {listing.total} ({after} .. {before})")
            listing = c.list_packets(tags=self.tag, created_after=iso_z(datetime.now(UTC) + timedelta(minutes=5)))
            check(listing.total == 0, f"future created_after total {listing.total}")
            listing = c.list_packets(tags=self.tag, created_before=iso_z(min(stamps) - timedelta(minutes=5)))
            check(listing.total == 0, f"past created_before total {listing.total}")

        def list_limit_offset() -> None:
            everything = ids(self.need("run_listing"))
            listing = c.list_packets(tags=self.tag, limit=1, offset=1)
            check(listing.limit == 1 and listing.offset == 1 and listing.total == 4,
                  f"limit {listing.limit} offset {listing.offset} total {listing.total}")
            check(ids(listing) == everything[1:2], f"page {ids(listing)} vs {everything}")

        def list_cursor() -> None:
            everything = ids(self.need("run_listing"))
            first = c.list_packets(tags=self.tag, limit=3)
            check(first.next_cursor, f"no next_cursor on a partial page: {first.next_cursor!r}")
            second = c.list_packets(tags=self.tag, limit=3, cursor=first.next_cursor)
            check(ids(first) + ids(second) == everything, f"pages {ids(first)} + {ids(second)} != {everything}")
            check(second.next_cursor is None, f"next_cursor on the last page: {second.next_cursor!r}")

        def list_bad_cursor() -> None:
            expect_error(lambda: c.list_packets(cursor="not-a-cursor"), ValidationError, 400, "Invalid cursor")

        def list_bad_limit() -> None:
            expect_error(lambda: c.list_packets(limit=500), ServerError, 422)

        self.step("packets.list_tags", list_run)
        self.step("packets.list_tags_and", list_tags_and)
        self.step("packets.list_status_or", list_status)
        self.step("packets.list_source_target_agent", list_agents)
        self.step("packets.list_priority", list_priority)
        self.step("packets.list_hitl_required_raw", list_hitl_required)
        self.step("packets.list_created_after_before", list_created_window)
        self.step("packets.list_limit_offset", list_limit_offset)
        self.step("packets.list_cursor_pagination", list_cursor)
        self.step("packets.list_bad_cursor_400_ValidationError", list_bad_cursor)
        self.step("packets.list_limit_500_422", list_bad_limit)

        def awaiting() -> None:
            listing = c.get_awaiting(limit=200)
            check(str(self.need("p4").id) in ids(listing), f"hitl packet not in {ids(listing)}")
            check(all(p.status == "awaiting_human" for p in listing.packets), "non-awaiting packet listed")
            check(listing.limit == 200, f"limit {listing.limit}")

        def search() -> None:
            p1 = self.need("p1")
            listing = c.search_packets(f"zq{self.run}a")
            check(ids(listing) == [str(p1.id)], f"ids {ids(listing)}")
            check(listing.total == 1, f"total {listing.total}")

        def search_stemming() -> None:
            listing = c.search_packets("escalation", SearchOptions(limit=200))
            check(str(self.need("p1").id) in ids(listing), "'escalation' did not find 'escalations'")
            listing = c.search_packets("upgrade", SearchOptions(limit=200))
            check(str(self.need("p1").id) in ids(listing), "'upgrade' did not find 'upgrading'")

        def search_filters() -> None:
            p1 = self.need("p1")
            listing = c.search_packets(f"zq{self.run}a", SearchOptions(status="created", priority="high"))
            check(ids(listing) == [str(p1.id)], f"matching filters: {ids(listing)}")
            listing = c.search_packets(f"zq{self.run}a", SearchOptions(priority="low"))
            check(ids(listing) == [], f"priority low: {ids(listing)}")
            listing = c.search_packets(f"zq{self.run}a", SearchOptions(status="completed"))
            check(ids(listing) == [], f"status completed: {ids(listing)}")

        def search_short() -> None:
            expect_error(lambda: c.search_packets("a"), ServerError, 422)

        self.step("packets.awaiting", awaiting)
        self.step("packets.search", search)
        self.step("packets.search_stemming", search_stemming)
        self.step("packets.search_status_priority", search_filters)
        self.step("packets.search_short_query_422", search_short)

    # 3. lifecycle, respond, chain, delete

    def run_lifecycle(self) -> None:
        c = self.c

        def claim() -> None:
            p1 = self.need("p1")
            packet = c.claim_packet(p1.id, agent_id="sdk-worker", agent_name="Worker", framework="custom")
            check(packet.status == "claimed", f"status {packet.status}")
            target = packet.metadata.target_agent
            check((target.id, target.name, target.framework) == ("sdk-worker", "Worker", "custom"),
                  f"target_agent {target}")
            check(packet.metadata.claimed_at is not None, "claimed_at not set")

        def claim_conflict() -> None:
            p1 = self.need("p1")
            error = expect_error(lambda: c.claim_packet(p1.id, agent_id="sdk-worker-2", agent_name="Worker 2"),
                                 ValidationError, 409, "already claimed")
            detail = error.response_body.get("detail")
            check(isinstance(detail, dict) and "message" in detail and "claimed_by" in detail,
                  f"detail should be {{message, claimed_by}}: {short(detail)}")
            check(detail["claimed_by"].get("id") == "sdk-worker", f"claimed_by {detail['claimed_by']}")

        def in_progress() -> None:
            packet = c.update_packet(self.need("p1").id, PacketUpdate(status="in_progress"))
            check(packet.status == "in_progress", f"status {packet.status}")

        def complete() -> None:
            packet = c.complete_packet(self.need("p1").id)
            check(packet.status == "completed", f"status {packet.status}")
            check(packet.metadata.completed_at is not None, "completed_at not set")
            check(packet.updated_at >= packet.created_at, "updated_at before created_at")
            self.state["p1_done"] = packet

        def after_complete() -> None:
            p1 = self.need("p1")
            expect_error(lambda: c.update_packet(p1.id, PacketUpdate(status="in_progress")), ValidationError, 400,
                         "Cannot transition")
            expect_error(lambda: c.claim_packet(p1.id, agent_id="sdk-worker", agent_name="Worker"),
                         ValidationError, 400, "Cannot transition")

        def history() -> None:
            p1 = self.need("p1")
            events = c.get_history(p1.id)
            check(events.packet_id == str(p1.id), f"packet_id {events.packet_id}")
            kinds = [e.event_type for e in events.events]
            check(kinds == ["created", "claimed", "in_progress", "completed"], f"events {kinds}")
            check(events.events[0].actor == "agent:sdk-sales", f"created actor {events.events[0].actor}")
            check(all(e.packet_id == str(p1.id) for e in events.events), "foreign packet_id in events")
            stamps = [e.timestamp for e in events.events]
            check(stamps == sorted(stamps), f"not oldest first: {stamps}")

        def invalid_transition() -> None:
            p2 = self.need("p2")
            error = expect_error(lambda: c.update_packet(p2.id, PacketUpdate(status="completed")), ValidationError,
                                 400, "Cannot transition")
            check("claimed" in error.message, f"allowed transitions not named: {error.message}")

        def update_merge() -> None:
            p3 = self.need("p3")
            update = PacketUpdate(
                context=PacketContext(summary=f"Revised outage summary zr{self.run}"),
                decisions=[
                    Decision(id="d1", decision="Changed decision", rationale="revised"),
                    Decision(id="d9", decision="New decision", rationale="added", alternatives=["x"]),
                ],
                actions=Actions(completed=[CompletedAction(id="c1", description="Checked logs", result="clean")]),
            )
            packet = c.update_packet(p3.id, update)
            decisions = {d.id: d.decision for d in packet.decisions}
            check(decisions == {"d1": "Changed decision", "d2": "Second decision", "d9": "New decision"},
                  f"decisions not merged by id: {decisions}")
            check([a.id for a in packet.actions.completed] == ["c1"], f"completed {packet.actions.completed}")
            check(packet.context.summary == f"Revised outage summary zr{self.run}", "summary not updated")
            check(packet.status == "created", f"status changed to {packet.status}")
            listing = c.search_packets(f"zr{self.run}")
            check(ids(listing) == [str(p3.id)], f"search does not follow the summary edit: {ids(listing)}")
            listing = c.search_packets(f"zc{self.run}")
            check(ids(listing) == [], f"old summary still found: {ids(listing)}")

        def respond() -> None:
            p4 = self.need("p4")
            packet = c.respond_to_hitl(p4.id, response="approve", responded_by="human:alice", notes="checked")
            check(packet.status == "claimed", f"status {packet.status}")
            hitl = packet.hitl
            check(hitl is not None and hitl.response == "approve" and hitl.responded_by == "human:alice"
                  and hitl.notes == "checked" and hitl.responded_at is not None, f"hitl {hitl}")

        def respond_again() -> None:
            p4 = self.need("p4")
            expect_error(lambda: c.respond_to_hitl(p4.id, response="deny", responded_by="human:bob"),
                         ValidationError, 409)

        def hitl_history() -> None:
            kinds = [e.event_type for e in c.get_history(self.need("p4").id).events]
            check(kinds == ["created", "hitl_responded"], f"events {kinds}")

        def chain() -> None:
            parent = self.need("p1_done")
            request = (
                ChainBuilder()
                .from_("sdk-billing", "BillingBot")
                .to("sdk-support", "SupportBot")
                .with_summary(f"Follow up on the upgrade of zq{self.run}")
                .with_tags([self.tag, "chained"])
                .with_conversation([{"role": "agent", "content": "Invoice sent, please confirm seats"}])
                .with_decision("Send a follow-up", rationale="Customer asked")
                .build()
            )
            child = self.remember(c.chain_handoff(parent.id, request))
            check(child.parent_packet_id == parent.id, f"parent_packet_id {child.parent_packet_id}")
            check(child.status == "created", f"status {child.status}")
            contents = [t.content for t in child.context.conversation_state]
            expected = [t.content for t in parent.context.conversation_state] + ["Invoice sent, please confirm seats"]
            check(contents == expected, f"conversation {contents} != {expected}")
            self.state["child"] = child

        def chain_history() -> None:
            parent, child = self.need("p1_done", "child")
            events = c.get_history(child.id).events
            check(events and events[0].event_type == "created", f"child events {[e.event_type for e in events]}")
            details = events[0].details or {}
            check(str(details.get("parent_packet_id")) == str(parent.id) and details.get("chain") is True,
                  f"created details {details}")
            kinds = [e.event_type for e in c.get_history(parent.id).events]
            check("chained" in kinds, f"parent events {kinds}")

        def chain_unknown_parent() -> None:
            request = ChainBuilder().from_("a", "A").to("b", "B").with_summary("orphan").build()
            expect_error(lambda: c.chain_handoff(uuid.uuid4(), request), NotFoundError, 404)

        def delete() -> None:
            p2 = self.need("p2")
            check(c.delete_packet(p2.id) is None, "delete_packet returned a value")
            packet = c.get_packet(p2.id)
            check(packet.status == "expired", f"status {packet.status}")
            kinds = [e.event_type for e in c.get_history(p2.id).events]
            check(kinds[-1] == "expired", f"events {kinds}")

        def delete_again() -> None:
            expect_error(lambda: c.delete_packet(self.need("p2").id), ValidationError, 409, "already expired")

        def claim_expired() -> None:
            p2 = self.need("p2")
            expect_error(lambda: c.claim_packet(p2.id, agent_id="sdk-worker", agent_name="Worker"), NotFoundError, 410)

        def search_expired() -> None:
            listing = c.search_packets(f"zp{self.run}")
            check(ids(listing) == [str(self.need("p2").id)], f"ids {ids(listing)}")
            check(listing.packets[0].status == "expired", f"status {listing.packets[0].status}")

        def delete_unknown() -> None:
            expect_error(lambda: c.delete_packet(uuid.uuid4()), NotFoundError, 404)

        def cross_tenant() -> None:
            if not self.own_tenant:
                raise Missing("prerequisite missing: scenario tenant")
            expect_error(lambda: self.op.get_packet(self.need("p1").id), NotFoundError, 404)
            expect_error(lambda: self.op.claim_packet(self.need("p3").id, agent_id="x", agent_name="X"),
                         NotFoundError, 404)

        self.step("lifecycle.claim", claim)
        self.step("lifecycle.claim_again_409_ValidationError", claim_conflict)
        self.step("lifecycle.update_in_progress", in_progress)
        self.step("lifecycle.complete_packet", complete)
        self.step("lifecycle.transitions_after_completed_400", after_complete)
        self.step("lifecycle.history_order", history)
        self.step("lifecycle.invalid_transition_400_ValidationError", invalid_transition)
        self.step("lifecycle.update_merge_decisions_actions_context", update_merge)
        self.step("hitl.respond", respond)
        self.step("hitl.respond_again_409", respond_again)
        self.step("hitl.history", hitl_history)
        self.step("chain.create_with_ChainBuilder", chain)
        self.step("chain.history", chain_history)
        self.step("chain.unknown_parent_404", chain_unknown_parent)
        self.step("delete.expires", delete)
        self.step("delete.again_409", delete_again)
        self.step("delete.claim_expired_410_NotFoundError", claim_expired)
        self.step("delete.search_finds_expired", search_expired)
        self.step("delete.unknown_404", delete_unknown)
        self.step("tenancy.other_tenant_packet_404", cross_tenant)

    # 4. batch, audit

    def run_batch_and_audit(self) -> None:
        c = self.c

        def batch_packet(index: int, summary: str | None = None) -> PacketCreate:
            return self.raw_packet(summary if summary is not None else f"Batch item {index} zb{self.run}",
                                   priority="normal", tags=[self.tag, "batch"], source="sdk-ops",
                                   target="sdk-billing")

        def batch_create() -> None:
            items = [batch_packet(0), batch_packet(1), batch_packet(2), batch_packet(3, summary="")]
            result = c.batch_create_packets(items)
            for packet in result.created:
                self.remember(packet)
            check([p.context.summary for p in result.created] == [f"Batch item {i} zb{self.run}" for i in range(3)],
                  f"created {[p.context.summary for p in result.created]}")
            check(all(p.status == "created" for p in result.created), "status")
            check([e.index for e in result.errors] == [3], f"errors {[(e.index, e.error) for e in result.errors]}")
            check(result.errors[0].error, "empty error text")
            self.state["batch"] = [str(p.id) for p in result.created]

        def batch_create_limits() -> None:
            expect_error(lambda: c.batch_create_packets([]), ServerError, 422)
            expect_error(lambda: c.batch_create_packets([batch_packet(i) for i in range(51)]), ValidationError, 400)

        def batch_claim() -> None:
            b0, b1, _ = self.need("batch")
            result = c.batch_claim_packets([b0, b1], agent_id="sdk-batcher", agent_name="Batcher", framework="sdk")
            check(sorted(str(p.id) for p in result.claimed) == sorted([b0, b1]), f"claimed {result.claimed}")
            check(all(p.status == "claimed" and p.metadata.target_agent.id == "sdk-batcher" for p in result.claimed),
                  "claimed packets")
            check(result.errors == [], f"errors {result.errors}")

        def batch_claim_partial() -> None:
            b0, _, b2 = self.need("batch")
            unknown = str(uuid.uuid4())
            result = c.batch_claim_packets([b0, b2, unknown], agent_id="sdk-batcher", agent_name="Batcher")
            check([str(p.id) for p in result.claimed] == [b2], f"claimed {[str(p.id) for p in result.claimed]}")
            errors = {e.packet_id: e.error for e in result.errors}
            check(set(errors) == {b0, unknown}, f"errors {errors}")
            check("already claimed" in errors[b0].lower(), f"error for the claimed one: {errors[b0]}")

        def batch_complete() -> None:
            b0, b1, _ = self.need("batch")
            expired = str(self.need("p2").id)
            result = c.batch_complete_packets([b0, b1, expired])
            check(sorted(str(p.id) for p in result.completed) == sorted([b0, b1]), f"completed {result.completed}")
            check(all(p.status == "completed" and p.metadata.completed_at for p in result.completed), "status")
            errors = {e.packet_id: e.error for e in result.errors}
            check(set(errors) == {expired} and "cannot complete" in errors[expired].lower(), f"errors {errors}")

        def batch_id_limits() -> None:
            many = [str(uuid.uuid4()) for _ in range(51)]
            expect_error(lambda: c.batch_claim_packets(many, agent_id="x", agent_name="X"), ValidationError, 400)
            expect_error(lambda: c.batch_complete_packets(many), ValidationError, 400)
            expect_error(lambda: c.batch_complete_packets([]), ServerError, 422)

        def audit() -> None:
            p1 = self.need("p1")
            log = c.list_audit_log(packet_id=p1.id)
            check(log.total >= 4 and len(log.entries) == log.total, f"total {log.total} entries {len(log.entries)}")
            check(all(e.packet_id == str(p1.id) and e.resource == "packet" for e in log.entries), "entries")
            stamps = [e.timestamp for e in log.entries]
            check(stamps == sorted(stamps, reverse=True), "not newest first")
            self.state["audit_actions"] = [e.action for e in log.entries]

        def audit_filters() -> None:
            p1 = self.need("p1")
            action = self.need("audit_actions")[-1]
            log = c.list_audit_log(packet_id=p1.id, action=action)
            check(log.total >= 1 and all(e.action == action for e in log.entries), f"action filter {action}: {log}")
            page = c.list_audit_log(packet_id=p1.id, limit=1, offset=1)
            check(len(page.entries) == 1 and page.limit == 1 and page.offset == 1, f"page {page}")
            log = c.list_audit_log(created_after=iso_z(datetime.now(UTC) + timedelta(minutes=5)))
            check(log.total == 0, f"future created_after total {log.total}")
            if self.own_tenant:
                other = self.op.list_audit_log(packet_id=p1.id)
                check(other.total == 0, f"audit leaks across tenants: {other.total}")

        self.step("batch.create_with_item_error", batch_create)
        self.step("batch.create_empty_422_and_51_400", batch_create_limits)
        self.step("batch.claim", batch_claim)
        self.step("batch.claim_partial_errors", batch_claim_partial)
        self.step("batch.complete_with_item_error", batch_complete)
        self.step("batch.claim_complete_limits", batch_id_limits)
        self.step("audit.list_by_packet", audit)
        self.step("audit.filters_pagination_tenancy", audit_filters)

    # 5. webhooks, schemas

    def run_hooks_and_schemas(self) -> None:
        c = self.c
        secret = "whsec-" + secrets.token_hex(12)

        def register() -> None:
            hook = c.register_webhook(url=f"https://hooks.example.com/handoffrail/{self.run}",
                                      events=["packet.created", "packet.completed"], secret=secret)
            check(hook.active is True, f"active {hook.active}")
            check(hook.url == f"https://hooks.example.com/handoffrail/{self.run}", f"url {hook.url}")
            check(hook.events == ["packet.created", "packet.completed"], f"events {hook.events}")
            if self.own_tenant:
                check(hook.tenant_id == self.state["tenant_id"], f"tenant_id {hook.tenant_id}")
            self.state["hook"] = hook

        def default_events() -> None:
            hook = c.register_webhook(url=f"https://hooks.example.com/default/{self.run}", secret=secret)
            check(sorted(hook.events) == sorted(["packet.created", "packet.claimed", "packet.completed",
                                                 "packet.failed"]), f"events {hook.events}")
            self.state["hook2"] = hook

        def list_hooks() -> None:
            hook = self.need("hook")
            hooks = c.list_webhooks()
            check(hook.id in [h.id for h in hooks], f"hook missing from {[h.id for h in hooks]}")
            raw = c._request("GET", "/hooks")
            check(isinstance(raw, list), f"GET /hooks is not a list: {short(raw)}")
            check(all("secret" not in h for h in raw), "a secret came back")

        def deliveries() -> None:
            hook = self.need("hook")
            self.remember(c.create_packet(self.raw_packet(f"Hook trigger zh{self.run}", priority="normal",
                                                          tags=[self.tag], source="sdk-ops", target="sdk-billing")))
            found: list[dict[str, Any]] = []
            for _ in range(25):
                found = c.list_webhook_deliveries(hook.id)
                if found:
                    break
                time.sleep(0.2)
            check(found, "no delivery recorded within 5 s of a packet.created event")
            check(all(d.get("webhook_id") == hook.id for d in found), f"webhook_id {short(found)}")
            check(any(d.get("event_type") == "packet.created" for d in found), f"event types {short(found)}")
            raw = c._request("GET", f"/hooks/{hook.id}/deliveries")
            check(isinstance(raw, list), f"deliveries is not a list: {short(raw)}")
            status = found[0]["status"]
            filtered = c.list_webhook_deliveries(hook.id, status=status, limit=10)
            check(all(d["status"] == status for d in filtered), f"status filter {status}: {short(filtered)}")

        def blocked() -> None:
            if self.private_webhooks_allowed:
                return
            for url in ("http://127.0.0.1:9/x", "http://localhost/x", "http://169.254.169.254/latest",
                        "http://10.0.0.1/x", "http://[::1]/x"):
                expect_error(lambda url=url: c.register_webhook(url=url, secret=secret), ServerError, 422, "blocked")

        def bad_hook_fields() -> None:
            expect_error(lambda: c._request("POST", "/hooks", json_data={
                "url": "https://hooks.example.com/x", "events": ["packet.exploded"], "secret": secret}),
                ServerError, 422)
            expect_error(lambda: c._request("POST", "/hooks", json_data={
                "url": "https://hooks.example.com/x", "events": ["packet.created"], "secret": "short"}),
                ServerError, 422)

        def delete_hook() -> None:
            hook = self.need("hook2")
            check(c.delete_webhook(hook.id) is None, "delete_webhook returned a value")
            listed = {h.id: h.active for h in c.list_webhooks()}
            check(listed.get(hook.id) is False, f"deleted hook not listed inactive: {listed.get(hook.id)}")
            expect_error(lambda: c.delete_webhook(hook.id), ValidationError, 409)
            expect_error(lambda: c.delete_webhook(str(uuid.uuid4())), NotFoundError, 404)

        def deliveries_unknown() -> None:
            expect_error(lambda: c.list_webhook_deliveries(str(uuid.uuid4())), NotFoundError, 404)

        def dead_letters() -> None:
            dlq = c._request("GET", "/hooks/dlq")
            check(isinstance(dlq, list), f"GET /hooks/dlq is not a list: {short(dlq)}")
            result = c._request("POST", "/hooks/dlq/retry-all")
            check(isinstance(result.get("retried"), int), f"retry-all {short(result)}")
            expect_error(lambda: c._request("POST", f"/hooks/dlq/{uuid.uuid4()}/replay"), NotFoundError, 404)

        self.step("hooks.register", register)
        self.step("hooks.register_default_events", default_events)
        self.step("hooks.list_without_secret", list_hooks)
        self.step("hooks.deliveries", deliveries)
        self.step("hooks.blocked_urls_422", blocked)
        self.step("hooks.invalid_event_or_secret_422", bad_hook_fields)
        self.step("hooks.delete_then_409_unknown_404", delete_hook)
        self.step("hooks.deliveries_unknown_404", deliveries_unknown)
        self.step("hooks.dlq_list_retry_all_replay", dead_letters)

        json_schema = {
            "type": "object",
            "required": ["ticket"],
            "properties": {"ticket": {"type": "string", "pattern": "^T-[0-9]+$"},
                           "amount": {"type": "number", "minimum": 0}},
        }

        def create_schema() -> None:
            schema = c.create_schema(name=f"ticket-{self.run}", json_schema=json_schema, version=1)
            check(schema.name == f"ticket-{self.run}" and schema.version == 1, f"schema {schema}")
            check(schema.json_schema == json_schema, f"json_schema {schema.json_schema}")
            if self.own_tenant:
                check(schema.tenant_id == self.state["tenant_id"], f"tenant_id {schema.tenant_id}")
            self.state["schema"] = schema

        def list_schemas() -> None:
            schema = self.need("schema")
            listing = c.list_schemas(limit=200)
            check(schema.id in [s.id for s in listing.schemas], "schema not listed")
            check(listing.total >= 1 and listing.limit == 200 and listing.offset == 0, f"listing {listing}")
            if self.own_tenant:
                other = self.op.list_schemas(limit=200)
                check(schema.id not in [s.id for s in other.schemas], "schema visible to another tenant")

        def get_schema() -> None:
            schema = self.need("schema")
            got = c.get_schema(schema.id)
            check(got.model_dump() == schema.model_dump(), f"get {got} != {schema}")
            expect_error(lambda: c.get_schema(str(uuid.uuid4())), NotFoundError, 404)

        def schema_without_type() -> None:
            expect_error(lambda: c.create_schema(name=f"untyped-{self.run}", json_schema={"properties": {}}),
                         ServerError, 422)

        def packet_with_schema() -> None:
            schema = self.need("schema")
            base = self.raw_packet(f"Schema checked zs{self.run}", priority="normal", tags=[self.tag],
                                   source="sdk-ops", target="sdk-billing").to_dict()
            valid = dict(base, schema_id=schema.id, context=dict(base["context"], custom={"ticket": "T-42", "amount": 3.5}))
            packet = self.remember(c.create_packet(PacketCreate.from_dict(valid)))
            check(packet.context.custom == {"ticket": "T-42", "amount": 3.5}, f"custom {packet.context.custom}")
            invalid = dict(valid, context=dict(valid["context"], custom={"ticket": "nope", "amount": -1}))
            error = expect_error(lambda: c.create_packet(PacketCreate.from_dict(invalid)), ServerError, 422,
                                 "validation failed")
            check(isinstance(error.response_body.get("detail"), str), f"detail not a string: {error.response_body}")
            unknown = dict(valid, schema_id=str(uuid.uuid4()))
            expect_error(lambda: c.create_packet(PacketCreate.from_dict(unknown)), ServerError, 422, "not found")

        self.step("schemas.create", create_schema)
        self.step("schemas.list_tenant_scoped", list_schemas)
        self.step("schemas.get_and_unknown_404", get_schema)
        self.step("schemas.without_type_422", schema_without_type)
        self.step("schemas.packet_valid_invalid_unknown", packet_with_schema)

    # 6. keys, roles

    def run_keys_and_roles(self) -> None:
        c = self.c

        def list_keys() -> None:
            keys = c.list_api_keys()
            listed = {k.id: k for k in keys}
            for role in ("writer", "agent", "reader"):
                key = self.need(f"{role}_key")
                check(key.id in listed and listed[key.id].role == role, f"{role} key not listed")
            check(all(k.key is None for k in keys), "plain keys listed")
            check(len({k.tenant_id for k in keys}) == 1, f"keys of several tenants: {[k.tenant_id for k in keys]}")

        def bad_role() -> None:
            expect_error(lambda: c._request("POST", "/keys", json_data={"name": "x", "role": "superuser"}),
                         ServerError, 422)

        def reader_reads() -> None:
            with self.client(self.need("reader_key").key) as reader:
                p1 = self.need("p1")
                check(reader.get_packet(p1.id).id == p1.id, "get")
                check(reader.list_packets(tags=self.tag).total >= 4, "list")
                reader.get_history(p1.id)
                reader.get_awaiting()
                reader.search_packets(f"zq{self.run}a")
                reader.list_audit_log(limit=1)

        def reader_cannot_write() -> None:
            with self.client(self.need("reader_key").key) as reader:
                expect_error(lambda: reader.create_packet(self.raw_packet("x", priority="low", tags=[self.tag],
                                                                          source="sdk-ops", target="sdk-billing")),
                             ServerError, 403, "Insufficient permissions. Required role: writer, current role: reader")
                expect_error(lambda: reader.claim_packet(self.need("p3").id, agent_id="r", agent_name="R"),
                             ServerError, 403, "Required role: agent")

        def agent_role() -> None:
            with self.client(self.need("writer_key").key) as writer, self.client(self.need("agent_key").key) as agent:
                packet = self.remember(writer.create_packet(self.raw_packet(
                    f"Agent role zg{self.run}", priority="normal", tags=[self.tag], source="sdk-ops",
                    target="sdk-billing")))
                claimed = agent.claim_packet(packet.id, agent_id="sdk-agent-key", agent_name="AgentKey")
                check(claimed.status == "claimed", f"status {claimed.status}")
                check(agent.update_packet(packet.id, PacketUpdate(status="in_progress")).status == "in_progress",
                      "agent PATCH")
                expect_error(lambda: agent.create_packet(self.raw_packet("x", priority="low", tags=[self.tag],
                                                                         source="sdk-ops", target="sdk-billing")),
                             ServerError, 403, "Required role: writer")
                expect_error(lambda: agent.delete_packet(packet.id), ServerError, 403)

        def writer_limits() -> None:
            with self.client(self.need("writer_key").key) as writer:
                expect_error(lambda: writer.list_api_keys(), ServerError, 403, "Required role: admin")
                expect_error(lambda: writer._request("GET", "/stats"), ServerError, 403)
                expect_error(lambda: writer.list_tenants(), ServerError, 403)
                writer.list_webhooks()
                writer.list_schemas()

        def rotate() -> None:
            old = self.need("writer_key")
            data = c._request("POST", f"/keys/{old.id}/rotate")
            new = ApiKeyResponse.from_dict(data)
            check(new.id != old.id and new.key and new.key != old.key and new.key.startswith("hr_"), f"new {new}")
            check(new.key_prefix == new.key[:8], f"key_prefix {new.key_prefix}")
            check("rotated" in new.name, f"name {new.name!r}")
            check(new.role == "writer" and new.revoked is False, f"role {new.role} revoked {new.revoked}")
            with self.client(new.key) as rotated:
                rotated.list_packets(limit=1)
            self.state["rotated_key"] = new

        def rotated_old_key() -> None:
            old = self.need("writer_key")
            self.need("rotated_key")
            with self.client(old.key) as stale:
                expect_error(lambda: stale.list_packets(limit=1), ServerError, 403)
            expect_error(lambda: c._request("POST", f"/keys/{old.id}/rotate"), ValidationError, 409, "already revoked")
            expect_error(lambda: c._request("POST", f"/keys/{uuid.uuid4()}/rotate"), NotFoundError, 404)

        def revoke() -> None:
            reader = self.need("reader_key")
            check(c._request("DELETE", f"/keys/{reader.id}") == {}, "DELETE /keys/{id} body")
            with self.client(reader.key) as revoked:
                expect_error(lambda: revoked.list_packets(limit=1), ServerError, 403)
            expect_error(lambda: c._request("DELETE", f"/keys/{reader.id}"), ValidationError, 409)
            expect_error(lambda: c._request("DELETE", f"/keys/{uuid.uuid4()}"), NotFoundError, 404)
            listed = {k.id: k.revoked for k in c.list_api_keys()}
            check(listed.get(reader.id) is True, f"revoked flag {listed.get(reader.id)}")

        def other_tenant_key() -> None:
            if not self.own_tenant:
                raise Missing("prerequisite missing: scenario tenant")
            # A throwaway key of the operator tenant, so that a server bug cannot revoke the
            # operator key the rest of the scenario needs.
            foreign = self.op.create_api_key(name=f"scenario-foreign-{self.run}", role="reader")
            try:
                expect_error(lambda: c._request("DELETE", f"/keys/{foreign.id}"), NotFoundError, 404)
                expect_error(lambda: c._request("POST", f"/keys/{foreign.id}/rotate"), NotFoundError, 404)
            finally:
                self.op._request("DELETE", f"/keys/{foreign.id}")

        self.step("keys.list", list_keys)
        self.step("keys.bad_role_422", bad_role)
        self.step("roles.reader_reads", reader_reads)
        self.step("roles.reader_write_403", reader_cannot_write)
        self.step("roles.agent_claims_patches_but_cannot_create", agent_role)
        self.step("roles.writer_not_admin_403", writer_limits)
        self.step("keys.rotate", rotate)
        self.step("keys.rotated_old_key_403_again_409_unknown_404", rotated_old_key)
        self.step("keys.revoke_then_403_again_409_unknown_404", revoke)
        self.step("keys.other_tenant_key_404", other_tenant_key)

    # 7. tenants, stats, system

    def run_tenants_and_system(self) -> None:
        op = self.op

        def list_get() -> None:
            tenant = self.need("tenant")
            tenants = {t.id: t for t in op.list_tenants()}
            check(tenant.id in tenants, "scenario tenant not listed")
            check(any(t.name == "default" for t in tenants.values()), "bootstrap tenant 'default' not listed")
            got = op.get_tenant(tenant.id)
            check(got.model_dump() == tenant.model_dump(), f"get {got} != {tenant}")

        def duplicate() -> None:
            tenant = self.need("tenant")
            expect_error(lambda: op.create_tenant(name=tenant.name), ValidationError, 409)

        def update_delete() -> None:
            spare = op.create_tenant(name=f"sdk-spare-{self.run}")
            check(spare.tier == "free" and spare.handoffs_per_day == 5 and spare.max_api_keys == 5,
                  f"defaults {spare}")
            updated = op.update_tenant(spare.id, name=f"sdk-spare-renamed-{self.run}", tier="pro",
                                       handoffs_per_day=100)
            check(updated.name == f"sdk-spare-renamed-{self.run}" and updated.tier == "pro"
                  and updated.handoffs_per_day == 100, f"updated {updated}")
            check(updated.updated_at >= spare.updated_at, "updated_at went back")
            spare_key = op.create_api_key(name=f"spare-reader-{self.run}", tenant_id=spare.id, role="reader")
            with self.client(spare_key.key) as spare_client:
                check(spare_client.list_packets() is not None, "the spare tenant's key does not work")
                check(op.delete_tenant(spare.id) is None, "delete_tenant returned a value")
                # The deleted tenant's keys stop working on the very next request.
                expect_error(lambda: spare_client.list_packets(), AuthenticationError, 401)
            expect_error(lambda: op.get_tenant(spare.id), NotFoundError, 404)
            expect_error(lambda: op.get_tenant(f"no-such-tenant-{self.run}"), NotFoundError, 404)

        def tenant_keys() -> None:
            tenant, admin = self.need("tenant", "admin_key")
            keys = op.list_tenant_keys(tenant.id)
            check(admin.id in [k.id for k in keys], "scenario admin key not listed")
            check(all(k.tenant_id == tenant.id and k.key is None for k in keys), "foreign or plain keys")

        def non_operator() -> None:
            if not self.own_tenant:
                raise Missing("prerequisite missing: scenario tenant")
            expect_error(lambda: self.c.create_tenant(name=f"sdk-denied-{self.run}"), ServerError, 403)
            expect_error(lambda: self.c.list_tenants(), ServerError, 403)

        def stats() -> None:
            data = self.c._request("GET", "/stats")
            check(STATS_KEYS <= set(data), f"missing {STATS_KEYS - set(data)}")
            by_status = data["packets_by_status"]
            check(sum(by_status.values()) == data["total_packets"], f"by status {by_status} vs {data['total_packets']}")
            if self.own_tenant:
                check(data["total_packets"] == len(self.created_in_tenant),
                      f"total_packets {data['total_packets']} != {len(self.created_in_tenant)} created")
                check(data["hitl_queue_depth"] == by_status.get("awaiting_human", 0), f"hitl depth {data}")

        def system_health() -> None:
            data = op._request("GET", "/system/health")
            check(SYSTEM_HEALTH_KEYS <= set(data), f"missing {sorted(SYSTEM_HEALTH_KEYS - set(data))}")
            check(data["total_packets"] >= len(self.created_in_tenant), f"total_packets {data['total_packets']}")

        self.step("tenants.list_get", list_get)
        self.step("tenants.duplicate_409", duplicate)
        self.step("tenants.defaults_update_delete_then_404", update_delete)
        self.step("tenants.keys", tenant_keys)
        self.step("tenants.non_operator_admin_403", non_operator)
        self.step("stats.tenant", stats)
        self.step("system.health", system_health)

    # 8. the async client

    async def run_async(self) -> None:
        key = self.state["admin_key"].key if self.own_tenant else self.operator_key
        tag = f"{self.tag}-async"
        async with self.async_client(key) as ac, self.async_client(self.operator_key) as aop:

            def packet(summary: str, **kwargs: Any) -> PacketCreate:
                return self.raw_packet(summary, priority="normal", tags=[tag], source="async-src",
                                       target="async-tgt", **kwargs)

            async def create() -> None:
                sent = self.builder_packet("x", tags=[tag])
                created = self.remember(await ac.create_packet(sent))
                check(created.status == "created", f"status {created.status}")
                got = await ac.get_packet(created.id)
                check(got.model_dump() == created.model_dump(), "get differs")
                self.state["a1"] = created

            async def concurrent_creates() -> None:
                made = await asyncio.gather(*(ac.create_packet(packet(f"Async {i} za{self.run}")) for i in range(10)))
                for item in made:
                    self.remember(item)
                check(len({p.id for p in made}) == 10, "ids not distinct")
                listing = await ac.list_packets(tags=tag, limit=200)
                check(listing.total == 11, f"total {listing.total}")
                check(is_newest_first(listing), "not newest first")
                page = await ac.list_packets(tags=tag, limit=4)
                rest = await ac.list_packets(tags=tag, limit=200, cursor=page.next_cursor)
                check(ids(page) + ids(rest) == ids(listing), "cursor pages differ from the full list")
                self.state["a_batch_source"] = [str(p.id) for p in made]

            async def search() -> None:
                listing = await ac.search_packets(f"zq{self.run}x", SearchOptions(limit=5))
                check(ids(listing) == [str(self.need("a1").id)], f"ids {ids(listing)}")
                await aexpect_error(lambda: ac.search_packets("z"), ServerError, 422)

            async def claim_race() -> None:
                a1 = self.need("a1")
                results = await asyncio.gather(
                    *(ac.claim_packet(a1.id, agent_id=f"async-worker-{i}", agent_name=f"W{i}") for i in range(5)),
                    return_exceptions=True,
                )
                wins = [r for r in results if isinstance(r, PacketResponse)]
                conflicts = [r for r in results if isinstance(r, ValidationError) and r.status_code == 409]
                others = [describe(r) for r in results if isinstance(r, BaseException) and r not in conflicts]
                check(len(wins) == 1 and len(conflicts) == 4, f"wins {len(wins)} conflicts {len(conflicts)} {others}")

            async def progress_complete_history() -> None:
                a1 = self.need("a1")
                check((await ac.update_packet(a1.id, PacketUpdate(status="in_progress"))).status == "in_progress",
                      "in_progress")
                check((await ac.complete_packet(a1.id)).status == "completed", "completed")
                kinds = [e.event_type for e in (await ac.get_history(a1.id)).events]
                check(kinds == ["created", "claimed", "in_progress", "completed"], f"events {kinds}")
                await aexpect_error(lambda: ac.update_packet(a1.id, PacketUpdate(status="claimed")),
                                    ValidationError, 400, "Cannot transition")

            async def hitl() -> None:
                waiting = self.remember(await ac.create_packet(self.builder_packet("y", tags=[tag], hitl=True)))
                listing = await ac.get_awaiting(limit=200)
                check(str(waiting.id) in ids(listing), "not awaiting")
                answered = await ac.respond_to_hitl(waiting.id, response="deny", responded_by="human:async")
                check(answered.status == "claimed" and answered.hitl.response == "deny", f"{answered.hitl}")
                await aexpect_error(lambda: ac.respond_to_hitl(waiting.id, response="x", responded_by="y"),
                                    ValidationError, 409)

            async def chain() -> None:
                a1 = self.need("a1")
                request = ChainBuilder().from_("async-tgt", "T").to("async-src", "S").with_summary("async child").build()
                child = self.remember(await ac.chain_handoff(a1.id, request))
                check(child.parent_packet_id == a1.id, f"parent {child.parent_packet_id}")

            async def delete() -> None:
                target = self.need("a_batch_source")[9]
                check(await ac.delete_packet(target) is None, "delete returned a value")
                check((await ac.get_packet(target)).status == "expired", "not expired")
                await aexpect_error(lambda: ac.delete_packet(target), ValidationError, 409)
                await aexpect_error(lambda: ac.get_packet(uuid.uuid4()), NotFoundError, 404)

            async def batch() -> None:
                result = await ac.batch_create_packets([packet(f"Async batch {i}") for i in range(3)])
                for item in result.created:
                    self.remember(item)
                check(len(result.created) == 3 and result.errors == [], f"created {len(result.created)} {result.errors}")
                batch_ids = [str(p.id) for p in result.created]
                claimed = await ac.batch_claim_packets(batch_ids, agent_id="async-batcher", agent_name="AB")
                check(len(claimed.claimed) == 3 and claimed.errors == [], f"claimed {claimed.errors}")
                done = await ac.batch_complete_packets(batch_ids)
                check(len(done.completed) == 3 and done.errors == [], f"completed {done.errors}")

            async def audit() -> None:
                log = await ac.list_audit_log(packet_id=self.need("a1").id, limit=2)
                check(log.total >= 4 and len(log.entries) == 2, f"total {log.total} entries {len(log.entries)}")

            async def hooks() -> None:
                hook = await ac.register_webhook(url=f"https://hooks.example.com/async/{self.run}",
                                                 events=["packet.completed"], secret="async-secret-" + self.run * 2)
                check(hook.id in [h.id for h in await ac.list_webhooks()], "not listed")
                check(isinstance(await ac.list_webhook_deliveries(hook.id), list), "deliveries not a list")
                check(await ac.delete_webhook(hook.id) is None, "delete returned a value")
                await aexpect_error(lambda: ac.delete_webhook(hook.id), ValidationError, 409)

            async def schemas() -> None:
                schema = await ac.create_schema(name=f"async-{self.run}", json_schema={"type": "object"}, version=2)
                check(schema.version == 2, f"version {schema.version}")
                listing = await ac.list_schemas()
                check(schema.id in [s.id for s in listing.schemas], "not listed")
                check((await ac.get_schema(schema.id)).name == f"async-{self.run}", "get")

            async def keys() -> None:
                made = await ac.create_api_key(name=f"async-{self.run}", role="agent")
                check(made.key and made.role == "agent", f"{made}")
                listed = await ac.list_api_keys()
                check(made.id in [k.id for k in listed], "not listed")

            async def tenants() -> None:
                made = await aop.create_tenant(name=f"sdk-async-{self.run}", tier="pro", handoffs_per_day=10,
                                               max_api_keys=3)
                check(made.tier == "pro" and made.max_api_keys == 3, f"{made}")
                check((await aop.get_tenant(made.id)).name == made.name, "get")
                check(made.id in [t.id for t in await aop.list_tenants()], "not listed")
                updated = await aop.update_tenant(made.id, tier="business")
                check(updated.tier == "business", f"tier {updated.tier}")
                key = await aop.create_api_key(name="async-tenant-admin", tenant_id=made.id, role="admin")
                listed = await aop.list_tenant_keys(made.id)
                check([k.id for k in listed] == [key.id], f"keys {[k.id for k in listed]}")
                check(await aop.delete_tenant(made.id) is None, "delete returned a value")
                await aexpect_error(lambda: aop.get_tenant(made.id), NotFoundError, 404)

            async def errors() -> None:
                async with self.async_client("hr_" + secrets.token_hex(16)) as stranger:
                    await aexpect_error(lambda: stranger.get_awaiting(), AuthenticationError, 401)
                await aexpect_error(lambda: ac.list_packets(cursor="garbage"), ValidationError, 400)

            await self.astep("async.create_get", create)
            await self.astep("async.concurrent_creates_list_cursor", concurrent_creates)
            await self.astep("async.search", search)
            await self.astep("async.concurrent_claims_one_wins", claim_race)
            await self.astep("async.update_complete_history", progress_complete_history)
            await self.astep("async.hitl_awaiting_respond", hitl)
            await self.astep("async.chain", chain)
            await self.astep("async.delete", delete)
            await self.astep("async.batch_create_claim_complete", batch)
            await self.astep("async.audit", audit)
            await self.astep("async.hooks", hooks)
            await self.astep("async.schemas", schemas)
            await self.astep("async.keys", keys)
            await self.astep("async.tenants", tenants)
            await self.astep("async.error_mapping", errors)

    def run_all(self) -> int:
        print(f"scenario run id {self.run} against {self.api}", flush=True)
        try:
            self.run_setup()
            self.run_packets()
            self.run_lifecycle()
            self.run_batch_and_audit()
            self.run_hooks_and_schemas()
            self.run_keys_and_roles()
            self.run_tenants_and_system()
            asyncio.run(self.run_async())
        finally:
            if self.c is not self.op:
                self.c.close()
            self.op.close()
        total = len(self.report.passed) + len(self.report.failed)
        print(f"\n{len(self.report.passed)}/{total} steps passed", flush=True)
        if self.report.failed:
            print("failed: " + ", ".join(self.report.failed), flush=True)
        return 1 if self.report.failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description="HandoffRail wire-compatibility scenario with handoffrail-sdk 0.3.0")
    parser.add_argument("--base-url", required=True, help="server root, e.g. http://127.0.0.1:8080")
    parser.add_argument("--api-key", required=True, help="admin key of the operator (bootstrap) tenant")
    parser.add_argument("--private-webhooks-allowed", action="store_true",
                        help="the server runs with HANDOFFRAIL_ALLOW_PRIVATE_WEBHOOKS=1 (skip the blocked-URL checks)")
    parser.add_argument("--verbose", action="store_true", help="print tracebacks of unexpected exceptions")
    args = parser.parse_args()
    root = args.base_url.rstrip("/")
    if root.endswith("/api/v1"):
        root = root[: -len("/api/v1")]
    return Scenario(root, args.api_key, args.private_webhooks_allowed, args.verbose).run_all()


if __name__ == "__main__":
    sys.exit(main())
