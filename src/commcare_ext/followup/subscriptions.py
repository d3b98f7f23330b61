"""Notifications where the server offers them, polling where it does not (the default).

Gravity's "Checking Task Status" page describes both: polling ``Task?...&_lastUpdated=gt…``,
or an R4 Subscription following the Subscriptions R5 Backport guide with the topic
``http://hl7.org/fhir/us/sdoh-clinicalcare/SubscriptionTopic/Task``, a ``rest-hook`` channel
and ``id-only`` payloads. We read the CapabilityStatement: a server that lists that topic
(``capabilitystatement-subscriptiontopic-canonical``) gets a topic-based Subscription; one
that takes classic R4 Subscriptions gets a criteria-based one (``Task?requester=…``); any other
is polled. A notification only says *that* something changed: the handler then polls.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from commcare_ext.client import FhirClient
from commcare_ext.followup.transport import capability_statement, create
from commcare_ext.terminology.standard import FULFILL

_BACKPORT: Final = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition"
BACKPORT_SUBSCRIPTION_PROFILE: Final = f"{_BACKPORT}/backport-subscription"
TOPIC_CANONICAL_EXTENSION: Final = f"{_BACKPORT}/capabilitystatement-subscriptiontopic-canonical"
FILTER_CRITERIA_EXTENSION: Final = f"{_BACKPORT}/backport-filter-criteria"
PAYLOAD_CONTENT_EXTENSION: Final = f"{_BACKPORT}/backport-payload-content"
#: Gravity's SubscriptionTopic for referral Tasks.
SDOHCC_TASK_TOPIC: Final = "http://hl7.org/fhir/us/sdoh-clinicalcare/SubscriptionTopic/Task"


class NotificationMode(StrEnum):
    """How the clinic learns that a referral Task changed."""

    POLL = "poll"
    TOPIC_REST_HOOK = "topic-rest-hook"  # Subscriptions R5 Backport, Gravity's Task topic
    CRITERIA_REST_HOOK = "criteria-rest-hook"  # classic R4 Subscription with search criteria


@dataclass(frozen=True, slots=True)
class SubscriptionSupport:
    """What the CapabilityStatement says about Subscriptions."""

    mode: NotificationMode
    topics: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Notification:
    """The mode chosen and, for a rest-hook, the Subscription the server now holds."""

    mode: NotificationMode
    subscription: str | None = None


def subscription_support(statement: Mapping[str, Any]) -> SubscriptionSupport:
    """Read the CapabilityStatement: may we create Subscriptions, and which kind (pure)."""
    for rest in statement.get("rest", []):
        if not isinstance(rest, Mapping) or rest.get("mode") != "server":
            continue
        for resource in rest.get("resource", []):
            if not isinstance(resource, Mapping) or resource.get("type") != "Subscription":
                continue
            codes = {
                i.get("code") for i in resource.get("interaction", []) if isinstance(i, Mapping)
            }
            if "create" not in codes:
                continue
            topics = frozenset(
                str(e.get("valueCanonical"))
                for e in resource.get("extension", [])
                if isinstance(e, Mapping) and e.get("url") == TOPIC_CANONICAL_EXTENSION
            )
            if SDOHCC_TASK_TOPIC in topics:
                return SubscriptionSupport(NotificationMode.TOPIC_REST_HOOK, topics)
            profiles = set(resource.get("supportedProfile", []))
            if topics or BACKPORT_SUBSCRIPTION_PROFILE in profiles:
                continue  # topic-based only, without Gravity's Task topic: poll
            return SubscriptionSupport(NotificationMode.CRITERIA_REST_HOOK)
    return SubscriptionSupport(NotificationMode.POLL)


def task_subscription(
    support: SubscriptionSupport,
    *,
    endpoint: str,
    requester: str,
    header: str | None = None,
) -> dict[str, Any]:
    """The Subscription to create for changes to referral Tasks this clinic requested (pure).

    ``header`` (e.g. ``Authorization: Bearer …``) is sent back with every notification so the
    clinic's endpoint can check it; it is a secret and never logged.
    """
    if not endpoint.startswith("https://"):
        msg = "the rest-hook endpoint must be an https:// URL"
        raise ValueError(msg)
    channel: dict[str, Any] = {"type": "rest-hook", "endpoint": endpoint}
    if header:
        channel["header"] = [header]
    subscription: dict[str, Any] = {
        "resourceType": "Subscription",
        "status": "requested",
        "reason": "Follow the referrals this clinic made (Gravity referral Task changes)",
        "channel": channel,
    }
    if support.mode is NotificationMode.TOPIC_REST_HOOK:
        subscription["meta"] = {"profile": [BACKPORT_SUBSCRIPTION_PROFILE]}
        subscription["criteria"] = SDOHCC_TASK_TOPIC
        subscription["_criteria"] = {
            "extension": [
                {"url": FILTER_CRITERIA_EXTENSION, "valueString": f"Task?requester={requester}"}
            ]
        }
        channel["payload"] = "application/fhir+json"
        channel["_payload"] = {
            "extension": [{"url": PAYLOAD_CONTENT_EXTENSION, "valueCode": "id-only"}]
        }
    elif support.mode is NotificationMode.CRITERIA_REST_HOOK:
        subscription["criteria"] = (
            f"Task?code={FULFILL.system}|{FULFILL.code}&requester={requester}"
        )
        # no payload: an empty notification, the clinic then polls (nothing travels in it)
    else:
        msg = "the server offers no Subscriptions: poll instead"
        raise ValueError(msg)
    return subscription


def choose_notification(
    client: FhirClient,
    *,
    endpoint: str | None,
    requester: str,
    header: str | None = None,
) -> Notification:
    """Register a rest-hook Subscription when the server offers one; otherwise poll.

    Without an ``endpoint`` (no place for the server to call) the answer is always to poll.
    """
    support = subscription_support(capability_statement(client))
    if endpoint is None or support.mode is NotificationMode.POLL:
        return Notification(NotificationMode.POLL)
    created = create(
        client, task_subscription(support, endpoint=endpoint, requester=requester, header=header)
    )
    return Notification(support.mode, f"Subscription/{created['id']}")
