"""The form, extraction, the summary and the follow-up name no instrument: they use the registry.

Read with ``ast`` (nothing imported from the scanned modules): every identifier, attribute,
imported name and string literal (docstrings aside) is checked against what names an
instrument: its id in any spelling, its Observation role stem, the public names of its
folder (``MOS_SSS_ITEMS``, ``score_mos_sss``...), and the MOS-SSS's former intake field.
The names come from the registry, so a new plug-in is covered the day it is registered.
"""

import ast
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from commcare_ext.instruments import registered

SRC = Path(__file__).resolve().parents[2] / "src" / "commcare_ext"
#: The rooms that must loop over the registry. Package ``__init__`` files are public
#: facades that may re-export an instrument's names for existing callers; they hold no logic.
SCANNED = sorted(
    path
    for pattern in (
        "questionnaire/form/*.py",
        "questionnaire/build.py",
        "questionnaire/read.py",
        "questionnaire/write.py",
        "questionnaire/strings.py",
        "questionnaire/publish.py",
        "extract/*.py",
        "summary/*.py",
        "followup/*.py",
    )
    for path in SRC.glob(pattern)
    if path.name != "__init__.py"
)
LEGACY_ATTRIBUTES = frozenset({"social_support"})


def _spellings(instrument_id: str) -> set[str]:
    bare = re.sub(r"[^a-z0-9]", "", instrument_id.lower())
    return {instrument_id.lower(), instrument_id.lower().replace("-", "_"), bare}


def forbidden_names() -> tuple[set[str], set[str]]:
    """(substrings no identifier may contain, prefixes no string may start with)."""
    in_names: set[str] = set()
    string_prefixes: set[str] = set()
    for instrument in registered():
        in_names |= {s for s in _spellings(instrument.id) if len(s) > 3}
        module = importlib.import_module(type(instrument).__module__)
        if not str(module.__file__).endswith("__init__.py"):  # a module inside the folder
            module = importlib.import_module(module.__name__.rsplit(".", 1)[0])
        folder = module
        in_names |= {name.lower() for name in getattr(folder, "__all__", ())}
        string_prefixes |= {f"{instrument.role}-", instrument.id, f"{instrument.link_id}."}
    return in_names, string_prefixes


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def instrument_mentions(source: str) -> Iterator[str]:
    """Every place ``source`` names an instrument, as ``line: what``."""
    in_names, prefixes = forbidden_names()
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
            if node.attr in LEGACY_ATTRIBUTES:
                yield f"{node.lineno}: .{node.attr}"
        elif isinstance(node, ast.alias):
            names.extend(node.name.split("."))
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.extend(node.module.split("."))
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.append(node.name)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            lowered = node.value.lower()
            if any(lowered.startswith(p) for p in prefixes) or any(
                s in lowered for s in in_names if "-" in s
            ):
                yield f"{node.lineno}: {node.value[:40]!r}"
        for name in names:
            lowered = name.lower()
            if lowered in in_names or any(s in lowered for s in in_names if "_" in s):
                yield f"{getattr(node, 'lineno', '?')}: {name}"


def test_the_scan_covers_every_room() -> None:
    rooms = {path.parent.name for path in SCANNED}
    assert {"form", "questionnaire", "extract", "summary", "followup"} <= rooms
    assert len(SCANNED) > 30


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: str(p.relative_to(SRC)))
def test_no_room_names_an_instrument(path: Path) -> None:
    found = list(instrument_mentions(path.read_text(encoding="utf-8")))
    assert not found, f"{path.relative_to(SRC)} names an instrument: {found}"


@pytest.mark.parametrize(
    "snippet",
    [
        "from commcare_ext.instruments import MOS_SSS_ITEMS\n",
        "score = score_mos_sss(survey)\n",
        "role = 'mos-score-overall'\n",
        "link = 'social-support.mos-sss-01'\n",
        "survey = intake.social_support\n",
        "def _mos_sss(obs): ...\n",
        "total = PHQ_9.score(answers)\n",
        "role = 'gad-7-score-total'\n",
    ],
)
def test_the_scan_catches_an_instrument_named_in_code(snippet: str) -> None:
    assert list(instrument_mentions(snippet)), snippet


def test_the_scan_reads_docstrings_as_prose() -> None:
    assert not list(instrument_mentions('"""Works for the MOS-SSS and PHQ-9 alike."""\n'))
