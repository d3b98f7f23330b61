"""The patient timeline: events from Task history and follow-ups; accessible HTML and text."""

import re
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest

from commcare_ext.followup import (
    TaskStatus,
    compare_support,
    mark_outcome_reviewed,
    parse_referral_task,
)
from commcare_ext.followup.answers import read_follow_up
from commcare_ext.followup.record import baseline_from_intake
from commcare_ext.followup.timeline import (
    EventKind,
    FollowUpEntry,
    ReferralHistory,
    referral_history,
    timeline_events,
)
from commcare_ext.followup.timeline_render import STYLE, timeline_html, timeline_text
from commcare_ext.instruments import MosSocialSupport, score_mos_sss
from tests.fixtures import load_example
from tests.followup.helpers import extracted_task, recipient_update
from tests.followup.server import Recipient, clinic_client, post_referrals
from tests.followup.test_assessment import _response

S = TaskStatus
NEW_YORK = ZoneInfo("America/New_York")
DAY = datetime(2026, 11, 3, 15, 0, tzinfo=UTC)


def _history() -> ReferralHistory:
    v1 = extracted_task(index=1)
    v2 = recipient_update(v1, S.ACCEPTED, now=DAY, business_status="Intake call booked")
    v3 = recipient_update(v2, S.ACCEPTED, now=DAY + timedelta(days=1), business_status="Attended")
    v4 = recipient_update(
        v3, S.COMPLETED, now=DAY + timedelta(days=5), outputs=("Observation/attended",)
    )
    v5 = mark_outcome_reviewed(now=DAY + timedelta(days=6), reviewer="Practitioner/dr-lee")(v4)
    assert v5 is not None
    return ReferralHistory(
        "Peer support group", tuple(parse_referral_task(v) for v in (v1, v2, v3, v4, v5))
    )


def _rejected() -> ReferralHistory:
    v1 = extracted_task(index=0)
    v2 = recipient_update(v1, S.REJECTED, now=DAY, reason="No <b>Spanish</b> group")
    return ReferralHistory("Faith community", (parse_referral_task(v1), parse_referral_task(v2)))


def _events() -> tuple:  # type: ignore[type-arg]
    intake = load_example("maria-garcia")
    answers = read_follow_up(_response())
    baseline = baseline_from_intake(intake)
    assert baseline is not None
    assert "mos-sss" in answers.measures
    comparison = compare_support(
        score_mos_sss(MosSocialSupport(answers=baseline.measures["mos-sss"].answers)),
        score_mos_sss(MosSocialSupport(answers=answers.measures["mos-sss"].answers)),
    )
    return timeline_events(
        intake_authored=intake.authored,
        referrals=[_history(), _rejected()],
        follow_ups=[FollowUpEntry(answers, comparison)],
    )


def test_events_tell_the_story_in_order() -> None:
    events = _events()
    assert [e.when for e in events] == sorted(e.when for e in events)
    assert [(e.kind, e.title) for e in events] == [
        (EventKind.INTAKE, "Intake completed"),
        (EventKind.REFERRAL_MADE, "Referral made: Peer support group"),
        (EventKind.REFERRAL_MADE, "Referral made: Faith community"),
        (EventKind.STATUS_CHANGE, "Peer support group: accepted"),
        (EventKind.STATUS_CHANGE, "Faith community: rejected"),
        (EventKind.UPDATE, "Peer support group: update"),
        (EventKind.STATUS_CHANGE, "Peer support group: completed"),
        (EventKind.OUTCOME_REPORTED, "Peer support group: outcome reported"),
        (EventKind.OUTCOME_REVIEWED, "Peer support group: outcome reviewed by Practitioner/dr-lee"),
        (EventKind.FOLLOW_UP, "Follow-up answered"),
    ]
    rejected = events[4]
    assert rejected.attention
    assert rejected.details == ("Reason: No <b>Spanish</b> group",)
    assert events[5].details == ("Business status: Attended",)
    follow_up = events[-1]
    assert follow_up.details[0] == (
        "Faith community — reached: no; what got in the way: Nobody got back to me, "
        "Getting there (transport); in their words: Solo abren cuando trabajo"
    )
    assert follow_up.details[1] == "Peer support group — reached: yes; helpful: very helpful"
    # every measurement is on the timeline, then its comparison with intake
    assert follow_up.details[2] == (
        "MOS Social Support Survey — Overall support index: 3.44 (0-100: 60.9); "
        "partial: 16 of 19 items answered [paraphrased wording]"
    )
    assert follow_up.details[3].startswith("Emotional and informational support: 34.4 at intake")


