"""Closing the referral loop: follow referral Tasks, change them safely, report stuck ones.

Pure parts (lifecycle, state, changes, report) know FHIR JSON but no transport; the server
parts (``follow``, ``subscriptions``) go through one adapter module (``transport``).
"""

from commcare_ext.followup.answers import FollowUpAnswers, ReferralFeedback, read_follow_up
from commcare_ext.followup.assessment import find_baseline, follow_up_context
from commcare_ext.followup.changes import (
    Change,
    cancel,
    hold,
    mark_outcome_reviewed,
    resume,
)
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
from commcare_ext.followup.form import (
    SPANISH_REVIEW_NOTE,
    FollowUpObstacle,
    Helpfulness,
    Reached,
    build_follow_up_questionnaire,
    prefill_follow_up,
    support_name,
)
from commcare_ext.followup.lifecycle import Actor, TaskStatus, allowed
from commcare_ext.followup.parties import Parties, referral_parties
from commcare_ext.followup.progress import compare_measures, measurement_lines
from commcare_ext.followup.record import (
    Baseline,
    baseline_from_intake,
    baseline_from_observations,
    follow_up_transaction,
)
from commcare_ext.followup.report import (
    Attention,
    ReportEntry,
    StuckPolicy,
    SummarySection,
    parse_days,
    referral_report,
    referrals_summary_section,
    report_json,
    summary_section,
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
from commcare_ext.followup.table import report_table, report_with_parties
from commcare_ext.followup.timeline import (
    EventKind,
    FollowUpEntry,
    ReferralHistory,
    TimelineEvent,
    referral_history,
    timeline_events,
)
from commcare_ext.followup.timeline_render import timeline_html, timeline_text
from commcare_ext.followup.transport import Versioned, read_versioned, update_if_match
from commcare_ext.instruments.mos_sss.compare import (
    NO_THRESHOLD_NOTE,
    ScaleChange,
    SupportComparison,
    compare_support,
)

__all__ = [
    "NO_THRESHOLD_NOTE",
    "SPANISH_REVIEW_NOTE",
    "Actor",
    "Attention",
    "Baseline",
    "BaselineError",
    "Change",
    "ChangeResult",
    "EventKind",
    "FollowUpAnswers",
    "FollowUpEntry",
    "FollowUpObstacle",
    "FollowUpResponseError",
    "FollowupError",
    "Helpfulness",
    "Notification",
    "NotificationMode",
    "OutcomeKind",
    "OutcomeReview",
    "Parties",
    "PollCursor",
    "PollResult",
    "Problem",
    "Reached",
    "ReferralConflict",
    "ReferralFeedback",
    "ReferralHistory",
    "ReferralScope",
    "ReferralState",
    "ReferralTaskError",
    "Referrals",
    "ReportEntry",
    "ReportOptionError",
    "ScaleChange",
    "StuckPolicy",
    "SubscriptionSupport",
    "SummarySection",
    "SupportComparison",
    "TaskOutput",
    "TaskStatus",
    "TimelineEvent",
    "TransitionNotAllowed",
    "Unreadable",
    "Versioned",
    "allowed",
    "apply_change",
    "baseline_from_intake",
    "baseline_from_observations",
    "build_follow_up_questionnaire",
    "cancel",
    "change_referral",
    "choose_notification",
    "compare_measures",
    "compare_support",
    "find_baseline",
    "follow_up_context",
    "follow_up_transaction",
    "hold",
    "mark_outcome_reviewed",
    "measurement_lines",
    "parse_days",
    "parse_referral_task",
    "poll_referrals",
    "prefill_follow_up",
    "read_follow_up",
    "read_referrals",
    "read_versioned",
    "referral_history",
    "referral_parties",
    "referral_report",
    "referrals_summary_section",
    "report_json",
    "report_table",
    "report_with_parties",
    "resume",
    "retry_on_conflict",
    "subscription_support",
    "summary_section",
    "support_name",
    "task_subscription",
    "timeline_events",
    "timeline_html",
    "timeline_text",
    "update_if_match",
]
