"""A one-line progress bar for long work, drawn only when a person is watching a terminal.

Piped or redirected output (scripts, CI, log files) gets no bar at all, so nothing has to
strip carriage returns out of it.
"""

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import TextIO

_WIDTH = 30


class Progress:
    """Progress of ``total`` steps on ``stream`` (stderr); silent unless it is a terminal."""

    def __init__(
        self,
        total: int,
        label: str,
        *,
        stream: TextIO | None = None,
        rate: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = total > 1 and _is_terminal(self.stream)
        #: Show items per second and the time left (for long runs); ``clock`` is injectable.
        self.rate = rate
        self._clock = clock
        self._started = clock()
        self._start_done = 0
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

    def restart_clock(self, done: int) -> None:
        """Count rate from now, ``done`` steps already behind (e.g. resumed work)."""
        self.done = min(self.total, done)
        self._started = self._clock()
        self._start_done = self.done
        self._draw()

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
        if self.rate:
            text += self._speed()
        self.stream.write("\r" + text)
        self.stream.flush()
        self._shown = len(text)

    def _speed(self) -> str:
        elapsed = self._clock() - self._started
        moved = self.done - self._start_done
        if elapsed <= 0 or moved <= 0:
            return ""
        per_second = moved / elapsed
        left = (self.total - self.done) / per_second
        return f" {per_second:,.0f}/s ETA {_duration(left)}"

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


def _duration(seconds: float) -> str:
    """``1:02:03`` or ``2:03``: hours only when there are any."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
