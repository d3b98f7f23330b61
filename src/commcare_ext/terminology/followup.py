"""Codes and canonical URLs of the referral follow-up (``commcare_ext.followup``).

``LOCAL_CODES`` are published in our CodeSystem (``questionnaire.publish.code_system``);
nothing in ``followup`` spells a system or canonical URL itself.

Standard codes used here were confirmed in their sources (docs/follow-up.md lists them):
SDOHCC temporary code ``resulting-activity`` (the SDOHCC Task for referral management profile
fixes ``Task.output.type`` to it), LOINC answers LA33-6 "Yes" and LA32-8 "No".
"""

from typing import Final

from commcare_ext.terminology.code import Code
from commcare_ext.terminology.systems import (
    CANONICAL_BASE,
    COMMCARE_CODESYSTEM,
    LOINC,
    SDOH_CATEGORY,
)

#: FHIR R4 Task.status codes (http://hl7.org/fhir/task-status), referenced by TaskStatus.
TASK_STATUS_SYSTEM: Final = "http://hl7.org/fhir/task-status"

#: SDOHCC: ``Task.output.type`` of what the recipient did in fulfilment of the referral.
RESULTING_ACTIVITY: Final = Code(SDOH_CATEGORY, "resulting-activity", "Resulting Activity")

#: SDOHCC Task for referral management profile (claimed by nothing we write; read as a hint).
SDOHCC_TASK_PROFILE: Final = (
    "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-TaskForReferralManagement"
)

#: Our extension on a referral Task recording that the clinic reviewed its outcome: a complex
#: extension with ``reviewed`` (dateTime), ``status`` (code reviewed), ``output`` (Reference,
#: 0..*, each output the review covered) and ``reviewer`` (Reference, 0..1).
OUTCOME_REVIEW_EXTENSION: Final = f"{CANONICAL_BASE}/StructureDefinition/referral-outcome-review"
#: Our extension recording the status a clinic-side hold paused (valueCode), so resume restores it.
HELD_FROM_EXTENSION: Final = f"{CANONICAL_BASE}/StructureDefinition/referral-held-from"

#: Canonical URL of the follow-up Questionnaire (English first, Spanish in translations).
FOLLOW_UP_QUESTIONNAIRE_URL: Final = f"{CANONICAL_BASE}/Questionnaire/referral-follow-up"

YES: Final = Code(LOINC, "LA33-6", "Yes")
NO: Final = Code(LOINC, "LA32-8", "No")


def _local(code: str, display: str) -> Code:
    return Code(COMMCARE_CODESYSTEM, code, display)


# -- our own concepts, published in the project CodeSystem -----------------------------------
FOLLOW_UP_PANEL: Final = _local("referral-follow-up", "Follow-up on community referrals")
REACHED_SUPPORT: Final = _local(
    "follow-up-reached-support", "Whether the patient reached the support they were referred to"
)
SUPPORT_HELPFUL: Final = _local(
    "follow-up-support-helpful", "How helpful the patient found the support they reached"
)
WHAT_GOT_IN_THE_WAY: Final = _local(
    "follow-up-obstacles", "What got in the way of reaching the support"
)
STILL_TRYING: Final = _local("reached-still-trying", "Not yet, still trying")
VERY_HELPFUL: Final = _local("helpful-very", "Very helpful")
SOMEWHAT_HELPFUL: Final = _local("helpful-somewhat", "Somewhat helpful")
NOT_HELPFUL: Final = _local("helpful-not", "Not helpful")
NO_CALL_BACK: Final = _local("obstacle-no-call-back", "Nobody got back to me")
WAITING_LIST: Final = _local("obstacle-waiting-list", "On a waiting list")
NOT_A_GOOD_FIT: Final = _local("obstacle-not-a-fit", "It did not feel right for me or my culture")
WORRIED_WHO_WOULD_KNOW: Final = _local("obstacle-privacy", "Worried about who would find out")
NO_LONGER_NEEDED: Final = _local("obstacle-no-longer-needed", "I no longer needed it")

#: Every local code above; each is a concept of the project CodeSystem.
LOCAL_CODES: Final[tuple[Code, ...]] = (
    FOLLOW_UP_PANEL,
    REACHED_SUPPORT,
    SUPPORT_HELPFUL,
    WHAT_GOT_IN_THE_WAY,
    STILL_TRYING,
    VERY_HELPFUL,
    SOMEWHAT_HELPFUL,
    NOT_HELPFUL,
    NO_CALL_BACK,
    WAITING_LIST,
    NOT_A_GOOD_FIT,
    WORRIED_WHO_WOULD_KNOW,
    NO_LONGER_NEEDED,
)
