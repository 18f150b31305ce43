#!/usr/bin/env python3
"""Check the wire fixtures against spec/handoffrail.yaml.

Validates the spec itself (openapi-spec-validator), then every JSON file in
Tests/HandoffRailModelsTests/Fixtures against the component schema it documents,
with format checking (uuid, date-time, uri) and in strict mode: object schemas that
do not say otherwise are treated as `additionalProperties: false`, so a fixture
cannot carry a field the spec does not declare. Every fixture file must be listed
below, and together the fixtures must cover the spec: every schema in
`components.schemas` has to be reachable (through `$ref`s) from the schemas the
fixtures are checked against. Exits non-zero on any failure.

Needs: PyYAML, jsonschema (>= 4.18, with referencing), openapi-spec-validator,
rfc3339-validator.
"""

import copy
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate as validate_openapi
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "spec" / "handoffrail.yaml"
FIXTURES = ROOT / "Tests" / "HandoffRailModelsTests" / "Fixtures"
SPEC_URI = "urn:handoffrail:spec"


def ref(name):
    return {"$ref": f"{SPEC_URI}#/components/schemas/{name}"}


def array_of(name):
    return {"type": "array", "items": ref(name)}


# fixture file -> schema it must satisfy
EXPECTED = {
    "packet_full.json": ref("Packet"),
    "packet_minimal.json": ref("Packet"),
    "packet_create_request.json": ref("PacketCreate"),
    "packet_update_request.json": ref("PacketUpdate"),
    "packet_list.json": ref("PacketList"),
    "packet_history.json": ref("PacketHistory"),
    "audit_list.json": ref("AuditList"),
    "api_key_created.json": ref("ApiKeyCreated"),
    "api_key_list.json": array_of("ApiKey"),
    "tenant.json": ref("Tenant"),
    "hook.json": ref("Webhook"),
    "hook_deliveries.json": array_of("WebhookDelivery"),
    "dead_letters.json": array_of("WebhookDelivery"),
    "schema.json": ref("RegisteredSchema"),
    "schema_list.json": ref("SchemaList"),
    "stats.json": ref("Stats"),
    "system_health.json": ref("SystemHealth"),
    "batch_create_result.json": ref("BatchCreateResult"),
    "batch_claim_result.json": ref("BatchClaimResult"),
    "validation_error.json": ref("HTTPValidationError"),
    "claim_conflict.json": ref("ClaimConflictError"),
    "event.json": ref("Event"),
    "claim_request.json": ref("ClaimRequest"),
    "respond_request.json": ref("RespondRequest"),
    "chain_request.json": ref("ChainRequest"),
    "batch_create_request.json": ref("BatchCreateRequest"),
    "batch_claim_request.json": ref("BatchClaimRequest"),
    "batch_complete_request.json": ref("BatchCompleteRequest"),
    "batch_complete_result.json": ref("BatchCompleteResult"),
    "hook_create_request.json": ref("WebhookCreate"),
    "dead_letter_replay.json": ref("DeadLetterReplayResult"),
    "dead_letter_retry_all.json": ref("RetryAllResult"),
    "schema_create_request.json": ref("SchemaCreate"),
    "api_key_create_request.json": ref("ApiKeyCreate"),
    "tenant_create_request.json": ref("TenantCreate"),
    "tenant_update_request.json": ref("TenantUpdate"),
    "health.json": ref("HealthStatus"),
    "readiness.json": ref("ReadinessStatus"),
    "ws_subscribe.json": ref("WebSocketClientMessage"),
    "daily_limit_exceeded.json": ref("ErrorDetail"),
    "schema_violation.json": ref("UnprocessableError"),
    "rate_limited.json": ref("RateLimitError"),
    "payload_too_large.json": ref("PayloadTooLargeError"),
    "rule_list.json": ref("HandoffRuleList"),
    "rule_create_request.json": ref("HandoffRuleCreate"),
    "rule_update_request.json": ref("HandoffRuleUpdate"),
    "claim_blocked_by_rule.json": ref("ClaimConflictError"),
}


def strict(spec):
    """Copy of the spec where every component object schema with `properties`
    and no explicit `additionalProperties` rejects undeclared fields."""
    spec = copy.deepcopy(spec)
    for schema in spec["components"]["schemas"].values():
        if "properties" in schema and "additionalProperties" not in schema:
            schema["additionalProperties"] = False
    return spec


def refs(node):
    """Names of the component schemas `$ref`erenced anywhere inside `node`."""
    if isinstance(node, list):
        return set().union(*map(refs, node))
    if not isinstance(node, dict):
        return set()
    found = set().union(*map(refs, node.values()))
    target = node.get("$ref")
    if isinstance(target, str) and "/components/schemas/" in target:
        found.add(target.rsplit("/", 1)[-1])
    return found


def uncovered(components):
    """Component schemas not reachable from any fixture's schema."""
    reached, pending = set(), refs(list(EXPECTED.values()))
    while pending:
        name = pending.pop()
        if name not in reached:
            reached.add(name)
            pending |= refs(components[name])
    return sorted(components.keys() - reached)


def format_checker():
    checker = FormatChecker()

    @checker.checks("uri", raises=ValueError)
    def is_uri(value):
        if not isinstance(value, str):
            return True
        parsed = urlparse(value)
        if not parsed.scheme or not (parsed.netloc or parsed.path):
            raise ValueError(f"{value!r} is not an absolute URI")
        return True

    return checker


def main():
    failures = 0
    spec = yaml.safe_load(SPEC_PATH.read_text())
    try:
        validate_openapi(spec)
    except Exception as error:  # noqa: BLE001 - report any validator failure
        print(f"FAIL spec: {error}")
        return 1
    print(f"ok   {SPEC_PATH.relative_to(ROOT)} is valid OpenAPI {spec['openapi']}")

    registry = Registry().with_resource(
        SPEC_URI, Resource.from_contents(strict(spec), default_specification=DRAFT202012)
    )
    checker = format_checker()

    present = {path.name for path in FIXTURES.glob("*.json")}
    for name in sorted(present - EXPECTED.keys()):
        print(f"FAIL {name}: not mapped to a schema in scripts/check-fixtures.py")
        failures += 1
    for name in sorted(EXPECTED.keys() - present):
        print(f"FAIL {name}: missing from {FIXTURES.relative_to(ROOT)}")
        failures += 1

    for name in sorted(EXPECTED.keys() & present):
        try:
            document = json.loads((FIXTURES / name).read_text())
        except json.JSONDecodeError as error:
            print(f"FAIL {name}: invalid JSON: {error}")
            failures += 1
            continue
        schema = EXPECTED[name]
        validator = Draft202012Validator(schema, registry=registry, format_checker=checker)
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        target = schema.get("$ref", schema.get("items", {}).get("$ref", "")).rsplit("/", 1)[-1]
        if errors:
            failures += 1
            print(f"FAIL {name} ({target}):")
            for error in errors:
                location = "/".join(str(part) for part in error.absolute_path) or "(root)"
                print(f"       at {location}: {error.message}")
        else:
            print(f"ok   {name} ({target})")

    missing = uncovered(spec["components"]["schemas"])
    if missing:
        failures += 1
        print(f"FAIL coverage: {len(missing)} component schema(s) not reached by any fixture:")
        print("       " + ", ".join(missing))
    else:
        print(f"ok   all {len(spec['components']['schemas'])} component schemas are covered by the fixtures")

    if failures:
        print(f"{failures} failure(s)")
        return 1
    print(f"all {len(EXPECTED)} fixtures match the spec")
    return 0


if __name__ == "__main__":
    sys.exit(main())
