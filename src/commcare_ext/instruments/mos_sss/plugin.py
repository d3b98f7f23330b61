"""MOS-SSS as a plug-in: its items, codes and RAND scoring behind the Instrument protocol.

Results come in the order their Observations are written (the four subscales, then the
overall index); the overall index is the primary result. Each result's value is the 1-5
mean RAND defines; the 0-100 transform is shown and noted, as before the protocol existed,
so the intake's Observations are unchanged.
"""

from collections.abc import Mapping

from commcare_ext.fhir.code import Code
from commcare_ext.instruments.codes import SDOH_CATEGORY, SNOMED_CT
from commcare_ext.instruments.mos_sss.codes import (
    MOS_SSS_ANSWER_CODES,
    MOS_SSS_ITEM_CODES,
    MOS_SSS_PANEL,
    MOS_SSS_SCORE_CODES,
    mos_score_code,
)
from commcare_ext.instruments.mos_sss.compare import SupportComparison, compare_support
from commcare_ext.instruments.mos_sss.items import (
    MOS_SSS_INSTRUCTIONS_EN,
    MOS_SSS_ITEMS,
    MOS_SSS_OVERALL_NAME,
    MOS_SSS_SCALE,
    MOS_SSS_SUBSCALE_NAMES,
    MosSubscale,
)
from commcare_ext.instruments.mos_sss.scoring import (
    MosSocialSupport,
    ScaleScore,
    score_mos_sss,
)
from commcare_ext.instruments.protocol import (
    PARAPHRASE,
    ChangeRule,
    ConcernRule,
    Instrument,
    InstrumentDomain,
    InstrumentItem,
    InstrumentScore,
    ScalePoint,
    ScaleResult,
    Wording,
)

_MISSING_RULE = (
    "a scale is scored when at least half of its items are answered, as the mean of those "
    "answered (the half-scale rule of RAND's MOS instruments; RAND gives no imputation rule)"
)


class MosSss(Instrument):
    """The MOS Social Support Survey (Sherbourne & Stewart 1991; RAND, free to use)."""

    id = "mos-sss"
    link_id = "social-support"
    role = "mos"
    name_en = "MOS Social Support Survey"
    title_en = "Support in your life (MOS Social Support Survey)"
    instructions_en = MOS_SSS_INSTRUCTIONS_EN
    panel = MOS_SSS_PANEL
    scale = tuple(
        ScalePoint(value, MOS_SSS_ANSWER_CODES[value], label)
        for value, label in MOS_SSS_SCALE.items()
    )
    items = tuple(
        InstrumentItem(
            item.number,
            MOS_SSS_ITEM_CODES[item.number],
            item.text_en,
            group=None if item.subscale is None else item.subscale.value,
        )
        for item in MOS_SSS_ITEMS
    )
    domain = InstrumentDomain.SOCIAL_SUPPORT
    # No minimal important difference has been published for the MOS-SSS: change is shown,
    # never judged (see followup.compare).
    change = ChangeRule(lower_is_better=False, source="none published for the MOS-SSS")
    missing_rule_en = _MISSING_RULE
    in_intake_by_default = True
    summary_title_en = "Social support (MOS Social Support Survey)"
    summary_note_en = (
        "Each score runs from 0 to 100: 0 means the patient said this kind of support is there "
        "none of the time, 100 that it is there all of the time. A low score means the patient "
        "seldom has this kind of support when they need it. The survey has no clinical cut-off: "
        "read a low score as a prompt to ask about it, not as a diagnosis."
    )
    score_heading_en = "Score (0 to 100)"
    result_definition_en = "Mean of the subscale's items (1-5)"
    # An overall index below 50 of 100 (a mean below 3, "some of the time") proposes "lack of
    # social support". RAND publishes no cut-off: 50 is the midpoint, a screening trigger for
    # the clinician to judge, not a diagnosis.
    concern_rules = (
        ConcernRule(
            "lack-of-social-support",
            "overall",
            3.0,
            Code(SNOMED_CT, "1186610007", "Lack of social support (finding)"),
            Code(SDOH_CATEGORY, "social-connection", "Social Connection"),
            "MOS-SSS overall support index below 50 of 100",
        ),
    )

    def item_key(self, item: InstrumentItem) -> str:
        """The linkId suffix the intake has always used (``mos-sss-07``)."""
        return f"mos-sss-{item.number:02d}"

    def result_codes(self) -> tuple[Code, ...]:
        """The four subscale score codes and the overall index."""
        return (*MOS_SSS_SCORE_CODES.values(), mos_score_code(None))

    def result_names(self) -> dict[str, str]:
        """The four subscales and the overall index."""
        names = {s.value: MOS_SSS_SUBSCALE_NAMES[s] for s in MosSubscale}
        return names | {"overall": MOS_SSS_OVERALL_NAME}

    def compare(
        self, baseline: Mapping[int, int], follow_up: Mapping[int, int]
    ) -> SupportComparison:
        """Scale by scale on 0-100, reported as measured: no MID is published (see compare)."""
        return compare_support(
            score_mos_sss(MosSocialSupport(answers=dict(baseline))),
            score_mos_sss(MosSocialSupport(answers=dict(follow_up))),
        )

    def score(self, answers: Mapping[int, int], wording: Wording = PARAPHRASE) -> InstrumentScore:
        """RAND's means per subscale and overall, under the half-scale rule."""
        scores = score_mos_sss(MosSocialSupport(answers=dict(answers)))
        results = tuple(
            _result(key, score)
            for key, score in (
                *((s.value, sc) for s, sc in scores.subscales.items()),
                ("overall", scores.overall),
            )
        )
        return InstrumentScore(self.id, results, wording, primary_key="overall")


def _result(key: str, score: ScaleScore) -> ScaleResult:
    shown, note, display = "", None, ""
    if score.mean is not None and score.score_0_100 is not None:
        shown = f"{score.mean:.2f} (0-100: {score.score_0_100:.1f})"
        display = f"{score.score_0_100:.1f}"
        note = (
            f"0-100 scale: {score.score_0_100:.1f}; items answered: "
            f"{score.items_answered} of {score.items_total}"
        )
    return ScaleResult(
        key,
        score.name,
        mos_score_code(score.subscale),
        score.items_used,
        score.items_missing,
        score.mean,
        shown_en=shown,
        note_en=note,
        display_en=display,
        rule_en=f"at least {(score.items_total + 1) // 2} needed",
    )


MOS_SSS = MosSss()
