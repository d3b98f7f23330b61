"""What an instrument is: items, answer scale, scoring, bands, critical items, codes, wording.

An :class:`Instrument` is a plug-in. It describes itself as data (items and their codes, the
answer scale, severity bands, critical items, the change rule for measurement-based care) and
scores answers into a typed :class:`InstrumentScore`. The form, extraction, the summary and
the follow-up read only this protocol and loop over the registry, so adding an instrument is
one new folder (see ``docs/instruments.md``).

The protocol carries codes (``commcare_ext.fhir.Code``) but no FHIR resource: the generic
mappers above it (``questionnaire``, ``extract``) turn the description and the score into a
form section, item and score Observations and a panel.

Results are numeric (a sum, a mean) or categorical (a screen's outcome such as "acute
positive"), or both (a total and its severity band); a critical item, or a categorical
result, raises a typed :class:`SafetyPrompt` whatever the total.
"""

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from commcare_ext.fhir.code import Code

if TYPE_CHECKING:
    from commcare_ext.instruments.progress import Comparison


class InstrumentDomain(StrEnum):
    """What an instrument measures; decides Observation categories and who may see results."""

    SOCIAL_SUPPORT = "social-support"
    DEPRESSION = "depression"
    ANXIETY = "anxiety"
    SUICIDE_RISK = "suicide-risk"


class ScoreStatus(StrEnum):
    """Whether a scale was scored from all, enough, or too few of its items."""

    COMPLETE = "complete"
    PARTIAL = "partial"  # enough items answered under the instrument's missing-item rule
    NOT_SCORED = "not-scored"  # too few answered: no score, never a guess


class SafetyLevel(StrEnum):
    """How soon a clinician must act on a safety prompt."""

    REVIEW = "review"  # a clinician assesses safety before the person leaves
    URGENT = "urgent"  # imminent risk: act now, do not let the person leave alone


class WordingSource(StrEnum):
    """Where the words the person saw came from."""

    PARAPHRASE = "paraphrase"  # our own paraphrase: structure and scoring valid, wording not
    EXACT = "exact"  # the instrument's exact wording, loaded from a clinic-supplied Questionnaire


@dataclass(frozen=True, slots=True)
class Wording:
    """Which wording an administration used; a paraphrased score is marked as such.

    ``source`` names the clinic's Questionnaire (its canonical URL, with version) for exact
    wording, ``None`` for our paraphrase.
    """

    kind: WordingSource = WordingSource.PARAPHRASE
    source: str | None = None

    @property
    def is_exact(self) -> bool:
        """True when the instrument's exact wording was shown."""
        return self.kind is WordingSource.EXACT

    def describe_en(self) -> str:
        """One line for people: which wording, and what that means for the score."""
        if self.is_exact:
            return f"exact wording ({self.source})" if self.source else "exact wording"
        return "paraphrased wording (not the validated text; interpret with care)"


PARAPHRASE = Wording()


@dataclass(frozen=True, slots=True)
class ScalePoint:
    """One point of an answer scale: the value scored, its code and our English label."""

    value: int
    code: Code
    label_en: str


@dataclass(frozen=True, slots=True)
class InstrumentItem:
    """One item: its number (1-based, form order), code and our paraphrased wording.

    ``scale`` is the item's own answer scale when it differs from the instrument's (e.g. a
    yes/no item in a screen); ``None`` uses the instrument's. ``critical_above``: answered
    above this value the item is critical and raises a safety prompt of ``critical_level``.
    ``group`` names a subscale, or ``None``.
    """

    number: int
    code: Code
    text_en: str
    scale: tuple[ScalePoint, ...] | None = None
    critical_above: int | None = None
    critical_level: SafetyLevel | None = None
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Band:
    """A published severity band or categorical result: ``low`` to ``high`` inclusive.

    Categorical screens (no number) use ``key`` alone; ``safety`` is the prompt the band
    raises, if any (e.g. a screen's "acute positive").
    """

    key: str
    label_en: str
    low: float | None = None
    high: float | None = None
    code: Code | None = None
    safety: SafetyLevel | None = None

    def holds(self, value: float) -> bool:
        """True when ``value`` falls in this band."""
        low = float("-inf") if self.low is None else self.low
        high = float("inf") if self.high is None else self.high
        return low <= value <= high


@dataclass(frozen=True, slots=True)
class SafetyPrompt:
    """A typed risk signal from a score: which instrument, how urgent, which items, why.

    It carries no answer values: it is safe to route and log by instrument and level.
    """

    instrument: str
    level: SafetyLevel
    items: tuple[int, ...]
    reason_en: str


