"""The progress bar: drawn on a terminal, never in a pipe or a log."""

import io

from commcare_ext.cli.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_draws_advances_and_clears_on_a_terminal() -> None:
    stream = _Terminal()
    with Progress(4, "posting", stream=stream) as bar:
        bar.advance()
        bar.note("one line")
        bar.advance(3)
        assert bar.done == 4
    text = stream.getvalue()
    assert "\rposting [" in text
    assert "] 0/4" in text
    assert "] 1/4" in text
    assert "] 4/4" in text
    assert "#" * 30 in text
    assert "\none line\n" in text or "\rone line\n" in text
    assert text.endswith("\r")  # cleared: the next output starts on a clean line


def test_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    with Progress(50, "posting", stream=stream) as bar:
        for _ in range(50):
            bar.advance()
        bar.note("still printed")
    assert stream.getvalue() == "still printed\n"


def test_no_bar_for_a_single_step() -> None:
    stream = _Terminal()
    with Progress(1, "reading", stream=stream) as bar:
        bar.advance()
    assert stream.getvalue() == ""


def test_note_can_go_to_another_stream_without_breaking_the_bar() -> None:
    bar_stream, out = _Terminal(), io.StringIO()
    with Progress(2, "posting", stream=bar_stream) as bar:
        bar.note("result", to=out)
    assert out.getvalue() == "result\n"
    assert "result" not in bar_stream.getvalue()


def test_rate_and_time_left_from_the_injected_clock() -> None:
    stream = _Terminal()
    now = [100.0]
    with Progress(1000, "extracting", stream=stream, rate=True, clock=lambda: now[0]) as bar:
        now[0] = 110.0
        bar.advance(100)  # 10/s, 900 left: 1:30
        assert "100/1000 10/s ETA 1:30" in stream.getvalue()
        bar.restart_clock(500)  # resumed: the rate counts only work done from now
        now[0] = 115.0
        bar.advance(250)  # 50/s, 250 left: 0:05
    assert "750/1000 50/s ETA 0:05" in stream.getvalue()


def test_no_rate_unless_asked() -> None:
    stream = _Terminal()
    with Progress(10, "posting", stream=stream, clock=lambda: 5.0) as bar:
        bar.advance(5)
    assert "/s" not in stream.getvalue()
