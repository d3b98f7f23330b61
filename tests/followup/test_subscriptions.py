"""Subscriptions where the CapabilityStatement offers them; polling otherwise (and by default)."""

from typing import Any

import pytest

from commcare_ext.followup import (
    NotificationMode,
    SubscriptionSupport,
    choose_notification,
    subscription_support,
    task_subscription,
)
from commcare_ext.followup.subscriptions import (
    BACKPORT_SUBSCRIPTION_PROFILE,
    FILTER_CRITERIA_EXTENSION,
    PAYLOAD_CONTENT_EXTENSION,
    SDOHCC_TASK_TOPIC,
    TOPIC_CANONICAL_EXTENSION,
)
from commcare_ext.followup.transport import capability_statement, create
from tests.followup.server import clinic_client

HOOK = "https://clinic.example.org/fhir-hooks/referrals"
CLINIC = "Organization/riverside"


def _statement(*resources: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": "CapabilityStatement",
        "fhirVersion": "4.0.1",
        "rest": [{"mode": "server", "resource": [{"type": "Task"}, *resources]}],
    }


def _subscription(*extra: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {
        "type": "Subscription",
        "interaction": [{"code": "create"}, {"code": "read"}],
        "extension": list(extra),
        **fields,
    }


def _topic(url: str) -> dict[str, Any]:
    return {"url": TOPIC_CANONICAL_EXTENSION, "valueCanonical": url}


def test_gravity_task_topic_gets_a_backport_subscription() -> None:
    support = subscription_support(
        _statement(
            _subscription(
                _topic(SDOHCC_TASK_TOPIC),
                _topic("http://example.org/topic/encounter"),
                supportedProfile=[BACKPORT_SUBSCRIPTION_PROFILE],
            )
        )
    )
    assert support.mode is NotificationMode.TOPIC_REST_HOOK
    resource = task_subscription(support, endpoint=HOOK, requester=CLINIC, header="X-Key: s3cr3t")
    assert resource["criteria"] == SDOHCC_TASK_TOPIC
    assert resource["_criteria"]["extension"] == [
        {"url": FILTER_CRITERIA_EXTENSION, "valueString": f"Task?requester={CLINIC}"}
    ]
    assert resource["channel"]["type"] == "rest-hook"
    assert resource["channel"]["endpoint"] == HOOK
    assert resource["channel"]["header"] == ["X-Key: s3cr3t"]
    assert resource["channel"]["_payload"]["extension"] == [
        {"url": PAYLOAD_CONTENT_EXTENSION, "valueCode": "id-only"}
    ]
    assert resource["meta"]["profile"] == [BACKPORT_SUBSCRIPTION_PROFILE]


def test_classic_r4_subscriptions_get_search_criteria_and_no_payload() -> None:
    support = subscription_support(_statement(_subscription()))
    assert support == SubscriptionSupport(NotificationMode.CRITERIA_REST_HOOK)
    resource = task_subscription(support, endpoint=HOOK, requester=CLINIC)
    assert resource["criteria"] == (
        f"Task?code=http://hl7.org/fhir/CodeSystem/task-code|fulfill&requester={CLINIC}"
    )
    assert "payload" not in resource["channel"]


@pytest.mark.parametrize(
    "statement",
    [
        _statement(),  # no Subscription at all
        _statement({"type": "Subscription", "interaction": [{"code": "read"}]}),  # read-only
        _statement(_subscription(_topic("http://example.org/topic/encounter"))),  # other topics
        _statement(_subscription(supportedProfile=[BACKPORT_SUBSCRIPTION_PROFILE])),  # no topics
        {
            "resourceType": "CapabilityStatement",
            "rest": [{"mode": "client", "resource": [_subscription()]}],
        },
    ],
)
def test_anything_else_is_polled(statement: dict[str, Any]) -> None:
    support = subscription_support(statement)
    assert support.mode is NotificationMode.POLL
    with pytest.raises(ValueError, match="poll"):
        task_subscription(support, endpoint=HOOK, requester=CLINIC)


def test_a_rest_hook_must_be_https() -> None:
    support = SubscriptionSupport(NotificationMode.CRITERIA_REST_HOOK)
    with pytest.raises(ValueError, match="https"):
        task_subscription(support, endpoint="http://clinic.example.org/hook", requester=CLINIC)


@pytest.mark.integration
def test_the_loopback_server_offers_no_subscriptions_so_we_poll(server_url: str) -> None:
    client = clinic_client(server_url)
    chosen = choose_notification(client, endpoint=HOOK, requester=CLINIC)
    assert chosen.mode is NotificationMode.POLL
    assert chosen.subscription is None
    assert subscription_support(capability_statement(client)).mode is NotificationMode.POLL


@pytest.mark.integration
@pytest.mark.parametrize(
    "mode", [NotificationMode.TOPIC_REST_HOOK, NotificationMode.CRITERIA_REST_HOOK]
)
def test_the_subscriptions_we_would_register_are_valid_r4(
    server_url: str, mode: NotificationMode
) -> None:
    # the router validates every resource against the base R4 StructureDefinitions
    resource = task_subscription(SubscriptionSupport(mode), endpoint=HOOK, requester=CLINIC)
    created = create(clinic_client(server_url), resource)
    assert created["resourceType"] == "Subscription"
    assert created["criteria"] == resource["criteria"]