@dataclass(frozen=True, slots=True)
class ChangeRule:
    """Measurement-based care: what counts as a meaningful change, response and remission.

    ``lower_is_better`` for symptom scales (PHQ-9, GAD-7), not for support (MOS-SSS).
    ``mcid`` is the minimal clinically important difference (``None`` when none is
    published); ``response_reduction`` the fraction of the baseline a response removes;
    ``remission_below`` the score under which a person is in remission. ``source`` cites them.
    """

    lower_is_better: bool
    mcid: float | None = None
    response_reduction: float | None = None
    remission_below: float | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class ConcernRule:
    """A health concern a result proposes for the clinician to confirm (an SDOH finding).

    Proposed when result ``result_key`` is below ``below`` (in the result's own units);
    ``code`` is the finding, ``category`` its SDOHCC SDOH category, ``reason_en`` why.
    """

    id: str
    result_key: str
    below: float
    code: Code
    category: Code
    reason_en: str


@dataclass(frozen=True, slots=True)
class ScaleResult:
    """One scored result of an administration: a total, a subscale, an index or a category.

    ``value`` is ``None`` when the missing-item rule allows no score (``status`` says so)
    or when the result is categorical only. ``band`` is the severity band (or categorical
    outcome) the value falls in. ``shown_en`` is the value in an Observation's narrative,
    ``display_en`` the number the summary's score column shows, ``note_en`` the Observation's
    note, ``rule_en`` what the missing-item rule needed. The repr names the scale only.
    """

    key: str
    name_en: str
    code: Code
    items_used: tuple[int, ...] = field(repr=False)
    items_missing: tuple[int, ...] = field(repr=False)
    value: float | None = field(repr=False)
    band: Band | None = field(default=None, repr=False)
    shown_en: str = field(default="", repr=False)
    note_en: str | None = field(default=None, repr=False)
    rule_en: str = field(default="", repr=False)
    display_en: str = field(default="", repr=False)

    @property
    def items_answered(self) -> int:
        """How many of the scale's items were answered."""
        return len(self.items_used)

    @property
    def items_total(self) -> int:
        """How many items the scale has."""
        return len(self.items_used) + len(self.items_missing)

    @property
    def status(self) -> ScoreStatus:
        """Complete, partial (allowed by the missing-item rule) or not scored."""
        if self.value is None and self.band is None:
            return ScoreStatus.NOT_SCORED
        return ScoreStatus.PARTIAL if self.items_missing else ScoreStatus.COMPLETE

    @property
    def reason(self) -> str | None:
        """Why the result is missing or partial, for people; ``None`` when complete."""
        answered = f"{self.items_answered} of {self.items_total} items answered"
        if self.status is ScoreStatus.NOT_SCORED:
            return f"incomplete: {answered}" + (f", {self.rule_en}" if self.rule_en else "")
        if self.status is ScoreStatus.PARTIAL:
            return f"partial: {answered}"
        return None


@dataclass(frozen=True, slots=True)
class InstrumentScore:
    """An administration scored: every result (primary first), safety prompts, wording."""

    instrument: str
    results: tuple[ScaleResult, ...]
    wording: Wording = PARAPHRASE
    safety: tuple[SafetyPrompt, ...] = ()
    primary_key: str | None = None

    @property
    def primary(self) -> ScaleResult:
        """The headline result (a total, an overall index, a screen's outcome).

        ``primary_key`` names it; without one it is the first result.
        """
        return self.results[0] if self.primary_key is None else self.result(self.primary_key)

    @property
    def safety_prompt(self) -> SafetyPrompt | None:
        """The most urgent safety prompt, or ``None`` when nothing signals risk."""
        if not self.safety:
            return None
        return max(self.safety, key=lambda p: list(SafetyLevel).index(p.level))

    def result(self, key: str) -> ScaleResult:
        """The result named ``key`` (e.g. ``"total"``)."""
        for found in self.results:
            if found.key == key:
                return found
        msg = f"{self.instrument} has no result {key!r}"
        raise KeyError(msg)


