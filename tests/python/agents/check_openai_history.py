"""Cross-checks HandoffRail's OpenAI Agents handoff filters and nested history with the real SDK.

Usage: check_openai_history.py <export-dir>
Reads <export-dir>/openai-history/*.json, written by the Swift suite OpenAIHistoryInteropTests
(HANDOFFRAIL_AGENTS_EXPORT=<export-dir> swift test --skip-build --filter OpenAIHistoryInteropTests).
Each case has an `input` HandoffInputData (JSON form: input items; run items as their input
items, a ToolApprovalItem as {"type": "tool_approval_item", "raw_item": ...}), the `steps`
(filters in order) and Swift's `output`. This script rebuilds the SDK objects (RunItems of the
classes the SDK would create), runs the SDK's own `remove_all_tools` and `nest_handoff_history`
(with `set_conversation_history_wrappers` for custom markers), and the two HandoffRail filters
the SDK lacks (keep-last-N, pattern redaction) as written in their Swift documentation, then
requires: every summary text byte-identical, every list equal. One line per case; exit 1 on failure.
"""
from __future__ import annotations

import copy
import json
import pathlib
import re
import sys
from importlib.metadata import version

from agents import Agent
from agents.extensions.handoff_filters import nest_handoff_history, remove_all_tools
from agents.handoffs import HandoffInputData
from agents.handoffs.history import (
    reset_conversation_history_wrappers,
    set_conversation_history_wrappers,
)
from agents.items import (
    CompactionItem,
    HandoffCallItem,
    HandoffOutputItem,
    InputItem,
    MCPApprovalRequestItem,
    MCPApprovalResponseItem,
    MCPListToolsItem,
    MessageOutputItem,
    ReasoningItem,
    ToolApprovalItem,
    ToolCallItem,
    ToolCallOutputItem,
    ToolSearchCallItem,
    ToolSearchOutputItem,
)

PREVIOUS = Agent(name="previous_agent")
NEXT = Agent(name="next_agent")
TOOL_CALL_TYPES = {
    "function_call", "computer_call", "file_search_call", "web_search_call", "mcp_call", "code_interpreter_call",
    "image_generation_call", "local_shell_call", "shell_call", "apply_patch_call", "custom_tool_call",
    "hosted_tool_call", "program",
}
TOOL_OUTPUT_TYPES = {
    "function_call_output", "computer_call_output", "local_shell_call_output", "shell_call_output",
    "apply_patch_call_output", "custom_tool_call_output", "program_output",
}


def run_item(raw: dict, handoff_calls: set[str]):
    """The RunItem class the SDK creates for an item of this shape (raw items stay dicts)."""
    raw = copy.deepcopy(raw)
    item_type = raw.get("type")
    if item_type == "tool_approval_item":
        return ToolApprovalItem(agent=PREVIOUS, raw_item=raw["raw_item"])
    if item_type is None or item_type == "message":
        if raw.get("role") == "assistant":
            return MessageOutputItem(agent=PREVIOUS, raw_item=raw)
        return InputItem(agent=PREVIOUS, raw_item=raw)
    if item_type == "function_call" and str(raw.get("name", "")).startswith("transfer_to_"):
        handoff_calls.add(raw.get("call_id"))
        return HandoffCallItem(agent=PREVIOUS, raw_item=raw)
    if item_type == "function_call_output" and raw.get("call_id") in handoff_calls:
        return HandoffOutputItem(agent=PREVIOUS, raw_item=raw, source_agent=PREVIOUS, target_agent=NEXT)
    simple = {
        "reasoning": ReasoningItem, "tool_search_call": ToolSearchCallItem, "tool_search_output": ToolSearchOutputItem,
        "mcp_list_tools": MCPListToolsItem, "mcp_approval_request": MCPApprovalRequestItem,
        "mcp_approval_response": MCPApprovalResponseItem, "compaction": CompactionItem,
    }
    if item_type in simple:
        return simple[item_type](agent=PREVIOUS, raw_item=raw)
    if item_type in TOOL_OUTPUT_TYPES:
        return ToolCallOutputItem(agent=PREVIOUS, raw_item=raw, output=raw.get("output"))
    if item_type in TOOL_CALL_TYPES:
        return ToolCallItem(agent=PREVIOUS, raw_item=raw)
    return InputItem(agent=PREVIOUS, raw_item=raw)


