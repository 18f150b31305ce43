"""Cross-checks what HandoffRail's framework adapters hand a receiving agent, with the real libraries.

Usage: check_adapters.py <export-dir>
Reads <export-dir>/adapters/<receiver>/<sample>.json, written by the Swift suite AdapterInteropTests
(HANDOFFRAIL_AGENTS_EXPORT=<export-dir> swift test --skip-build --filter AdapterInteropTests): every
sample transcript (LangChain, OpenAI Agents, CrewAI, Vercel AI v4/v5, Google ADK, webagents) handed on
through the server, claimed, and resumed by a LangChain, Google ADK, OpenAI Agents and CrewAI adapter.

Checks, one summary line each; exit 1 on any failure:
- langchain: `messages_from_dict` accepts every file and `messages_to_dict` re-dumps it identically
  (the reference SDK's LangChain resume output fails `messages_from_dict`).
- google-adk: `Event.model_validate` accepts every event and keeps every field we wrote.
- openai-agents-items: the SDK's Runner takes the items as `input` and hands them to the model
  unchanged; the SDK's Chat Completions converter (`Converter.items_to_messages`) accepts them.
- openai-agents-handoff-input-data: rebuilt as the SDK's `HandoffInputData` (run items of the classes
  the SDK creates), the SDK's own `remove_all_tools` filter runs on it and keeps exactly the non-tool items.
- crewai-kickoff-inputs: an object of strings with `summary`, `conversation` and `last_output`
  (crewai is not installed in the check environment; `crew.kickoff(inputs=...)` takes such a dict).
"""
from __future__ import annotations

import asyncio
import json
import pathlib
import sys
from importlib.metadata import version

from agents import Agent, RunConfig, Runner
from agents.extensions.handoff_filters import remove_all_tools
from agents.handoffs import HandoffInputData
from agents.items import (
    HandoffCallItem,
    HandoffOutputItem,
    MessageOutputItem,
    ModelResponse,
    ReasoningItem,
    ToolCallItem,
    ToolCallOutputItem,
)
from agents.models.chatcmpl_converter import Converter
from agents.models.interface import Model
from agents.usage import Usage
from google.adk.events import Event
from langchain_core.messages import messages_from_dict, messages_to_dict
from openai.types.responses import ResponseOutputMessage, ResponseOutputText

FAILURES: list[str] = []


def check(name: str, run) -> None:
    try:
        print(f"ok   {name}: {run()}")
    except Exception as error:  # noqa: BLE001 - every failure is reported, then the script exits 1
        FAILURES.append(name)
        print(f"FAIL {name}: {type(error).__name__}: {error}")


def files(root: pathlib.Path, receiver: str) -> list[pathlib.Path]:
    found = sorted((root / receiver).glob("*.json"))
    if not found:
        raise FileNotFoundError(f"no exported files in {root / receiver}")
    return found


def canonical(value) -> str:
    return json.dumps(value, sort_keys=True)


def langchain(root: pathlib.Path) -> str:
    paths = files(root, "langchain")
    for path in paths:
        data = json.loads(path.read_text())
        again = messages_to_dict(messages_from_dict(data))
        assert canonical(again) == canonical(data), f"{path.name}: messages_to_dict differs"
    return f"langchain-core {version('langchain-core')} messages_from_dict accepted {len(paths)} files, re-dumped identically"


def google_adk(root: pathlib.Path) -> str:
    paths = files(root, "google-adk")
    count = 0
    for path in paths:
        for event in json.loads(path.read_text()):
            dumped = Event.model_validate(event).model_dump(by_alias=True, exclude_none=True, mode="json")
            for key, value in event.items():
                assert dumped.get(key) == value, f"{path.name}: {key} not kept"
            count += 1
    return f"google-adk {version('google-adk')} Event.model_validate accepted {count} events in {len(paths)} files"


class RecordingModel(Model):
    """A model that records the input the Runner hands it and answers "ok"."""

    def __init__(self) -> None:
        self.inputs: list = []

    async def get_response(self, system_instructions, input, model_settings, tools, output_schema, handoffs,
                           tracing, *, previous_response_id, conversation_id, prompt, **_) -> ModelResponse:
        self.inputs.append(input)
        message = ResponseOutputMessage(
            id="msg_check", type="message", role="assistant", status="completed",
            content=[ResponseOutputText(type="output_text", text="ok", annotations=[])])
        return ModelResponse(output=[message], usage=Usage(), response_id=None)

    def stream_response(self, *args, **kwargs):
        raise NotImplementedError("not streamed in this check")


