"""What a referral message must never contain, given the patient's choices: the oracle
for the disclosure property test (independent of the filter it checks)."""

import json
from collections.abc import Iterable
from typing import Any

from commcare_ext.extract import DisclosureCategory, ExtractedResources
from commcare_ext.intake import Intake, ReferralShare
from commcare_ext.terminology.systems import DATA_ABSENT_REASON

#: Anything that says a suicide-risk screen was done, written out here (not read from the
#: library): LOINC "Suicide risk level", the C-SSRS screener items, our screen, result,
#: Flag and concern codes, and the Flag itself. Any of it in a referral is a leak.
_RISK_MARKERS = (
    '"93374-7"',
    '"93246-7"',
    '"93247-5"',
    '"93248-3"',
    '"93249-1"',
    '"93250-9"',
    '"93267-3"',
    '"93269-9"',
    '"asq-',
    '"c-ssrs-',
    '"suicide-',
    '"Flag"',
)

_C = DisclosureCategory

#: Code prefixes that reveal each category's content.
_CODE_PREFIXES = {
    _C.STIGMA_CONCERNS: ('"stigma-',),
    _C.ACCESS_BARRIERS: ('"barrier-',),
    _C.PROBLEM_SUMMARY: ('"cause-', '"help-', '"spiritual-'),
    _C.CARE_PREFERENCES: ('"pref-', '"clinician-', '"visit-', '"format-'),
    _C.SOCIAL_SUPPORT_SCORES: ('"91642-9"', '"91663-5"', '"LA6297-1"', '"mos-sss-'),
    _C.CONTACT_DETAILS: ('"contact-',),
    _C.SUPPORT_NETWORK: ('"RelatedPerson"', '"CareTeam"', '"decision-'),
}


def leaks(
    bundle: dict[str, Any],
    intake: Intake,
    extracted: ExtractedResources,
    shares: Iterable[ReferralShare] | None = None,
) -> list[str]:
    """Every way ``bundle`` discloses more than ``intake``'s referral choices allow.

    ``shares`` is the choice made for this bundle's recipient alone; None: the general one.
    Without referral consent only the minimum may go, whatever was chosen.
    """
    chosen = intake.care.referral_share if shares is None else shares
    allowed = {_C.CORE} | (
        {_C.for_share(s) for s in chosen} if intake.care.referral_consent else set()
    )
    text = json.dumps(bundle, ensure_ascii=False)
    found = [f"risk data: {marker}" for marker in _RISK_MARKERS if marker in text]
    for category, prefixes in _CODE_PREFIXES.items():
        if category not in allowed:
            found += [f"{category}: {p}" for p in prefixes if p in text]
    by_id = {item.resource["id"]: item for item in extracted.all()}
    for entry in bundle["entry"]:
        item = by_id.get(entry["resource"].get("id"))
        if item is not None and (item.category not in allowed or item.category is _C.SAFETY_RISK):
            found.append(f"{item.category}: {item.reference}")
    kinds = {entry["resource"]["resourceType"] for entry in bundle["entry"]}
    found += [f"ehr-only: {k}" for k in ("QuestionnaireResponse", "Provenance") if k in kinds]
    patient_names = {intake.patient.given_name, intake.patient.family_name}
    open_names = {p.name for p in intake.support_persons if not p.do_not_contact}
    for person in intake.do_not_contact_persons():
        if person.name not in open_names | patient_names and person.name in text:
            found.append("do-not-contact person named")
    if _C.SUPPORT_NETWORK not in allowed:
        for name in open_names - patient_names:
            if f'"{name}"' in text:
                found.append("support person named")
    if _C.CONTACT_DETAILS not in allowed:
        patient = next(
            e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
        )
        found += [f"patient {key}" for key in ("birthDate", "telecom") if key in patient]
        masked = [{"_family": {"extension": [{"url": DATA_ABSENT_REASON, "valueCode": "masked"}]}}]
        if patient.get("name", masked) != masked:
            found.append("patient name")
    if _C.LANGUAGE_NEEDS not in allowed and '"urn:ietf:bcp:47"' in text:
        found.append("language needs")
    return found