def build(data: dict) -> HandoffInputData:
    calls: set[str] = set()
    history = data.get("input_history")
    if history is None:
        history = []
    items = lambda key: tuple(run_item(raw, calls) for raw in data.get(key) or [])
    pre = items("pre_handoff_items")
    new = items("new_items")
    input_items = None if data.get("input_items") is None else items("input_items")
    return HandoffInputData(
        input_history=history if isinstance(history, str) else tuple(copy.deepcopy(history)),
        pre_handoff_items=pre, new_items=new, run_context=None, input_items=input_items,
    )


def item_json(item) -> dict:
    if isinstance(item, ToolApprovalItem):
        return {"type": "tool_approval_item", "raw_item": item.raw_item}
    return item.raw_item


def dump(data: HandoffInputData) -> dict:
    history = data.input_history
    return {
        "input_history": history if isinstance(history, str) else list(history),
        "pre_handoff_items": [item_json(i) for i in data.pre_handoff_items],
        "new_items": [item_json(i) for i in data.new_items],
        "input_items": None if data.input_items is None else [item_json(i) for i in data.input_items],
    }


# --- HandoffRail's own filters (no SDK equivalent), as documented in KeepLastItems / PatternRedaction.swift


def is_tool_output(item: dict) -> bool:
    return item.get("type") in TOOL_OUTPUT_TYPES or item.get("type") == "tool_search_output"


def keep_last(data: HandoffInputData, count: int, drop_orphans: bool) -> HandoffInputData:
    history = data.input_history
    history_count = 1 if isinstance(history, str) else len(history)
    dropped = max(0, history_count + len(data.pre_handoff_items) - max(0, count))
    from_history = min(dropped, history_count)
    if isinstance(history, str):
        history = () if from_history == 1 else history
    else:
        history = tuple(history[from_history:])
    pre = tuple(data.pre_handoff_items[dropped - from_history:])
    if drop_orphans:
        history_items = [{"content": history, "role": "user"}] if isinstance(history, str) else list(history)
        called = {
            i.get("call_id") for i in history_items + [r.raw_item for r in pre + tuple(data.input_items if data.input_items is not None else data.new_items)]
            if not is_tool_output(i) and isinstance(i.get("call_id"), str)
        }
        keep = lambda i: not (is_tool_output(i) and isinstance(i.get("call_id"), str)) or i["call_id"] in called
        if not isinstance(history, str):
            history = tuple(i for i in history if keep(i))
        pre = tuple(r for r in pre if keep(r.raw_item))
    return data.clone(input_history=history, pre_handoff_items=pre)


def redactor(patterns: list[str], replacement: str, case_insensitive: bool, scope: set[str]):
    compiled = [re.compile(p, re.IGNORECASE if case_insensitive else 0) for p in patterns]

    def text(value: str) -> str:
        for pattern in compiled:
            # Zero-length matches are skipped (PatternRedaction inserts nothing for them).
            value = pattern.sub(lambda m: replacement if m.end() > m.start() else "", value)
        return value

    def value(v, fields):
        if isinstance(v, str):
            return text(v)
        if isinstance(v, list):
            out = []
            for part in v:
                if isinstance(part, dict):
                    part = dict(part)
                    for f in fields:
                        if isinstance(part.get(f), str):
                            part[f] = text(part[f])
                out.append(part)
            return out
        return v

    def item(i: dict) -> dict:
        i = dict(i)
        t = i.get("type")
        if isinstance(t, str) and t in TOOL_OUTPUT_TYPES:
            if "tool_outputs" in scope and "output" in i:
                i["output"] = value(i["output"], ["text", "stdout", "stderr"])
        elif t == "message" or (t is None and isinstance(i.get("role"), str)):
            if "messages" in scope and "content" in i:
                i["content"] = value(i["content"], ["text", "refusal"])
        elif t == "reasoning":
            if "reasoning" in scope:
                for field in ("summary", "content"):
                    if isinstance(i.get(field), list):
                        i[field] = value(i[field], ["text"])
        else:
            if "tool_arguments" in scope:
                if isinstance(i.get("arguments"), str):
                    i["arguments"] = text(i["arguments"])
                if t == "custom_tool_call" and isinstance(i.get("input"), str):
                    i["input"] = text(i["input"])
            if "tool_outputs" in scope and t == "mcp_call" and isinstance(i.get("output"), str):
                i["output"] = text(i["output"])
        return i

    def run(r):
        r = copy.copy(r)
        r.raw_item = item(r.raw_item)
        return r

    def apply(data: HandoffInputData) -> HandoffInputData:
        history = data.input_history
        if isinstance(history, str):
            history = text(history) if "messages" in scope else history
        else:
            history = tuple(item(i) for i in history)
        return data.clone(
            input_history=history,
            pre_handoff_items=tuple(run(r) for r in data.pre_handoff_items),
            new_items=tuple(run(r) for r in data.new_items),
            input_items=None if data.input_items is None else tuple(run(r) for r in data.input_items),
        )

    return apply


