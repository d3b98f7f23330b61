"""A chosen directory service becomes a HealthcareService the referral's organisation provides."""

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from commcare_ext.directory import Directory, read_hsds
from commcare_ext.extract import ExtractionError, ReferralSharing, ReferralTarget, extract
from commcare_ext.intake import Intake, ReferralShare
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from commcare_ext.terminology.systems import HSD_HEALTHCARE_SERVICE, HSD_ORGANIZATION
from tests.fixtures import CLINIC, context_for, load_example

_HSDS = Path(__file__).resolve().parents[2] / "examples" / "directory" / "hsds" / "services.json"
_ORGS = "https://directory.example.org/hsds/organization"
_SERVICES = "https://directory.example.org/hsds/service"


@pytest.fixture(scope="module")
def directory() -> Directory:
    found, _ = read_hsds(_HSDS, today=date(2026, 11, 24))
    return found


def _targets(
    intake: Intake, directory: Directory, **share: frozenset[ReferralShare]
) -> tuple[ReferralTarget, ...]:
    """One target per preferred support, each to the first directory service offering it."""
    out = []
    for kind in intake.care.preferred_supports:
        service = next(s for s in directory.services if kind in s.support_types)
        out.append(
            ReferralTarget.for_service(
                service,
                kind,
                organization_system=_ORGS,
                service_system=_SERVICES,
                reasons=("staff speak Somali",),
                share=share.get(kind.value),
            )
        )
    return tuple(out)


def test_for_service_describes_the_service_and_its_organisation(directory: Directory) -> None:
    service = directory.services[0]
    kind = next(iter(service.support_types))
    target = ReferralTarget.for_service(
        service, kind, organization_system=_ORGS, service_system=_SERVICES
    )
    assert target.service is not None
    assert target.organization is not None
    assert (target.service.identifier_value, target.service.name) == (service.id, service.name)
    assert target.organization.identifier_value == service.organization.id
    assert target.share is None


def test_the_service_is_written_and_goes_only_to_its_organisation(directory: Directory) -> None:
    intake = load_example("amina-hassan")
    context = context_for(intake).model_copy(update={"referrals": _targets(intake, directory)})
    extracted = extract(intake, context=context)
    services = [r.resource for r in extracted.services]
    assert len(services) == len(context.referrals) == 2
    orgs = {o.reference for o in extracted.organizations}
    for resource, target in zip(services, context.referrals, strict=True):
        assert target.service is not None
        assert resource["identifier"] == [
            {"system": _SERVICES, "value": target.service.identifier_value}
        ]
        assert resource["providedBy"]["reference"] in orgs
        assert resource["name"] == target.service.name
        # The directory's own timestamp makes it an HSD HealthcareService (docs/profiles.md).
        assert target.service.directory_last_updated is not None
        assert resource["meta"] == {
            "lastUpdated": target.service.directory_last_updated.isoformat(),
            "profile": [HSD_HEALTHCARE_SERVICE],
        }
        assert "Somali" not in json.dumps(resource)  # reasons stay with the clinician
    # A clinician's referral is BSeR's: performer 1..1, the Organization.
    for request in extracted.service_requests:
        assert len(request.resource["performer"]) == 1
    sent = transaction_bundle(extracted)  # validated as R4
    assert sum(e["resource"]["resourceType"] == "HealthcareService" for e in sent["entry"]) == 2
    for target, service in zip(context.referrals, services, strict=True):
        assert target.organization is not None
        message = referral_message_bundle(extracted, target.organization, clinic=CLINIC)
        names = [
            e["resource"]["name"]
            for e in message["entry"]
            if e["resource"]["resourceType"] == "HealthcareService"
        ]
        assert names == [service["name"]]


