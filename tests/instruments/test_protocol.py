"""The Instrument protocol and registry: typed scores, bands, safety prompts, clinic choice."""

from collections.abc import Mapping

import pytest
from pydantic import ValidationError

from commcare_ext.errors import CommcareError
from commcare_ext.fhir import Code
from commcare_ext.instruments import (
    MOS_SSS,
    PARAPHRASE,
    Band,
    Instrument,
    InstrumentDomain,
    InstrumentItem,
    InstrumentScore,
    MosSocialSupport,
    SafetyLevel,
    ScalePoint,
    ScaleResult,
    ScoreStatus,
    UnknownInstrumentError,
    Wording,
    instrument,
    registered,
    score_mos_sss,
    selection,
)
from tests.fixtures import load_example

_SCREEN = Code("urn:test", "screen", "A test screen")


class _YesNoScreen(Instrument):
    """A categorical screen (like a suicide-risk screen): any yes is positive, item 2 acute."""

    id = "test-screen"
    link_id = "test-screen"
    role = "test-screen"
    name_en = "Test screen"
    title_en = "Test screen"
    instructions_en = "Answer yes or no."
    panel = _SCREEN
    scale = (
        ScalePoint(0, Code("urn:test", "no", "No"), "No"),
        ScalePoint(1, Code("urn:test", "yes", "Yes"), "Yes"),
    )
    items = (
        InstrumentItem(1, Code("urn:test", "q1", "Q1"), "First question"),
        InstrumentItem(
            2,
            Code("urn:test", "q2", "Q2"),
            "Second question",
            critical_above=0,
            critical_level=SafetyLevel.URGENT,
        ),
    )
    domain = InstrumentDomain.SUICIDE_RISK
    bands = (
        Band("negative", "Negative"),
        Band("positive", "Positive", safety=SafetyLevel.REVIEW),
    )

    def score(self, answers: Mapping[int, int], wording: Wording = PARAPHRASE) -> InstrumentScore:
        used = tuple(sorted(answers))
        missing = tuple(i.number for i in self.items if i.number not in answers)
        band = None if missing else self.bands[1 if any(answers.values()) else 0]
        result = ScaleResult("result", "Screen result", _SCREEN, used, missing, None, band)
        prompts = self.critical_prompts(answers)
        return InstrumentScore(self.id, (result,), wording, prompts)


def test_a_categorical_screen_fits_the_protocol_with_a_typed_safety_prompt() -> None:
    screen = _YesNoScreen()
    negative = screen.score({1: 0, 2: 0})
    assert negative.primary.band is not None
    assert negative.primary.band.key == "negative"
    assert negative.primary.value is None
    assert negative.primary.status is ScoreStatus.COMPLETE
    assert negative.safety_prompt is None
    acute = screen.score({1: 0, 2: 1})
    assert acute.safety_prompt is not None
    assert acute.safety_prompt.level is SafetyLevel.URGENT
    assert acute.safety_prompt.items == (2,)
    assert acute.safety_prompt.instrument == "test-screen"
    unanswered = screen.score({1: 1})
    assert unanswered.primary.status is ScoreStatus.NOT_SCORED


def test_the_mos_plug_in_scores_exactly_as_rand_scoring_does() -> None:
    survey = load_example("maria-garcia").measures["mos-sss"].answers
    scored = MOS_SSS.score(survey)
    rand = score_mos_sss(MosSocialSupport(answers=survey))
    assert scored.primary.key == "overall"
    assert scored.primary.value == rand.overall.mean
    assert [r.value for r in scored.results[:4]] == [s.mean for s in rand.subscales.values()]
    assert scored.primary.display_en == f"{rand.overall.score_0_100:.1f}"
    assert not scored.wording.is_exact


def test_the_registry_knows_mos_sss_and_refuses_an_unknown_id_with_a_typed_error() -> None:
    assert instrument("mos-sss") is MOS_SSS
    assert MOS_SSS in registered()
    with pytest.raises(UnknownInstrumentError, match="registered: ") as raised:
        instrument("no-such-scale")
    assert isinstance(raised.value, CommcareError)
    assert selection(None) == tuple(i for i in registered() if i.in_intake_by_default)
    assert selection(["mos-sss"]) == (MOS_SSS,)


def test_bands_are_inclusive_at_both_ends() -> None:
    band = Band("mild", "Mild", 5, 9)
    assert band.holds(5)
    assert band.holds(9)
    assert not band.holds(4)
    assert not band.holds(10)


def test_the_intake_checks_measures_by_instrument_and_item_without_echoing_values() -> None:
    intake = load_example("maria-garcia")
    data = intake.model_dump(mode="json")
    data["measures"] = {"mos-sss": {"answers": {"3": 77}}, "no-such-scale": {"answers": {"1": 1}}}
    with pytest.raises(ValidationError) as raised:
        type(intake).model_validate(data)
    message = str(raised.value)
    assert "item 3: expected one of 1, 2, 3, 4, 5" in message
    assert "unknown instrument 'no-such-scale'" in message
    assert "77" not in message


def test_an_intake_written_with_the_former_field_reads_into_measures() -> None:
    intake = load_example("maria-garcia")
    data = intake.model_dump(mode="json")
    answers = data.pop("measures")["mos-sss"]["answers"]
    old = type(intake).model_validate({**data, "social_support": {"answers": answers}})
    assert old.measures["mos-sss"].answers == intake.measures["mos-sss"].answers
    assert old.social_support is not None
