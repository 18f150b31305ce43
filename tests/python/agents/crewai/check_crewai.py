"""What HandoffRail hands CrewAI, checked with crewai itself (its own venv: crewai pins an
`openai` older than openai-agents needs, so the two cannot share one environment).

Reads the Swift exports:
- <dir>/tools/crewai.json (ToolSchemaInteropTests): every generated tool as a CrewAI tool
  (`name`, `description`, `args_schema`). crewai's `create_model_from_schema` must rebuild each
  `args_schema` with every field, and a `BaseTool` built on that model must accept it and give
  back the same argument schema.
- <dir>/adapters/crewai-kickoff-inputs/*.json (AdapterInteropTests): the kickoff inputs the
  CrewAI adapter made from every sample transcript. crewai's own `Task` interpolation
  (`interpolate_inputs_and_add_conversation_history`, what `crew.kickoff(inputs=…)` runs) must
  accept them and fill `{summary}`, `{conversation}` and `{last_output}` with exactly our strings.

Usage: python check_crewai.py <export-dir>
"""
import json
import pathlib
import sys
from importlib.metadata import version

from crewai import Task
from crewai.tools import BaseTool
from crewai.utilities.pydantic_schema_utils import create_model_from_schema


def fail(what: str, why: str) -> None:
    raise SystemExit(f"FAIL {what}: {why}")


def check_tools(root: pathlib.Path) -> int:
    tools = json.loads((root / "tools" / "crewai.json").read_text())
    if not tools:
        fail("crewai tools", "no tools exported")
    for tool in tools:
        schema = tool["args_schema"]
        model = create_model_from_schema(json.loads(json.dumps(schema)))
        if set(model.model_fields) != set(schema.get("properties", {})):
            fail(tool["name"], "the rebuilt args model lost or gained fields")
        required = {name for name, field in model.model_fields.items() if field.is_required()}
        if required != set(schema.get("required", [])):
            fail(tool["name"], f"required fields differ: {sorted(required)} != {sorted(schema.get('required', []))}")

        class HandoffRailTool(BaseTool):
            def _run(self, **kwargs):
                return json.dumps(kwargs)

        instance = HandoffRailTool(name=tool["name"], description=tool["description"], args_schema=model)
        if set(instance.args_schema.model_json_schema().get("properties", {})) != set(schema.get("properties", {})):
            fail(tool["name"], "BaseTool changed the argument schema")
    return len(tools)


def check_kickoff_inputs(root: pathlib.Path) -> int:
    files = sorted((root / "adapters" / "crewai-kickoff-inputs").glob("*.json"))
    if not files:
        fail("crewai kickoff inputs", "no exports")
    for path in files:
        inputs = json.loads(path.read_text())
        if not all(isinstance(value, str) for value in inputs.values()):
            fail(path.name, "kickoff inputs must be strings")
        task = Task(description="Summary: {summary}\nConversation:\n{conversation}",
                    expected_output="Last output: {last_output}")
        task.interpolate_inputs_and_add_conversation_history(inputs)
        if task.description != f"Summary: {inputs['summary']}\nConversation:\n{inputs['conversation']}":
            fail(path.name, "crewai did not fill {summary}/{conversation} with our strings")
        if task.expected_output != f"Last output: {inputs['last_output']}":
            fail(path.name, "crewai did not fill {last_output} with our string")
    return len(files)


def main() -> None:
    root = pathlib.Path(sys.argv[1])
    count = check_tools(root)
    print(f"ok  crewai {version('crewai')}: create_model_from_schema rebuilt all {count} tool args_schema "
          "with every field and the same required set; BaseTool kept each schema")
    count = check_kickoff_inputs(root)
    print(f"ok  crewai {version('crewai')}: Task interpolation took the kickoff inputs of {count} resumed "
          "transcripts and filled {summary}, {conversation}, {last_output} exactly")


if __name__ == "__main__":
    main()
