"""The Swift tool encoders' output, checked with the real Python libraries.

Reads what `ToolSchemaInteropTests` exported to `<dir>/tools/` and checks:

- openai-agents: every strict OpenAI tool's parameters equal `ensure_strict_json_schema(<the schema
  it was made from>)`; the SDK itself, given the same tool (`FunctionTool(strict_json_schema=…)`, or
  `handoff()` for the handoff targets), converts it to exactly our Responses / Chat Completions JSON;
  non-strict tools are exactly the ones the SDK refuses, with their schema unchanged (the opt-in
  nullable-optional variant too: its source schema is the nullable one); the strict
  rule cases of `StrictJSONSchemaTests` give the expected schemas and the refusal cases raise; on
  2 000 random schemas the SDK and we agree on every conversion and every refusal.
  `required` lists are compared as sets when a schema was built in Swift (Swift JSON objects have no
  member order, Python's `required` follows property order); the handoff tools are compared exactly.
- langchain-core: `StructuredTool(args_schema=<our dict>)` gives our `tool_call_schema`, and
  `convert_to_openai_tool` gives our OpenAI tool; the OpenAI form passes through it unchanged.
- google-genai / google-adk: `types.FunctionDeclaration.model_validate` accepts every declaration
  and dumps it back unchanged; our Vertex form equals ADK's `_sanitize_json_schema_for_vertex`.
- crewai: checked by crewai/check_crewai.py in crewai's own venv (it pins an older `openai`).
- every schema in every file is a valid JSON Schema (jsonschema Draft 2020-12 metaschema).

Usage: python check_tool_schemas.py <export-dir>
"""
import copy
import json
import pathlib
import sys
from importlib.metadata import version
from typing import Literal

import jsonschema
from pydantic import BaseModel

from agents import Agent, FunctionTool, handoff
from agents.models.chatcmpl_converter import Converter as ChatConverter
from agents.models.openai_responses import Converter as ResponsesConverter
from agents.strict_schema import ensure_strict_json_schema
from google.adk.tools._function_tool_declarations import _sanitize_json_schema_for_vertex
from google.genai import types as genai_types
from langchain_core.tools import StructuredTool
from langchain_core.utils.function_calling import convert_to_openai_tool


def load(root: pathlib.Path, name: str):
    path = root / "tools" / name
    if not path.exists():
        raise SystemExit(f"no tool export {path}")
    return json.loads(path.read_text())


