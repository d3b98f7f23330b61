"""The root of every exception commcare_ext raises, and the one shape of a located problem.

:class:`CommcareError` lets callers catch ours in one place. :class:`LocatedProblem` is what
every reader that lists problems hands back (a response's ``ResponseProblem``, a follow-up
resource's ``Problem``, a directory's ``LoadProblem``): each says *where* (``loc``, a path of
keys and indexes), *what kind* (``type``) and *what was expected* (``msg``), shaped like a
pydantic error, so one loop reads them all and ``as_error()`` gives pydantic's dict shape.
"""

from typing import Any


class CommcareError(Exception):
    """Base class of all commcare_ext errors. Messages never contain patient data."""


class LocatedProblem:
    """One problem, located: ``loc``, ``type`` and ``msg`` as in a pydantic error.

    Subclasses keep their own fields (a linkId path, a record id) and derive these three from
    them. There is no ``input``: a problem never repeats what was read (it may be PHI).
    """

    __slots__ = ()

    @property
    def loc(self) -> tuple[str | int, ...]:
        """Where: the path of keys (and list indexes) to the part at fault."""
        raise NotImplementedError

    @property
    def type(self) -> str:
        """What kind of problem, as a short code."""
        raise NotImplementedError

    @property
    def msg(self) -> str:
        """What was expected, in words for a person."""
        raise NotImplementedError

    def as_error(self) -> dict[str, Any]:
        """The problem as pydantic's ``ValidationError.errors()`` shapes each error."""
        return {"type": self.type, "loc": self.loc, "msg": self.msg}


def split_path(path: str, separator: str = "/") -> tuple[str | int, ...]:
    """``a/b[2]/c`` as ``("a", "b", 2, "c")``: a path a person reads, as a ``loc``."""
    loc: list[str | int] = []
    for part in path.split(separator):
        name, bracket, index = part.partition("[")
        if name:
            loc.append(name)
        if bracket and index.rstrip("]").isdigit():
            loc.append(int(index.rstrip("]")))
    return tuple(loc)