@pytest.mark.parametrize(
    ("service_known", "organization_known"), [(False, True), (True, False), (False, False)]
)
def test_without_the_directory_s_timestamps_no_hsd_profile_is_claimed(
    directory: Directory, service_known: bool, organization_known: bool
) -> None:
    """HSD requires meta.lastUpdated on both (HealthcareService.meta.lastUpdated 1..1,
    HealthcareService.providedBy only Reference(HSDOrganization)): we never invent one."""
    intake = load_example("amina-hassan")
    changed = datetime(2026, 3, 1, tzinfo=UTC)
    targets = []
    for target in _targets(intake, directory):
        assert target.service is not None
        assert target.organization is not None
        service = target.service.model_copy(
            update={"directory_last_updated": changed if service_known else None}
        )
        organization = target.organization.model_copy(
            update={"directory_last_updated": changed if organization_known else None}
        )
        targets.append(target.model_copy(update={"service": service, "organization": organization}))
    context = context_for(intake).model_copy(update={"referrals": tuple(targets)})
    extracted = extract(intake, context=context)
    for resource in (r.resource for r in extracted.services):
        assert "meta" not in resource
    performers = {t.organization.name for t in targets if t.organization is not None}
    for org in (o.resource for o in extracted.organizations if o.resource["name"] in performers):
        assert (HSD_ORGANIZATION in org["meta"]["profile"]) is organization_known
        assert ("lastUpdated" in org["meta"]) is organization_known
    transaction_bundle(extracted)  # still valid R4


def test_without_a_clinician_the_service_performs_beside_its_organisation(
    directory: Directory,
) -> None:
    intake = load_example("amina-hassan")
    context = context_for(intake).model_copy(
        update={"referrals": _targets(intake, directory), "referring_clinician": None}
    )
    extracted = extract(intake, context=context)
    for request, service in zip(extracted.service_requests, extracted.services, strict=True):
        performers = [p["reference"] for p in request.resource["performer"]]
        assert performers == [service.resource["providedBy"]["reference"], service.reference]
    transaction_bundle(extracted)


def test_each_organisation_gets_its_own_consent_provision(directory: Directory) -> None:
    intake = load_example("amina-hassan")
    first = intake.care.preferred_supports[0].value
    narrow = frozenset({ReferralShare.LANGUAGE_NEEDS})
    targets = _targets(intake, directory, **{first: narrow})
    extracted = extract(
        intake, context=context_for(intake).model_copy(update={"referrals": targets})
    )
    by_actor = {
        c.resource["provision"]["actor"][0]["reference"]["reference"]: {
            code["coding"][0]["code"] for code in c.resource["provision"].get("code", [])
        }
        for c in extracted.consents
        if c.resource["provision"]["type"] == "permit"
        and c.resource["provision"]["actor"][0]["reference"]["reference"].startswith(
            "Organization/"
        )
    }
    first_org, second_org = (s.resource["providedBy"]["reference"] for s in extracted.services)
    assert by_actor[first_org] == {ReferralShare.LANGUAGE_NEEDS.value}
    assert by_actor[second_org] == {s.value for s in intake.care.referral_share}
    assert extracted.sharing_for(first_org).consented
    assert extracted.sharing_for(second_org) == extracted.referral_sharing


def test_two_choices_for_one_organisation_are_refused(directory: Directory) -> None:
    intake = load_example("amina-hassan")
    (target, _) = _targets(intake, directory)
    twin = target.model_copy(update={"share": frozenset({ReferralShare.CONTACT_DETAILS})})
    context = context_for(intake).model_copy(update={"referrals": (target, twin)})
    with pytest.raises(ExtractionError) as raised:
        extract(intake, context=context)
    assert raised.value.field == "context.referrals[1].share"


def test_a_recipients_own_choice_needs_referral_consent(directory: Directory) -> None:
    intake = load_example("amina-hassan")
    targets = _targets(intake, directory)
    wide = frozenset(ReferralShare)
    withdrawn = intake.model_copy(
        update={"care": intake.care.model_copy(update={"referral_consent": False})}
    )
    context = context_for(intake).model_copy(
        update={"referrals": tuple(t.model_copy(update={"share": wide}) for t in targets)}
    )
    with pytest.raises(ExtractionError) as raised:
        extract(withdrawn, context=context)
    assert raised.value.field == "intake.care.referral_consent"
    assert ReferralSharing.from_choices(False, wide).permitted == frozenset()
