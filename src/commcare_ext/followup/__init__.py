"""Closing the referral loop: follow referral Tasks, change them safely, report stuck ones.

Pure parts (lifecycle, state, changes, report) know FHIR JSON but no transport; the server
parts (``follow``, ``subscriptions``) go through one adapter module (``transport``).
"""

from commcare_ext.followup.changes import (
    Change,
    cancel,
    hold,
    mark_outcome_reviewed,
    resume,
)
from commcare_ext.followup.command import referrals_command, report_table
from commcare_ext.followup.errors import (
    BaselineError,
    FollowupError,
    FollowUpResponseError,
    Problem,
    ReferralConflict,
    ReferralTaskError,
    ReportOptionError,
    TransitionNotAllowed,
)
from commcare_ext.followup.follow import (
    ChangeResult,
    PollCursor,
    PollResult,
    Referrals,
    ReferralScope,
    Unreadable,
    apply_change,
    change_referral,
    poll_referrals,
    read_referrals,
    retry_on_conflict,
)
from commcare_ext.followup.lifecycle import Actor, TaskStatus, allowed
from commcare_ext.followup.report import (
    Attention,
    ReportEntry,
    StuckPolicy,
    parse_days,
    referral_report,
    report_json,
)
from commcare_ext.followup.state import (
    OutcomeKind,
    OutcomeReview,
    ReferralState,
    TaskOutput,
    parse_referral_task,
)
from commcare_ext.followup.subscriptions import (
    Notification,
    NotificationMode,
    SubscriptionSupport,
    choose_notification,
    subscription_support,
    task_subscription,
)
from commcare_ext.followup.transport import Versioned, read_versioned, update_if_match

__all__ = [
    "Actor",
    "Attention",
    "BaselineError",
    "Change",
    "ChangeResult",
    "FollowUpResponseError",
    "FollowupError",
    "Notification",
    "NotificationMode",
    "OutcomeKind",
    "OutcomeReview",
    "PollCursor",
    "PollResult",
    "Problem",
    "ReferralConflict",
    "ReferralScope",
    "ReferralState",
    "ReferralTaskError",
    "Referrals",
    "ReportEntry",
    "ReportOptionError",
    "StuckPolicy",
    "SubscriptionSupport",
    "TaskOutput",
    "TaskStatus",
    "TransitionNotAllowed",
    "Unreadable",
    "Versioned",
    "allowed",
    "apply_change",
    "cancel",
    "change_referral",
    "choose_notification",
    "hold",
    "mark_outcome_reviewed",
    "parse_days",
    "parse_referral_task",
    "poll_referrals",
    "read_referrals",
    "read_versioned",
    "referral_report",
    "referrals_command",
    "report_json",
    "report_table",
    "resume",
    "retry_on_conflict",
    "subscription_support",
    "task_subscription",
    "update_if_match",
]