def test_without_history_only_the_current_state_is_shown_and_said_so() -> None:
    (_, *_, current) = _history().versions
    events = timeline_events(
        intake_authored=None, referrals=[ReferralHistory("Peer support group", (current,), False)]
    )
    assert [e.kind for e in events] == [
        EventKind.REFERRAL_MADE,
        EventKind.STATUS_CHANGE,
        EventKind.OUTCOME_REPORTED,
        EventKind.OUTCOME_REVIEWED,
    ]
    assert events[0].details == ("Task history not available: steps may be missing",)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.html_lang: str | None = None
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "html":
            self.html_lang = dict(attrs).get("lang")
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.external.append(value)


def test_the_html_has_headings_a_language_and_escapes_every_string() -> None:
    html = timeline_html(_events(), title="María José García: after intake", zone=NEW_YORK)
    page = _Page()
    page.feed(html)
    assert page.html_lang == "en"
    assert page.tags.count("h1") == 1
    assert page.tags.count("h2") == 6  # 2 Nov (intake, referrals), 3, 4, 8, 9 Nov, 14 Dec
    assert page.tags.count("h3") == 10
    assert page.external == []
    assert "<script" not in html
    assert "No &lt;b&gt;Spanish&lt;/b&gt; group" in html
    assert "<b>Spanish" not in html
    assert '<time datetime="2026-11-02">2 November 2026</time>' in html
    assert '<li class="event attention">' in html


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_text_colour_meets_wcag_aa_on_the_background() -> None:
    background = re.search(r"background:(#[0-9a-f]{6})", STYLE)
    assert background is not None
    colours = re.findall(r"(?<![-\w])color:(#[0-9a-f]{6})", STYLE)
    assert len(colours) == 3
    light = _luminance(background[1])
    for colour in colours:
        dark = _luminance(colour)
        ratio = (max(light, dark) + 0.05) / (min(light, dark) + 0.05)
        assert ratio >= 4.5, f"{colour} on {background[1]}: {ratio:.2f}"


def test_times_are_shown_on_the_clinics_clock_across_the_dst_change() -> None:
    v1 = extracted_task()
    v1["authoredOn"] = "2026-11-01T05:30:00Z"  # 01:30 EDT, the first of two 01:30s
    v2 = recipient_update(v1, S.RECEIVED, now=datetime(2026, 11, 1, 6, 30, tzinfo=UTC))
    events = timeline_events(
        intake_authored=None,
        referrals=[ReferralHistory("Faith community", tuple(map(parse_referral_task, (v1, v2))))],
    )
    text = timeline_text(events, title="Timeline", zone=NEW_YORK)
    assert text.splitlines()[3:6] == [
        "1 November 2026",
        "---------------",
        "01:30  Referral: Referral made: Faith community",
    ]
    assert "01:30  Status: Faith community: received" in text  # 06:30Z is 01:30 EST


def test_the_text_timeline_flags_what_needs_attention() -> None:
    text = timeline_text(_events(), title="Timeline")
    assert "!! Status: Faith community: rejected" in text
    assert "       - Reason: No <b>Spanish</b> group" in text
    assert timeline_text((), title="Empty").endswith("Nothing recorded yet.\n")


@pytest.mark.integration
def test_history_from_the_server_becomes_the_timeline(server_url: str) -> None:
    posted = post_referrals(server_url)
    recipient = Recipient(server_url)
    peer = posted.tasks[1]
    recipient.move(peer, S.ACCEPTED, now=DAY)
    recipient.move(peer, S.IN_PROGRESS, now=DAY + timedelta(days=1))
    clinic = clinic_client(server_url)
    state = parse_referral_task(clinic.read("Task", peer))
    history = referral_history(clinic, state, "Peer support group")
    assert history.complete
    assert [v.status for v in history.versions] == [S.REQUESTED, S.ACCEPTED, S.IN_PROGRESS]
    titles = [e.title for e in timeline_events(intake_authored=None, referrals=[history])]
    assert titles == [
        "Referral made: Peer support group",
        "Peer support group: accepted",
        "Peer support group: in-progress",
    ]