def openai_items(root: pathlib.Path) -> str:
    paths = files(root, "openai-agents-items")
    for path in paths:
        items = json.loads(path.read_text())
        model = RecordingModel()
        agent = Agent(name="receiver", model=model)
        result = asyncio.run(Runner.run(agent, input=items, run_config=RunConfig(tracing_disabled=True)))
        assert result.final_output == "ok", path.name
        assert len(model.inputs) == 1 and canonical(model.inputs[0]) == canonical(items), f"{path.name}: the model got other input"
        Converter.items_to_messages(items)
    return f"openai-agents {version('openai-agents')} Runner.run took {len(paths)} item lists unchanged; items_to_messages accepted them"


SOURCE = Agent(name="previous_agent")
TARGET = Agent(name="receiver")
TOOL_TYPES = {"function_call", "function_call_output", "computer_call", "computer_call_output", "file_search_call",
              "web_search_call", "mcp_call", "code_interpreter_call", "image_generation_call", "local_shell_call"}


def run_item(raw: dict, handoff_calls: set[str]):
    """The RunItem class the SDK creates for an item of this shape."""
    kind = raw.get("type")
    if kind == "function_call" and str(raw.get("name", "")).startswith("transfer_to_"):
        handoff_calls.add(raw.get("call_id"))
        return HandoffCallItem(agent=SOURCE, raw_item=raw)
    if kind == "function_call_output" and raw.get("call_id") in handoff_calls:
        return HandoffOutputItem(agent=SOURCE, raw_item=raw, source_agent=SOURCE, target_agent=TARGET)
    if kind == "function_call_output":
        return ToolCallOutputItem(agent=SOURCE, raw_item=raw, output=raw.get("output"))
    if kind in TOOL_TYPES:
        return ToolCallItem(agent=SOURCE, raw_item=raw)
    if kind == "reasoning":
        return ReasoningItem(agent=SOURCE, raw_item=raw)
    if (kind is None or kind == "message") and raw.get("role") == "assistant":
        return MessageOutputItem(agent=SOURCE, raw_item=raw)
    raise ValueError(f"no RunItem for a {kind or raw.get('role')} item in a run item list")


def openai_handoff_input_data(root: pathlib.Path) -> str:
    paths = files(root, "openai-agents-handoff-input-data")
    for path in paths:
        data = json.loads(path.read_text())
        assert set(data) <= {"input_history", "pre_handoff_items", "new_items", "input_items"}, f"{path.name}: {sorted(data)}"
        calls: set[str] = set()
        history = data.get("input_history", [])
        if not isinstance(history, str):
            Converter.items_to_messages(history)
        built = HandoffInputData(
            input_history=history if isinstance(history, str) else tuple(history),
            pre_handoff_items=tuple(run_item(raw, calls) for raw in data.get("pre_handoff_items", [])),
            new_items=tuple(run_item(raw, calls) for raw in data.get("new_items", [])),
            input_items=None if data.get("input_items") is None else tuple(run_item(raw, calls) for raw in data["input_items"]),
        )
        filtered = remove_all_tools(built)
        kept = [item.raw_item for item in filtered.pre_handoff_items + filtered.new_items]
        removed = TOOL_TYPES | {"reasoning"}  # remove_all_tools drops reasoning items too
        expected = [raw for raw in data.get("pre_handoff_items", []) + data.get("new_items", []) if raw.get("type") not in removed]
        assert canonical(kept) == canonical(expected), f"{path.name}: remove_all_tools kept other items"
    return f"openai-agents {version('openai-agents')} HandoffInputData rebuilt from {len(paths)} files; remove_all_tools ran on each"


def crewai_inputs(root: pathlib.Path) -> str:
    paths = files(root, "crewai-kickoff-inputs")
    for path in paths:
        inputs = json.loads(path.read_text())
        assert isinstance(inputs, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in inputs.items()), path.name
        assert {"summary", "conversation", "last_output"} <= set(inputs), f"{path.name}: {sorted(inputs)}"
    return f"kickoff inputs of {len(paths)} files are objects of strings with summary, conversation, last_output"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    root = pathlib.Path(sys.argv[1]) / "adapters"
    check("adapters/langchain", lambda: langchain(root))
    check("adapters/google-adk", lambda: google_adk(root))
    check("adapters/openai-agents input items", lambda: openai_items(root))
    check("adapters/openai-agents HandoffInputData", lambda: openai_handoff_input_data(root))
    check("adapters/crewai kickoff inputs", lambda: crewai_inputs(root))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