def run_steps(data: HandoffInputData, steps: list[dict]) -> HandoffInputData:
    for step in steps:
        kind = step["filter"]
        if kind == "remove_all_tools":
            data = remove_all_tools(data)
        elif kind == "nest_handoff_history":
            wrappers = step.get("wrappers") or {}
            set_conversation_history_wrappers(start=wrappers.get("start"), end=wrappers.get("end"))
            try:
                data = nest_handoff_history(data)
            finally:
                reset_conversation_history_wrappers()
        elif kind == "keep_last":
            data = keep_last(data, step["count"], step.get("drop_orphaned_tool_outputs", True))
        elif kind == "redact":
            scope = set(step.get("scope", ["messages", "tool_outputs"]))
            data = redactor(step["patterns"], step["replacement"], step.get("case_insensitive", False), scope)(data)
        else:
            raise ValueError(f"unknown step {kind}")
    return data


def summaries(data: dict) -> list[str]:
    history = data["input_history"]
    if isinstance(history, str):
        return []
    return [i["content"] for i in history if i.get("role") == "assistant" and isinstance(i.get("content"), str)
            and i["content"].startswith("For context, here is the conversation so far")]


def first_difference(a: str, b: str) -> str:
    for index, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"at {index}: sdk {a[max(0, index - 30):index + 30]!r} vs swift {b[max(0, index - 30):index + 30]!r}"
    return f"lengths {len(a)} vs {len(b)}"


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/work/scratch/agents-export") / "openai-history"
    files = sorted(root.glob("*.json"))
    if not files:
        print(f"FAIL openai-history: no cases in {root}")
        return 1
    failures = 0
    for path in files:
        case = json.loads(path.read_text(encoding="utf-8"))
        steps = " then ".join(s["filter"] for s in case["steps"])
        try:
            sdk = dump(run_steps(build(case["input"]), case["steps"]))
            ours = case["output"]
            problems = []
            sdk_texts, our_texts = summaries(sdk), summaries(ours)
            if len(sdk_texts) != len(our_texts):
                problems.append(f"{len(sdk_texts)} summaries from the SDK, {len(our_texts)} from Swift")
            for a, b in zip(sdk_texts, our_texts):
                if a != b:
                    problems.append("summary text differs " + first_difference(a, b))
            for key in ("input_history", "pre_handoff_items", "new_items", "input_items"):
                if sdk[key] != ours.get(key):
                    problems.append(f"{key} differs: sdk {json.dumps(sdk[key])[:300]} swift {json.dumps(ours.get(key))[:300]}")
            expected = case.get("sdk_reference")
            if expected is not None and dump(build(expected)) != sdk:
                problems.append("differs from the recorded SDK reference")
        except Exception as error:  # noqa: BLE001 - report and continue with the other cases
            problems = [f"{type(error).__name__}: {error}"]
        if problems:
            failures += 1
            print(f"FAIL openai-history {case['name']} ({steps}): " + "; ".join(problems))
        else:
            print(f"ok   openai-history {case['name']} ({steps}): {len(summaries(sdk))} summary text(s) byte-identical, lists equal")
    print(f"openai-agents {version('openai-agents')}: {len(files) - failures}/{len(files)} openai-history cases agree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