def sorted_required(value):
    """`required` lists as sorted lists, everything else unchanged."""
    if isinstance(value, dict):
        return {
            key: sorted(item) if key == "required" and isinstance(item, list) and all(isinstance(x, str) for x in item)
            else sorted_required(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [sorted_required(item) for item in value]
    return value


def same(left, right, *, exact=False) -> bool:
    if exact:
        return json.dumps(left, sort_keys=True) == json.dumps(right, sort_keys=True)
    return json.dumps(sorted_required(left), sort_keys=True) == json.dumps(sorted_required(right), sort_keys=True)


def fail(where: str, why: str) -> None:
    raise SystemExit(f"FAIL {where}: {why}")


async def _noop(ctx, args):  # pragma: no cover - never invoked
    return ""


class PendingAction(BaseModel):
    description: str
    assignee: str


class HandoffRailPacketInput(BaseModel):
    summary: str
    priority: Literal["low", "normal", "high", "critical"]
    tags: list[str]
    pending_actions: list[PendingAction]
    hitl_question: str | None = None


def sdk_handoff(tool: dict, api: str):
    """The SDK's own handoff for the targets ToolSchemaInteropTests uses."""
    name = tool["name"] if api == "responses" else tool["function"]["name"]
    if name == "transfer_to_refund_agent":
        h = handoff(Agent(name="Refund Agent", handoff_description="Handles refunds and chargebacks."))
    elif name == "transfer_to_billingbot":
        h = handoff(Agent(name="BillingBot"), input_type=HandoffRailPacketInput, on_handoff=lambda ctx, data: None)
    else:
        fail(name, "unknown handoff target")
    if api == "responses":
        return ResponsesConverter._convert_handoff_tool(h)
    return ChatConverter.convert_handoff_tool(h)


def check_openai(root: pathlib.Path) -> None:
    for variant in ("responses", "chat_completions", "responses_nullable"):
        api = "chat_completions" if variant == "chat_completions" else "responses"
        entries = load(root, f"openai_{variant}.json")
        strict_count = 0
        for entry in entries:
            tool, source = entry["tool"], entry["source_schema"]
            function = tool if api == "responses" else tool["function"]
            where = f"openai_{variant}:{function['name']}"
            if entry["kind"] == "handoff":
                expected = sdk_handoff(tool, api)
                if not same(expected, tool, exact=True):
                    fail(where, f"SDK handoff differs:\n{json.dumps(expected, sort_keys=True)}\n{json.dumps(tool, sort_keys=True)}")
                strict_count += 1
                continue
            try:
                strict = ensure_strict_json_schema(copy.deepcopy(source))
            except Exception:
                strict = None
            if entry["strict"] != (strict is not None) or function["strict"] != entry["strict"]:
                fail(where, f"strict flag {function['strict']} but the SDK {'accepts' if strict else 'refuses'} the schema")
            if strict is not None:
                strict_count += 1
                if not same(strict, function["parameters"]):
                    fail(where, "parameters differ from ensure_strict_json_schema(source)")
                # Our strict schema is a fixed point and the SDK accepts it as a strict FunctionTool.
                sdk_tool = FunctionTool(name=function["name"], description=function["description"],
                                        params_json_schema=copy.deepcopy(function["parameters"]),
                                        on_invoke_tool=_noop, strict_json_schema=True)
                if not same(sdk_tool.params_json_schema, function["parameters"]):
                    fail(where, "FunctionTool(strict_json_schema=True) changed our strict parameters")
            else:
                if function["parameters"] != source:
                    fail(where, "non-strict tool does not carry its original schema")
                sdk_tool = FunctionTool(name=function["name"], description=function["description"],
                                        params_json_schema=copy.deepcopy(source), on_invoke_tool=_noop,
                                        strict_json_schema=False)
            converted = (ResponsesConverter._convert_function_tool(sdk_tool)[0] if api == "responses"
                         else ChatConverter.tool_to_openai(sdk_tool))
            if not same(converted, tool):
                fail(where, "the SDK's own conversion of the same FunctionTool differs")
        print(f"openai-agents {version('openai-agents')} {variant}: {len(entries)} tools ({strict_count} strict) equal the SDK's "
              "own conversion; strict parameters == ensure_strict_json_schema(source)")

    cases = load(root, "strict_cases.json")
    for case in cases["conversions"]:
        got = ensure_strict_json_schema(copy.deepcopy(case["input"]))
        if not same(got, case["expected"]):
            fail(f"strict rule {case['rule']!r}", f"SDK gives {json.dumps(got, sort_keys=True)}")
    for case in cases["refusals"]:
        try:
            ensure_strict_json_schema(copy.deepcopy(case["input"]))
        except Exception:
            continue
        fail(f"strict refusal {case['rule']!r}", "the SDK accepts it")
    differential = load(root, "strict_differential.json")
    refused = 0
    for index, case in enumerate(differential):
        try:
            got = ensure_strict_json_schema(copy.deepcopy(case["input"]))
        except Exception as error:  # noqa: BLE001 - the SDK raises UserError, KeyError, ValueError, TypeError
            if "refused" not in case:
                fail(f"strict random schema {index}", f"the SDK refuses it ({type(error).__name__}) but we converted it")
            refused += 1
            continue
        if "refused" in case:
            fail(f"strict random schema {index}", f"we refused it ({case['refused']}) but the SDK converts it")
        if not same(got, case["strict"]):
            fail(f"strict random schema {index}", f"SDK gives {json.dumps(got, sort_keys=True)}")
    print(f"openai-agents {version('openai-agents')} strict differential: {len(differential)} random schemas, "
          f"{len(differential) - refused} converted identically, {refused} refused by both")
    print(f"openai-agents {version('openai-agents')} strict rules: {len(cases['conversions'])} conversions as expected, "
          f"{len(cases['refusals'])} refusals refused")


def check_langchain(root: pathlib.Path) -> None:
    entries = load(root, "langchain.json")
    for entry in entries:
        ours = entry["tool"]
        where = f"langchain:{ours['name']}"
        tool = StructuredTool(name=ours["name"], description=ours["description"],
                              args_schema=copy.deepcopy(ours["args_schema"]), func=lambda **kwargs: "")
        if not same(tool.tool_call_schema, entry["tool_call_schema"], exact=True):
            fail(where, "tool_call_schema differs")
        if not same(convert_to_openai_tool(tool), entry["openai_tool"], exact=True):
            fail(where, f"convert_to_openai_tool differs:\n{json.dumps(convert_to_openai_tool(tool), sort_keys=True)}")
        if convert_to_openai_tool(copy.deepcopy(entry["openai_tool"])) != entry["openai_tool"]:
            fail(where, "our OpenAI tool does not pass through convert_to_openai_tool unchanged")
        if set(tool.args) != set(ours["args_schema"].get("properties", {})):
            fail(where, "StructuredTool.args lost arguments")
    print(f"langchain-core {version('langchain-core')}: {len(entries)} StructuredTools built from our args_schema; "
          "tool_call_schema and convert_to_openai_tool equal ours")


def check_adk(root: pathlib.Path) -> None:
    gemini = load(root, "google_adk_gemini_api.json")
    vertex = load(root, "google_adk_vertex_ai.json")
    for declarations in (gemini, vertex):
        for declaration in declarations:
            parsed = genai_types.FunctionDeclaration.model_validate(declaration)
            dumped = parsed.model_dump(exclude_none=True, mode="json")
            if not same(dumped, declaration, exact=True):
                fail(f"google-adk:{declaration['name']}", f"FunctionDeclaration re-dump differs: {sorted(dumped)}")
    for ours_gemini, ours_vertex in zip(gemini, vertex):
        expected = _sanitize_json_schema_for_vertex(copy.deepcopy(ours_gemini["parameters_json_schema"]))
        if not same(expected, ours_vertex["parameters_json_schema"], exact=True):
            fail(f"google-adk vertex:{ours_gemini['name']}", "differs from _sanitize_json_schema_for_vertex")
    print(f"google-genai {version('google-genai')} / google-adk {version('google-adk')}: "
          f"FunctionDeclaration.model_validate accepted {len(gemini) + len(vertex)} declarations unchanged; "
          "Vertex form == _sanitize_json_schema_for_vertex")


def schemas_in(name: str, document):
    if name.startswith("openai_"):
        for entry in document:
            function = entry["tool"]["function"] if name == "openai_chat_completions.json" else entry["tool"]
            yield function["parameters"]
    elif name == "langchain.json":
        for entry in document:
            yield entry["tool"]["args_schema"]
            yield entry["openai_tool"]["function"]["parameters"]
    elif name == "crewai.json":
        for tool in document:
            yield tool["args_schema"]
    elif name.startswith("vercel_"):
        for tool in document.values():
            yield tool.get("parameters", tool.get("inputSchema"))
    elif name.startswith("google_adk_"):
        for declaration in document:
            yield declaration["parameters_json_schema"]


def check_metaschema(root: pathlib.Path) -> None:
    count = 0
    for path in sorted((root / "tools").glob("*.json")):
        for schema in schemas_in(path.name, json.loads(path.read_text())):
            jsonschema.Draft202012Validator.check_schema(schema)
            count += 1
    print(f"jsonschema {version('jsonschema')}: {count} exported schemas are valid Draft 2020-12 schemas")


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    root = pathlib.Path(sys.argv[1])
    check_openai(root)
    check_langchain(root)
    check_adk(root)
    check_metaschema(root)


if __name__ == "__main__":
    main()
