"""Reading JSON from a file or stdin, writing to stdout or a file, and batches of either.

Every way reading can fail becomes a :class:`CliError` naming the input and what was wrong
with it, never its content (an input may hold patient data). Files we write may hold patient
data too, so they are created readable by their owner only.
"""

import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.progress import Progress
from commcare_ext.fhir.json_text import JsonTextError, parse_json

STDIN = "-"


def expand_inputs(sources: Sequence[str]) -> list[str]:
    """``sources`` with each folder replaced by the ``*.json`` files in it, sorted."""
    found: list[str] = []
    for source in sources:
        path = Path(source)
        if source != STDIN and path.is_dir():
            files = sorted(str(p) for p in path.glob("*.json") if p.is_file())
            if not files:
                raise CliError(f"{source}: no .json files in this folder", ExitCode.INPUT)
            found.extend(files)
        else:
            found.append(source)
    if found.count(STDIN) > 1:
        raise CliError("stdin ('-') can be read only once", ExitCode.USAGE)
    return found


def read_json(source: str) -> Any:
    """The JSON in file ``source`` (or stdin for ``-``)."""
    if source == STDIN:
        if sys.stdin is None or sys.stdin.isatty():
            msg = "no input: name a file, or pipe JSON into stdin"
            raise CliError(msg, ExitCode.USAGE)
        text = sys.stdin.read()
        name = "stdin"
    else:
        name = source
        try:
            text = Path(source).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CliError(f"{source}: no such file", ExitCode.INPUT) from None
        except IsADirectoryError:
            raise CliError(f"{source}: is a folder, not a file", ExitCode.INPUT) from None
        except PermissionError:
            raise CliError(f"{source}: not allowed to read it", ExitCode.INPUT) from None
        except UnicodeDecodeError:
            raise CliError(f"{source}: not UTF-8 text", ExitCode.INPUT) from None
        except OSError as error:
            raise CliError(f"{source}: cannot read it ({error.strerror})", ExitCode.INPUT) from None
    try:
        return parse_json(text, source=name)
    except JsonTextError as error:
        raise CliError(f"{name}: not JSON ({error.reason})", ExitCode.INPUT) from None


def expect_resource(data: Any, source: str, *resource_types: str) -> dict[str, Any]:
    """``data`` if it is a FHIR resource of one of ``resource_types``; else a located error."""
    wanted = " or ".join(resource_types)
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "null"
        raise CliError(f"{_name(source)}: expected a {wanted}, got JSON {kind}", ExitCode.INPUT)
    found = data.get("resourceType")
    if found not in resource_types:
        got = f"a {found}" if isinstance(found, str) else "JSON without a resourceType"
        raise CliError(f"{_name(source)}: expected a {wanted}, got {got}", ExitCode.INPUT)
    return data


def dumps(content: Any) -> str:
    """Indented UTF-8 JSON with a final newline, as every command writes it."""
    return json.dumps(content, indent=2, ensure_ascii=False) + "\n"


@contextmanager
def writing(target: Path, option: str = "--out") -> Iterator[None]:
    """Turn a failure to write under ``target`` into one line naming it and the reason."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or type(error).__name__
        where = (
            f" ({error.filename})" if error.filename and str(error.filename) != str(target) else ""
        )
        msg = f"{option} {target}: cannot write there: {reason.lower()}{where}"
        raise CliError(msg, ExitCode.USAGE) from None


def write_private(path: Path, text: str, option: str = "--out") -> Path:
    """Write ``text`` to ``path`` readable by its owner only (0600), creating folders."""
    with writing(path, option):
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        path.chmod(0o600)  # an existing file keeps its old mode through O_CREAT
    return path


def emit(text: str, out: Path | None) -> None:
    """``text`` to stdout, or to the file ``out`` (0600); a file written is named on stderr."""
    if out is None:
        sys.stdout.write(text)
        return
    if out.is_dir():
        raise CliError(f"--out {out}: is a folder; name a file", ExitCode.USAGE)
    write_private(out, text)
    print(f"wrote {out}", file=sys.stderr)


def convert_each(
    sources: Sequence[str],
    out: Path | None,
    convert: Callable[[str], str],
    *,
    suffix: str,
    label: str,
) -> int:
    """Run ``convert`` on each input; one input goes to ``out`` or stdout, many to a folder.

    In a batch a failed input is reported in one line and the rest go on; the exit code is
    the most serious one met. ``suffix`` names outputs: ``<out>/<input stem>.<suffix>.json``.
    """
    inputs = expand_inputs(sources)
    batch = len(inputs) > 1 or any(s != STDIN and Path(s).is_dir() for s in sources)
    if not batch:
        emit(convert(inputs[0]), out)
        return ExitCode.OK
    if out is None or (out.exists() and not out.is_dir()):
        msg = "several inputs need --out FOLDER (one output file per input)"
        raise CliError(msg, ExitCode.USAGE)
    codes: list[int] = []
    written = 0
    with Progress(len(inputs), label) as bar:
        for source in inputs:
            try:
                text = convert(source)
            except CliError as error:
                bar.note(f"commcare-ext: {error}")
                codes.append(error.code)
            else:
                stem = "stdin" if source == STDIN else Path(source).stem
                write_private(out / f"{stem}.{suffix}.json", text)
                written += 1
            bar.advance()
    print(f"wrote {written} of {len(inputs)} to {out}", file=sys.stderr)
    return max(codes, default=ExitCode.OK)


def _name(source: str) -> str:
    return "stdin" if source == STDIN else source
