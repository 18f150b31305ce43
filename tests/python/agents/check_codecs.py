"""The conversation codecs' resume output, checked with the real Python libraries.

Reads what `InteropCorpusTests` exported (`<dir>/langchain/*.json`, `<dir>/google-adk/*.json`):
every sample of ../shared/data/agent-frameworks resumed as LangChain messages and as ADK events,
with and without re-using the source items.

- langchain-core: `messages_from_dict` accepts every file and `messages_to_dict` gives back exactly
  the same JSON (so our messages carry exactly the fields LangChain writes; the reference
  adapter's output fails this);
- google-adk: `Event.model_validate` accepts every event and keeps every field we wrote.

Usage: python check_codecs.py <export-dir>
"""
import json
import pathlib
import sys
from importlib.metadata import version

from google.adk.events import Event
from langchain_core.messages import messages_from_dict, messages_to_dict


def check_langchain(root: pathlib.Path) -> int:
    files = sorted((root / "langchain").glob("*.json"))
    if not files:
        raise SystemExit(f"no LangChain exports in {root / 'langchain'}")
    for path in files:
        data = json.loads(path.read_text())
        again = messages_to_dict(messages_from_dict(data))
        if json.dumps(again, sort_keys=True) != json.dumps(data, sort_keys=True):
            raise SystemExit(f"{path.name}: messages_to_dict(messages_from_dict(x)) != x")
    return len(files)


def check_adk(root: pathlib.Path) -> int:
    files = sorted((root / "google-adk").glob("*.json"))
    if not files:
        raise SystemExit(f"no ADK exports in {root / 'google-adk'}")
    for path in files:
        for event in json.loads(path.read_text()):
            dumped = Event.model_validate(event).model_dump(by_alias=True, exclude_none=True, mode="json")
            for key, value in event.items():
                if dumped.get(key) != value:
                    raise SystemExit(f"{path.name}: field {key!r} changed: {value!r} -> {dumped.get(key)!r}")
    return len(files)


def main() -> None:
    root = pathlib.Path(sys.argv[1])
    count = check_langchain(root)
    print(f"ok  langchain-core {version('langchain-core')}: messages_from_dict accepted {count} resumed "
          "transcripts and messages_to_dict re-dumped each identically")
    count = check_adk(root)
    print(f"ok  google-adk {version('google-adk')}: Event.model_validate accepted every event of {count} "
          "resumed transcripts, every field kept")


if __name__ == "__main__":
    main()
