"""The ToolDispatcher's framework items, checked with the real Python libraries.

Reads what `DispatchInteropTests` exported (`<dir>/dispatch/<format>.json`): per framework, three
exchanges made against the real server in process — a created packet, a claim that lost to
another agent, and an unknown tool — each as `{"call": <the framework's tool-call item>,
"result": <our tool-result item>}`.

- openai (Responses): `ResponseFunctionToolCall` accepts the call, `FunctionCallOutput` the result
  with the same `call_id`, and dumps it back unchanged;
- openai (Chat): `ChatCompletionMessageFunctionToolCall` accepts the call, the result is a valid
  `ChatCompletionToolMessageParam` answering its id;
- langchain-core: an `AIMessage` carrying the call plus our result through `messages_from_dict`
  gives a `ToolMessage` for that call, `status` "error" exactly for the failures, and
  `messages_to_dict` re-dumps it identically;
- google-genai (ADK): `Part.model_validate` accepts call and `functionResponse`, same id and name,
  every field kept; failures answer `{"error": …}` as ADK's own tools do;
- mcp: `CallToolRequestParams` accepts the call, `CallToolResult` the result, `isError` exactly for
  the failures, every field kept.

Usage: python check_dispatch.py <export-dir>
"""
import json
import pathlib
import sys
from importlib.metadata import version

import mcp.types as mcp_types
from google.genai import types as genai_types
from langchain_core.messages import AIMessage, ToolMessage, messages_from_dict, messages_to_dict
from openai.types.chat import ChatCompletionMessageFunctionToolCall, ChatCompletionToolMessageParam
from openai.types.responses import ResponseFunctionToolCall
from openai.types.responses.response_input_item import FunctionCallOutput
from pydantic import TypeAdapter

FAILURES = [False, True, True]  # created, claim conflict, unknown tool


def load(root: pathlib.Path, fmt: str) -> list:
    path = root / "dispatch" / f"{fmt}.json"
    if not path.exists():
        raise SystemExit(f"no dispatch export {path}")
    exchanges = json.loads(path.read_text())
    if len(exchanges) != len(FAILURES):
        raise SystemExit(f"{path.name}: expected {len(FAILURES)} exchanges, got {len(exchanges)}")
    return exchanges


def fail(fmt: str, index: int, why: str) -> None:
    raise SystemExit(f"{fmt}[{index}]: {why}")


def kept(fmt: str, index: int, ours: dict, dumped: dict) -> None:
    for key, value in ours.items():
        if dumped.get(key) != value:
            fail(fmt, index, f"field {key!r} changed: {value!r} -> {dumped.get(key)!r}")


def check_responses(root: pathlib.Path) -> None:
    for i, ex in enumerate(load(root, "openAIResponses")):
        call = ResponseFunctionToolCall.model_validate(ex["call"])
        output = FunctionCallOutput.model_validate(ex["result"])
        if output.call_id != call.call_id:
            fail("openAIResponses", i, "call_id does not answer the call")
        kept("openAIResponses", i, ex["result"], output.model_dump(exclude_none=True))
        if FAILURES[i] != output.output.startswith("Error: "):
            fail("openAIResponses", i, f"unexpected output {output.output[:80]!r}")
        if not FAILURES[i]:
            json.loads(output.output)


def check_chat(root: pathlib.Path) -> None:
    adapter = TypeAdapter(ChatCompletionToolMessageParam)
    for i, ex in enumerate(load(root, "openAIChat")):
        call = ChatCompletionMessageFunctionToolCall.model_validate(ex["call"])
        message = adapter.validate_python(ex["result"])
        if message["tool_call_id"] != call.id or message["role"] != "tool":
            fail("openAIChat", i, "not a tool message answering the call")
        if FAILURES[i] != message["content"].startswith("Error: "):
            fail("openAIChat", i, f"unexpected content {message['content'][:80]!r}")


def check_langchain(root: pathlib.Path) -> None:
    for i, ex in enumerate(load(root, "langChain")):
        ai = AIMessage(content="", tool_calls=[ex["call"]])
        (tool,) = messages_from_dict([ex["result"]])
        if not isinstance(tool, ToolMessage) or tool.tool_call_id != ai.tool_calls[0]["id"]:
            fail("langChain", i, "not a ToolMessage answering the call")
        if (tool.status == "error") != FAILURES[i]:
            fail("langChain", i, f"status {tool.status!r}")
        if messages_to_dict([tool]) != [ex["result"]]:
            fail("langChain", i, "messages_to_dict(messages_from_dict(x)) != x")


def check_adk(root: pathlib.Path) -> None:
    for i, ex in enumerate(load(root, "googleADK")):
        call = genai_types.Part.model_validate(ex["call"]).function_call
        part = genai_types.Part.model_validate(ex["result"])
        response = part.function_response
        if call is None or response is None or response.id != call.id or response.name != call.name:
            fail("googleADK", i, "functionResponse does not answer the functionCall")
        kept("googleADK", i, ex["result"], part.model_dump(by_alias=True, exclude_none=True, mode="json"))
        if ("error" in response.response) != FAILURES[i]:
            fail("googleADK", i, f"response {json.dumps(response.response)[:80]}")


def check_mcp(root: pathlib.Path) -> None:
    for i, ex in enumerate(load(root, "mcp")):
        mcp_types.CallToolRequestParams.model_validate(ex["call"])
        result = mcp_types.CallToolResult.model_validate(ex["result"])
        kept("mcp", i, ex["result"], result.model_dump(by_alias=True, exclude_none=True, mode="json"))
        if result.is_error != FAILURES[i]:
            fail("mcp", i, f"isError {result.is_error}")


def main() -> None:
    root = pathlib.Path(sys.argv[1])
    check_responses(root)
    check_chat(root)
    print(f"ok  openai {version('openai')}: Responses function_call_output and Chat tool messages "
          "validate and answer their calls (3 exchanges each)")
    check_langchain(root)
    print(f"ok  langchain-core {version('langchain-core')}: ToolMessages from messages_from_dict answer "
          "their tool calls, status error exactly for failures, re-dumped identically")
    check_adk(root)
    print(f"ok  google-genai {version('google-genai')}: functionResponse parts validate, answer their "
          "functionCall, every field kept, failures as {\"error\": ...}")
    check_mcp(root)
    print(f"ok  mcp {version('mcp')}: CallToolRequestParams / CallToolResult validate, isError exactly "
          "for failures, every field kept")


if __name__ == "__main__":
    main()
