"""SDOHCC Goal, ServiceRequest and Task for Referral Management 2.3.0; BSeR ServiceRequest
and Task."""

import pytest

from commcare_ext.terminology.systems import (
    BSER_REFERRAL_TASK,
    BSER_SERVICE_REQUEST,
    SDOHCC_GOAL,
    SDOHCC_REFERRAL_TASK,
    SDOHCC_SERVICE_REQUEST,
)
from tests.conformance.emitted import (
    Resource,
    categories,
    claiming,
    entries_by_url,
    ids,
    target_kind,
)

_SDOHCC = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
_GOAL_LINK = "http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal"
_PLAC = ("http://terminology.hl7.org/CodeSystem/v2-0203", "PLAC")


@pytest.mark.parametrize("goal", claiming(SDOHCC_GOAL), ids=ids)
def test_sdohcc_goal(goal: Resource) -> None:
    assert goal["lifecycleStatus"], "Goal.lifecycleStatus 1..1"
    assert goal["description"], "Goal.description 1..1"
    assert goal["subject"]["reference"], "Goal.subject 1..1"
    assert goal["startDate"], "Goal.start[x] (MS, date)"
    assert all(t["dueDate"] for t in goal["target"]), "Goal.target.due[x] (MS, date)"
    assert any(system == _SDOHCC for system, _ in categories(goal)), "Goal.category:SDOHCC"


@pytest.mark.parametrize("request_", claiming(SDOHCC_SERVICE_REQUEST), ids=ids)
def test_sdohcc_service_request(request_: Resource) -> None:
    assert request_["status"] and request_["intent"], "ServiceRequest.status/intent 1..1"
    assert any(system == _SDOHCC for system, _ in categories(request_)), (
        "ServiceRequest.category:SDOHCC (MS)"
    )
    assert ("http://snomed.info/sct", "306206005") in {
        (c["system"], c["code"]) for c in request_["code"]["coding"]
    }, "ServiceRequest.code from US Core Procedure Codes (required): SNOMED CT procedure"
    assert request_["subject"]["reference"], "ServiceRequest.subject 1..1"
    assert request_["occurrencePeriod"]["start"], "ServiceRequest.occurrence[x] (MS)"
    assert request_["authoredOn"] and request_["requester"], "authoredOn, requester (MS)"
    assert request_["performer"], "ServiceRequest.performer (MS)"
    by_url = entries_by_url()
    for info in request_["supportingInfo"]:
        assert target_kind(by_url, info["reference"]) == "Consent", "supportingInfo -> Consent"
    links = [e for e in request_.get("extension", []) if e["url"] == _GOAL_LINK]
    for link in links:
        assert target_kind(by_url, link["valueReference"]["reference"]) == "Goal"


def test_the_ehr_copy_links_its_goal() -> None:
    linked = [
        r
        for r in claiming(SDOHCC_SERVICE_REQUEST)
        if any(e["url"] == _GOAL_LINK for e in r.get("extension", []))
    ]
    assert linked, "extension:pertainsToGoal (MS) in the transaction Bundle"


@pytest.mark.parametrize("request_", claiming(BSER_SERVICE_REQUEST), ids=ids)
def test_bser_service_request(request_: Resource) -> None:
    placer = [
        i
        for i in request_["identifier"]
        if _PLAC in {(c["system"], c["code"]) for c in i.get("type", {}).get("coding", [])}
    ]
    assert len(placer) == 1 and placer[0]["value"], "identifier:referralInitiator... 1..1 PLAC"
    assert request_["intent"] == "order", "ServiceRequest.intent = order (fixed)"
    assert len(request_["performer"]) <= 1, "ServiceRequest.performer 0..1"
    by_url = entries_by_url()
    assert target_kind(by_url, request_["requester"]["reference"]) == "PractitionerRole", (
        "ServiceRequest.requester 1..1 only USCorePractitionerRoleProfile"
    )


@pytest.mark.parametrize("task", claiming(SDOHCC_REFERRAL_TASK), ids=ids)
def test_sdohcc_referral_task(task: Resource) -> None:
    assert task["intent"] == "order", "Task.intent = order (exactly)"
    assert ("http://hl7.org/fhir/CodeSystem/task-code", "fulfill") in {
        (c["system"], c["code"]) for c in task["code"]["coding"]
    }, "Task.code = task-code#fulfill"
    assert task["status"] in {
        "requested",
        "received",
        "accepted",
        "rejected",
        "cancelled",
        "in-progress",
        "on-hold",
        "failed",
        "completed",
        "entered-in-error",
    }, "Task.status from SDOHCC ReferralTaskStatus (required)"
    by_url = entries_by_url()
    assert target_kind(by_url, task["focus"]["reference"]) == "ServiceRequest", "Task.focus 1..1"
    assert target_kind(by_url, task["for"]["reference"]) == "Patient", "Task.for 1..1"
    assert task["authoredOn"], "Task.authoredOn 1..1"
    assert target_kind(by_url, task["requester"]["reference"]) in {
        "PractitionerRole",
        "Organization",
    }, "Task.requester 1..1"
    assert task["owner"]["reference"], "Task.owner (MS; BSeR 1..1)"


@pytest.mark.parametrize("task", claiming(BSER_REFERRAL_TASK), ids=ids)
def test_bser_referral_task(task: Resource) -> None:
    by_url = entries_by_url()
    focus = by_url.get(task["focus"]["reference"])
    if focus is not None:
        assert BSER_SERVICE_REQUEST in focus["meta"]["profile"], (
            "Task.focus only BSeRReferralServiceRequest"
        )
    assert task["owner"]["reference"], "Task.owner 1..1"
