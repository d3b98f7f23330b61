"""Health concerns: proposed from the answers, written only once a clinician confirms them.

The Gravity flow runs assessment -> health concern -> goal -> referral. Extraction proposes
the concerns the answers support (:func:`propose`); they are not resources and never reach
a Bundle. A concern the clinician confirms (its id in ``ExtractionContext.confirmed_concerns``)
becomes an SDOHCC Condition: category health-concern, ``us-core-category#sdoh`` and its SDOH
category, evidence -> the Observations it came from, asserted by the patient (whose answers
state it) and recorded by the confirming clinician, verificationStatus ``confirmed``. Until
then a proposal is, in FHIR terms, ``provisional``: that is what :attr:`verification` says.
"""

from dataclasses import dataclass

from commcare_ext.extract._common import concept, ref
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import business_identifier, resource_id
from commcare_ext.extract.observations import DOMAIN_DISCLOSURE
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.extract.risk import RESULT_ROLE
from commcare_ext.fhir.narrative import narrative
from commcare_ext.instruments import instrument
from commcare_ext.intake import AccessBarrier, Intake
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.safety import SUICIDE_RISK_CONCERN
from commcare_ext.terminology.standard import (
    CONDITION_ACTIVE,
    CONDITION_CONFIRMED,
    CONDITION_PROVISIONAL,
    HEALTH_CONCERN,
    LACK_OF_TRANSPORT,
    SDOH,
    TRANSPORTATION_INSECURITY,
)
from commcare_ext.terminology.systems import SDOHCC_CONDITION, US_CORE_CONDITION_CONCERN

#: The 0-100 support index below which low support proposes a concern (the social-support
#: plug-in's concern rule states it, on its 1-5 mean, and why); kept for existing callers.
LOW_SUPPORT_BELOW = 50.0


@dataclass(frozen=True, slots=True, repr=False)
class ProposedConcern:
    """A health concern the answers support, for the clinician to confirm or discard.

    ``id`` is stable across extractions of the same intake (what ``confirmed_concerns``
    lists); ``evidence`` holds the references of the Observations behind it; ``reason``
    says in plain English which answers triggered it.
    """

    id: str
    code: Code
    #: The SDOHCC SDOH category; ``None`` for a concern that is no social need (suicide risk).
    sdoh_category: Code | None
    evidence: tuple[str, ...]
    disclosure: DisclosureCategory
    reason: str

    @property
    def verification(self) -> Code:
        """``provisional``: nobody has confirmed a proposal yet."""
        return CONDITION_PROVISIONAL

    def __repr__(self) -> str:
        return f"ProposedConcern({self.id})"


def _observation(intake: Intake, role: str) -> str:
    return f"Observation/{resource_id(intake, role)}"


def propose(intake: Intake) -> tuple[ProposedConcern, ...]:
    """The concerns ``intake`` supports, in a stable order."""
    found = []
    for instrument_id, given in intake.measures.items():
        measured = instrument(instrument_id)
        if not measured.concern_rules:
            continue
        score = measured.score(given.answers, given.wording)
        for rule in measured.concern_rules:
            value = score.result(rule.result_key).value
            if value is not None and value < rule.below:
                role = f"{measured.role}-score-{rule.result_key}"
                found.append(
                    ProposedConcern(
                        rule.id,
                        rule.code,
                        rule.category,
                        (_observation(intake, role),),
                        DOMAIN_DISCLOSURE[measured.domain][0],
                        rule.reason_en,
                    )
                )
    risk = suicide_risk_concern(intake)
    if risk is not None:
        found.insert(0, risk)
    if AccessBarrier.TRANSPORT in intake.barriers.barriers:
        found.append(
            ProposedConcern(
                "lack-of-transportation",
                LACK_OF_TRANSPORT,
                TRANSPORTATION_INSECURITY,
                (_observation(intake, f"barrier-{AccessBarrier.TRANSPORT.value}"),),
                DisclosureCategory.ACCESS_BARRIERS,
                "Transport named as a barrier to care",
            )
        )
    return tuple(found)


def suicide_risk_concern(intake: Intake) -> ProposedConcern | None:
    """The "risk of suicide" concern for a positive screen, for the clinician to confirm."""
    screen = intake.safety_screen
    outcome = screen.outcome if screen is not None else None
    if outcome is None or not outcome.positive:
        return None
    return ProposedConcern(
        "suicide-risk",
        SUICIDE_RISK_CONCERN,
        None,
        (_observation(intake, RESULT_ROLE),),
        DisclosureCategory.SAFETY_RISK,
        f"Suicide-risk screen positive ({outcome.result.value})",
    )


def condition(
    intake: Intake, concern: ProposedConcern, patient_ref: str, recorder_ref: str
) -> ExtractedResource:
    """The Condition for a confirmed ``concern``, recorded by ``recorder_ref``.

    An SDOH concern is an SDOHCC Condition; any other (suicide risk) a US Core Condition
    Problems and Health Concerns with category ``health-concern`` only.
    """
    role = f"concern-{concern.id}"
    social = concern.sdoh_category
    categories = [HEALTH_CONCERN] if social is None else [HEALTH_CONCERN, SDOH, social]
    resource = {
        "resourceType": "Condition",
        "id": resource_id(intake, role),
        "meta": {"profile": [US_CORE_CONDITION_CONCERN if social is None else SDOHCC_CONDITION]},
        "text": narrative(
            f"Health concern: {concern.code.display}",
            [("Why", concern.reason), ("Status", "confirmed by the clinician")],
        ),
        "identifier": [business_identifier(intake, "Condition", role)],
        "clinicalStatus": concept(CONDITION_ACTIVE),
        "verificationStatus": concept(CONDITION_CONFIRMED),
        "category": [concept(c) for c in categories],
        "code": concept(concern.code),
        "subject": ref(patient_ref),
        "recordedDate": intake.authored.isoformat(),
        "recorder": ref(recorder_ref),
        "asserter": ref(patient_ref),
        "evidence": [{"detail": [ref(r) for r in concern.evidence]}],
    }
    return ExtractedResource(resource, concern.disclosure)
