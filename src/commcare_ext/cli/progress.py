"""A one-line progress bar for long work, drawn only when a person is watching a terminal.

Piped or redirected output (scripts, CI, log files) gets no bar at all, so nothing has to
strip carriage returns out of it.
"""

import sys
from types import TracebackType
from typing import TextIO

_WIDTH = 30


class Progress:
    """Progress of ``total`` steps on ``stream`` (stderr); silent unless it is a terminal."""

    def __init__(self, total: int, label: str, *, stream: TextIO | None = None) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = total > 1 and _is_terminal(self.stream)
        self._shown = 0

    def __enter__(self) -> "Progress":
        self._draw()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._clear()

    def advance(self, steps: int = 1) -> None:
        """Count ``steps`` more as done and redraw."""
        self.done = min(self.total, self.done + steps)
        self._draw()

    def note(self, line: str, *, to: TextIO | None = None) -> None:
        """Print ``line`` above the bar, to ``to`` (default: the bar's stream).

        The bar is cleared first and redrawn after, so lines and bar never mix.
        """
        self._clear()
        target = to if to is not None else self.stream
        print(line, file=target)
        target.flush()
        self._draw()

    def _draw(self) -> None:
        if not self.enabled:
            return
        filled = self.done * _WIDTH // self.total
        text = f"{self.label} [{'#' * filled}{'.' * (_WIDTH - filled)}] {self.done}/{self.total}"
        self.stream.write("\r" + text)
        self.stream.flush()
        self._shown = len(text)

    def _clear(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\r" + " " * self._shown + "\r")
            self.stream.flush()
            self._shown = 0


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except ValueError:  # a closed stream
        return False
