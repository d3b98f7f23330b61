"""Consent: what each person or organisation may receive, and who must never be contacted.

One patient-privacy Consent per sharing decision. A permit provision names its recipient
(v3 ParticipationType IRCP) and lists, in ``provision.code``, the kinds of information the
patient allowed (our share-category codes). A do-not-contact person gets a deny Consent:
nothing may be disclosed to them and nobody may reach out to them.

Every Consent is a BSeR Patient Consent (the patient is its ``performer``) and carries what
SDOHCC's Consent asks: the clinic as ``organization`` and the stored QuestionnaireResponse
that recorded the decision as ``sourceReference``. Its one category is v3-ActCode IDSCL
*information disclosure*: BSeR allows one category (0..1), SDOHCC requires IDSCL, and the
code is in R4's consent-category ValueSet (v3 ActConsentType). The Consent for a referral
organisation also claims SDOHCC Consent: that profile is about releasing SDOH information to
organisations outside HIPAA (docs/profiles.md says why one Consent holds both).
"""

from typing import Any

from commcare_ext.extract._common import concept, ref
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import business_identifier, resource_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import narrative
from commcare_ext.intake import Intake, ReferralShare
from commcare_ext.terminology.answers import answer_set_for, coding_for
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.standard import (
    DISCLOSE,
    INFORMATION_DISCLOSURE,
    INFORMATION_RECIPIENT,
    PATIENT_PRIVACY,
    TREATMENT,
)
from commcare_ext.terminology.systems import BSER_PATIENT_CONSENT, CANONICAL_BASE, SDOHCC_CONSENT

#: The policy the patient agrees to: our published intake sharing rules.
SHARING_POLICY = f"{CANONICAL_BASE}/policy/intake-sharing"


def _consent(  # noqa: PLR0917 - one private builder, called with every part spelled out
    intake: Intake,
    role: str,
    refs: dict[str, str],
    recipient_ref: str,
    provision_type: str,
    codes: list[Code],
    title: str,
    rows: list[tuple[str, str]],
) -> dict[str, Any]:
    provision: dict[str, Any] = {
        "type": provision_type,
        "actor": [{"role": concept(INFORMATION_RECIPIENT), "reference": ref(recipient_ref)}],
        "action": [concept(DISCLOSE)],
    }
    if provision_type == "permit":
        provision["purpose"] = [TREATMENT.as_coding()]
    if codes:
        provision["code"] = [concept(code) for code in codes]
    return {
        "resourceType": "Consent",
        "id": resource_id(intake, role),
        "meta": {"profile": [BSER_PATIENT_CONSENT]},
        "text": narrative(title, rows),
        "identifier": [business_identifier(intake, "Consent", role)],
        "status": "active",
        "scope": concept(PATIENT_PRIVACY),
        "category": [concept(INFORMATION_DISCLOSURE)],
        "patient": ref(refs["patient"]),
        "dateTime": intake.authored.isoformat(),
        "performer": [ref(refs["patient"])],
        "organization": [ref(refs["clinic"])],
        "sourceReference": ref(refs["response"]),
        "policy": [{"uri": SHARING_POLICY}],
        "provision": provision,
    }


def person_consent(
    intake: Intake, index: int, refs: dict[str, str], person_ref: str
) -> ExtractedResource | None:
    """Permit for an involved person, deny for a do-not-contact person, none otherwise.

    ``refs`` holds the ``patient``, ``clinic`` and ``response`` references.
    """
    person = intake.support_persons[index]
    role = f"consent-person-{index + 1}"
    if person.do_not_contact:
        resource = _consent(
            intake,
            role,
            refs,
            person_ref,
            "deny",
            [],
            f"Do not contact or inform {person.name}",
            [("Decision", "deny all disclosure and contact")],
        )
        return ExtractedResource(resource, DisclosureCategory.EHR_ONLY)
    if not person.may_share:
        return None
    labels = ", ".join(answer_set_for(type(s)).answer(s).display_en for s in person.may_share)
    resource = _consent(
        intake,
        role,
        refs,
        person_ref,
        "permit",
        [coding_for(share) for share in person.may_share],
        f"{person.name} may receive information",
        [("May receive", labels)],
    )
    return ExtractedResource(resource, DisclosureCategory.SUPPORT_NETWORK)


def organization_consent(
    intake: Intake,
    org_ref: str,
    org_name: str,
    refs: dict[str, str],
    shares: frozenset[ReferralShare] | None = None,
) -> ExtractedResource:
    """Permit for a referral organisation, limited to the patient's referral-sharing choices.

    ``shares`` is this organisation's own choice (in the vocabulary's order); None means
    the general ``referral_share``.
    """
    shares_in_order = (
        intake.care.referral_share if shares is None else [s for s in ReferralShare if s in shares]
    )
    labels = ", ".join(answer_set_for(type(s)).answer(s).display_en for s in shares_in_order)
    resource = _consent(
        intake,
        f"consent-org-{org_ref.rsplit('/', 1)[-1]}",
        refs,
        org_ref,
        "permit",
        [coding_for(share) for share in shares_in_order],
        f"{org_name} may receive the referral",
        [("May also receive", labels or "only what the referral needs")],
    )
    resource["meta"] = {"profile": [SDOHCC_CONSENT, BSER_PATIENT_CONSENT]}
    return ExtractedResource(resource, DisclosureCategory.CORE)
