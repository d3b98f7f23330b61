"""Find the runnable examples in Markdown: ```python blocks, and ```console blocks of commands.

A block runs unless the line before its fence is ``<!-- not-run: reason -->`` (the reason is
required). A page that posts to a FHIR server says ``<!-- needs: fhir-server -->`` anywhere:
the runner then starts the loopback test server and sets ``COMMCARE_EXT_FHIR_SERVER``.
In a console block, each ``$ `` line is a ``commcare-ext`` command (other lines are its
output, not compared); it must exit 0 unless the line ends with ``# exit N``.
"""

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)")
NOT_RUN = re.compile(r"^\s*<!--\s*not-run:\s*(?P<reason>.*?)\s*-->\s*$")
NEEDS = re.compile(r"<!--\s*needs:\s*(?P<what>[\w-]+)\s*-->")
RUNNABLE = ("python", "console")


@dataclass(frozen=True)
class Block:
    """One fenced block: where it is, its language, its code, and why not run (if not)."""

    path: Path
    line: int
    language: str
    code: str
    not_run: str | None

    @property
    def runs(self) -> bool:
        return self.language in RUNNABLE and self.not_run is None

    def where(self) -> str:
        return f"{self.path.name}:{self.line}"


def blocks(path: Path) -> list[Block]:
    """Every fenced block in ``path``, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        fence, indent = opening["fence"], len(opening["indent"])
        body: list[str] = []
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith(fence):
            body.append(lines[end][indent:] if lines[end][:indent].isspace() else lines[end])
            end += 1
        previous = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip()), "")
        marker = NOT_RUN.match(previous)
        found.append(
            Block(
                path=path,
                line=index + 1,
                language=opening["lang"].lower(),
                code="\n".join(body) + "\n",
                not_run=marker["reason"] if marker else None,
            )
        )
        index = end + 1
    return found


def needs(path: Path) -> set[str]:
    """What the page says it needs (``<!-- needs: fhir-server -->``)."""
    return {m["what"] for m in NEEDS.finditer(path.read_text(encoding="utf-8"))}


@dataclass(frozen=True)
class Command:
    """One ``$ commcare-ext ...`` line of a console block and the exit code it must give."""

    argv: list[str]
    exit_code: int
    line: int


def commands(block: Block) -> list[Command]:
    """The commands of a console block; anything but ``commcare-ext`` is an error."""
    found: list[Command] = []
    for offset, text in enumerate(block.code.splitlines(), start=1):
        if not text.startswith("$ "):
            continue
        expected = re.search(r"#\s*exit\s+(\d+)\s*$", text)
        words = shlex.split(text[2:], comments=True)
        if not words or words[0] != "commcare-ext":
            msg = f"{block.where()}+{offset}: console blocks run commcare-ext only: {text!r}"
            raise ValueError(msg)
        found.append(Command(words[1:], int(expected[1]) if expected else 0, block.line + offset))
    if not found:
        msg = f"{block.where()}: a console block without a '$ commcare-ext' line"
        raise ValueError(msg)
    return found
