"""An instrument's exact wording, taken from a FHIR Questionnaire the clinic supplies.

Validated instruments are valid only in their exact wording, which this library does not
reproduce: it carries structure, codes and scoring, and our own paraphrase. A clinic that
holds the exact wording (the LOINC-coded form NLM/LOINC publish, or a licensed translation)
passes that Questionnaire to :func:`load_wording`, which checks it item by item against the
instrument — every item present once, in order, coded with the instrument's item code, with
text, and answers coded exactly as the instrument's scale — and refuses it with every problem
located (``Questionnaire.item[0].item[3].answerOption``) otherwise. Items the Questionnaire
adds with other codes (the PHQ-9 form's difficulty question, a total) are set aside, listed in
``ignored``.
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from commcare_ext.errors import CommcareError
from commcare_ext.instruments.protocol import Instrument, Wording, WordingSource
from commcare_ext.instruments.registry import instrument as registered_instrument

_QUESTION_TYPES = frozenset({"choice", "coding", "open-choice"})


@dataclass(frozen=True, slots=True)
class WordingProblem:
    """One mismatch: where in the supplied Questionnaire, and what was expected."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class WordingMismatchError(CommcareError, ValueError):
    """The supplied Questionnaire does not match the instrument; ``problems`` says where."""

    def __init__(self, instrument_id: str, problems: Sequence[WordingProblem]) -> None:
        self.instrument_id = instrument_id
        self.problems = tuple(problems)
        listed = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(
            f"{len(self.problems)} problem(s): the Questionnaire is not the exact wording of "
            f"{instrument_id}:\n{listed}"
        )


@dataclass(frozen=True, slots=True)
class ExactWording:
    """The exact wording of one instrument, checked: item texts, answer texts, its source.

    ``source`` is the Questionnaire's canonical (``url|version``); ``language`` its language.
    """

    instrument: str
    source: str
    language: str | None
    title: str | None
    item_texts: Mapping[int, str] = field(repr=False)
    answer_texts: Mapping[tuple[str, str], str] = field(repr=False)
    ignored: tuple[str, ...] = ()

    @property
    def wording(self) -> Wording:
        """The ``Wording`` scores given in these words carry."""
        return Wording(WordingSource.EXACT, self.source)


def _codes(item: Mapping[str, Any]) -> set[tuple[str, str]]:
    return {
        (str(c.get("system")), str(c.get("code")))
        for c in item.get("code", []) or []
        if isinstance(c, Mapping)
    }


def _walk(items: Sequence[Any], path: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for index, item in enumerate(items):
        if not isinstance(item, Mapping):
            continue
        here = f"{path}.item[{index}]"
        yield here, item
        yield from _walk(item.get("item", []) or [], here)


def load_wording(measure: Instrument | str, questionnaire: Mapping[str, Any]) -> ExactWording:
    """Check ``questionnaire`` against ``measure`` item by item; its exact wording, or refuse.

    Raises:
        WordingMismatchError: listing every problem with its location.
        UnknownInstrumentError: ``measure`` names no registered instrument.

    """
    measured = registered_instrument(measure) if isinstance(measure, str) else measure
    problems: list[WordingProblem] = []
    if questionnaire.get("resourceType") != "Questionnaire":
        problems.append(WordingProblem("resourceType", "expected a FHIR Questionnaire"))
    url = questionnaire.get("url")
    if not isinstance(url, str) or not url:
        problems.append(
            WordingProblem("Questionnaire.url", "expected the canonical URL of the wording")
        )
    found, ignored = _questions(measured, questionnaire)
    problems.extend(_check_order(measured, found))
    texts: dict[int, str] = {}
    answers: dict[tuple[str, str], str] = {}
    for path, item, number in found:
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(WordingProblem(f"{path}.text", "expected the item's exact text"))
        else:
            texts[number] = text
        problems.extend(_check_answers(measured, number, path, item, answers))
    if problems:
        raise WordingMismatchError(measured.id, problems)
    version = questionnaire.get("version")
    source = f"{url}|{version}" if version else str(url)
    title = questionnaire.get("title")
    language = questionnaire.get("language")
    return ExactWording(
        measured.id,
        source,
        language if isinstance(language, str) else None,
        title if isinstance(title, str) else None,
        texts,
        answers,
        tuple(ignored),
    )


def _questions(
    measured: Instrument, questionnaire: Mapping[str, Any]
) -> tuple[list[tuple[str, Mapping[str, Any], int]], list[str]]:
    """The question items coded as the instrument's items (path, item, number), and the rest."""
    by_code = {(i.code.system, i.code.code): i for i in measured.items}
    found: list[tuple[str, Mapping[str, Any], int]] = []
    ignored: list[str] = []
    for path, item in _walk(questionnaire.get("item", []) or [], "Questionnaire"):
        if item.get("type") not in _QUESTION_TYPES:
            continue
        matched = [by_code[c] for c in _codes(item) if c in by_code]
        if matched:
            found.append((path, item, matched[0].number))
        else:
            ignored.append(path)
    return found, ignored


def _check_order(
    measured: Instrument, found: list[tuple[str, Mapping[str, Any], int]]
) -> list[WordingProblem]:
    """Every item once, in the instrument's order."""
    problems = []
    numbers = [number for _, _, number in found]
    if len(found) != len(measured.items):
        problems.append(
            WordingProblem(
                "Questionnaire.item",
                f"expected {len(measured.items)} items coded as {measured.name_en}'s items, "
                f"found {len(found)}",
            )
        )
    expected = [i.number for i in measured.items]
    for (path, _, number), want in zip(found, expected, strict=False):
        if number != want:
            code = measured.item(want).code
            problems.append(
                WordingProblem(
                    f"{path}.code",
                    f"expected {measured.name_en} item {want} ({code.code}) here, "
                    f"found item {number}",
                )
            )
    for number in sorted({n for n in numbers if numbers.count(n) > 1}):
        problems.append(WordingProblem("Questionnaire.item", f"item {number} appears twice"))
    return problems


def _check_answers(
    measured: Instrument,
    number: int,
    path: str,
    item: Mapping[str, Any],
    answers: dict[tuple[str, str], str],
) -> list[WordingProblem]:
    scale = measured.scale_of(measured.item(number))
    want = [(p.code.system, p.code.code) for p in scale]
    options = item.get("answerOption")
    if not isinstance(options, list):
        return [
            WordingProblem(
                f"{path}.answerOption",
                "expected answerOption with the scale's codes " + ", ".join(c for _, c in want),
            )
        ]
    got: list[tuple[str, str]] = []
    for option in options:
        coding = option.get("valueCoding") if isinstance(option, Mapping) else None
        if not isinstance(coding, Mapping):
            got.append(("", ""))
            continue
        key = (str(coding.get("system")), str(coding.get("code")))
        got.append(key)
        display = coding.get("display")
        if isinstance(display, str) and display.strip():
            answers.setdefault(key, display)
    if got != want:
        return [
            WordingProblem(
                f"{path}.answerOption",
                "expected the answers "
                + ", ".join(c for _, c in want)
                + " in that order, found "
                + (", ".join(c or "?" for _, c in got) or "none"),
            )
        ]
    return []
