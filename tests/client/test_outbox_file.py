"""The outbox file: a file that is not an outbox is refused untouched; a broken one is typed.

An outbox pointed at the wrong file (a report, someone else's database) must neither change
that file's mode or content nor escape as ``sqlite3.DatabaseError``: it raises
:class:`OutboxFileError` naming the file and what is wrong with it.
"""

import sqlite3
import stat
from pathlib import Path

import pytest

from commcare_ext.client import FhirClient, Outbox, OutboxFileError
from commcare_ext.errors import CommcareError

CLIENT = FhirClient("http://localhost.invalid/")


def _state(path: Path) -> tuple[int, bytes]:
    return stat.S_IMODE(path.stat().st_mode), path.read_bytes()


@pytest.mark.parametrize(
    "content",
    [b"hello, this is a letter\n", b"\x00" * 4096, b"SQLite format 2\x00" + b"\x00" * 100],
    ids=["text", "zeros", "almost-sqlite"],
)
def test_a_file_that_is_not_an_outbox_is_refused_and_left_as_it_was(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    path.chmod(0o644)
    before = _state(path)
    with pytest.raises(OutboxFileError, match="not an outbox") as caught:
        Outbox(path, CLIENT)
    assert _state(path) == before
    assert isinstance(caught.value, CommcareError)
    assert caught.value.__cause__ is None


def test_someone_elses_database_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE patients (name TEXT)")
    db.close()
    path.chmod(0o644)
    before = _state(path)
    with pytest.raises(OutboxFileError, match="without submissions"):
        Outbox(path, CLIENT)
    assert _state(path) == before


def test_a_corrupt_outbox_is_a_typed_error(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    Outbox(path, CLIENT).list()
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)  # the header survives, the pages do not
    path.write_bytes(bytes(data))
    with pytest.raises(OutboxFileError) as caught:
        Outbox(path, CLIENT).list()
    assert "DatabaseError" in str(caught.value)


def test_an_outbox_in_a_place_that_cannot_hold_files_is_a_typed_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(OutboxFileError, match="cannot create it"):
        Outbox(blocker / "outbox.db", CLIENT)