class Instrument(ABC):
    """A validated instrument as a plug-in; subclasses set the attributes and ``score``.

    ``id`` is the stable key (``phq-9``): registry key, intake ``measures`` key, form linkId
    stem (``link_id``) and the stem of Observation ids (``role``). Attributes:

    - ``name_en`` / ``title_en`` / ``instructions_en``: for people (our wording);
    - ``panel``: the panel code; ``items``: form order; ``scale``: the default answer scale;
    - ``domain``: what it measures; ``bands``: published bands of the primary result;
    - ``change``: the measurement-based-care rule (``None``: no change is judged);
    - ``summary_title_en`` / ``summary_note_en`` / ``score_heading_en``: the clinician
      summary's heading, explanation and score column for this instrument;
    - ``concern_rules``: health concerns a result proposes (extraction's Gravity flow);
    - ``follow_up``: asked again at follow-up; ``in_intake_by_default``: in the intake form
      unless the clinic chooses otherwise; ``missing_rule_en``: the missing-item rule
      with its source, stated for people.
    """

    id: str
    link_id: str
    role: str
    name_en: str
    title_en: str
    instructions_en: str
    panel: Code
    items: tuple[InstrumentItem, ...]
    scale: tuple[ScalePoint, ...]
    domain: InstrumentDomain
    bands: tuple[Band, ...] = ()
    change: ChangeRule | None = None
    follow_up: bool = True
    in_intake_by_default: bool = False
    missing_rule_en: str = ""
    summary_title_en: str = ""
    summary_note_en: str = ""
    score_heading_en: str = "Score"
    result_definition_en: str = ""
    concern_rules: tuple[ConcernRule, ...] = ()

    @abstractmethod
    def score(self, answers: Mapping[int, int], wording: Wording = PARAPHRASE) -> InstrumentScore:
        """Score ``answers`` (item number -> scale value) under the instrument's rules."""

    def compare(self, baseline: Mapping[int, int], follow_up: Mapping[int, int]) -> "Comparison":
        """Follow-up answers against baseline answers, under the instrument's change rule.

        The default compares the primary result (change, MCID, response, remission).
        """
        from commcare_ext.instruments.progress import compare_scores  # noqa: PLC0415 - cycle

        rule = self.change or ChangeRule(lower_is_better=True)
        return compare_scores(
            rule, self.score(baseline), self.score(follow_up), instrument_name=self.name_en
        )

    def item(self, number: int) -> InstrumentItem:
        """The item numbered ``number``."""
        for found in self.items:
            if found.number == number:
                return found
        msg = f"{self.id} has no item {number}"
        raise KeyError(msg)

    def scale_of(self, item: InstrumentItem) -> tuple[ScalePoint, ...]:
        """The answer scale of ``item`` (its own, or the instrument's)."""
        return item.scale if item.scale is not None else self.scale

    def item_key(self, item: InstrumentItem) -> str:
        """The item's linkId suffix (``phq-9-09``): stable API, never renamed."""
        return f"{self.id}-{item.number:02d}"

    def result_codes(self) -> tuple[Code, ...]:
        """Every code a result of this instrument may carry (for publishing, catalogues)."""
        return ()

    def primary_range(self) -> tuple[float, float]:
        """The lowest and highest value the primary result can take (for charts)."""
        points = [p.value for item in self.items for p in self.scale_of(item)]
        return (float(min(points)), float(max(points)))

    def result_names(self) -> dict[str, str]:
        """Each result's key -> its English name (catalogue context ``<id>-scale:<key>``)."""
        return {}

    def band_for(self, value: float) -> Band | None:
        """The band ``value`` falls in, or ``None`` when the instrument has no bands."""
        return next((band for band in self.bands if band.holds(value)), None)

    def critical_prompts(self, answers: Mapping[int, int]) -> tuple[SafetyPrompt, ...]:
        """One prompt per critical item answered above its threshold, whatever the total."""
        prompts = []
        for item in self.items:
            value = answers.get(item.number)
            if item.critical_above is None or value is None or value <= item.critical_above:
                continue
            prompts.append(
                SafetyPrompt(
                    self.id,
                    item.critical_level or SafetyLevel.REVIEW,
                    (item.number,),
                    f"{self.name_en} item {item.number} answered above "
                    f"{self._label(item, item.critical_above)!r}",
                )
            )
        return tuple(prompts)

    def _label(self, item: InstrumentItem, value: int) -> str:
        return next((p.label_en for p in self.scale_of(item) if p.value == value), str(value))

    def check_answers(self, answers: Mapping[int, int]) -> list[str]:
        """Every problem with ``answers``, naming the item, never the value given."""
        problems = []
        by_number = {item.number: item for item in self.items}
        for number, value in answers.items():
            item = by_number.get(number)
            if item is None:
                problems.append(
                    f"unknown item {number}: {self.name_en} items are numbered "
                    f"{self.items[0].number}-{self.items[-1].number}"
                )
                continue
            allowed = [p.value for p in self.scale_of(item)]
            if isinstance(value, bool) or value not in allowed:
                problems.append(
                    f"item {number}: expected one of {', '.join(map(str, allowed))} "
                    f"({self._label(item, allowed[0])} ... {self._label(item, allowed[-1])})"
                )
        return problems

    def __repr__(self) -> str:
        return f"<Instrument {self.id}>"
