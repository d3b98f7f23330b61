"""What the clinician summary says, as plain data: both the HTML and the text render it."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from commcare_ext.instruments import score_mos_sss
from commcare_ext.intake import Intake
from commcare_ext.terminology.answers import COMMON_LANGUAGES, answer_set_for


def language_name(tag: str) -> str:
    """A language tag as people read it: "Somali (so)", or the tag when we have no name."""
    primary = tag.split("-", maxsplit=1)[0].lower()
    for option in COMMON_LANGUAGES:
        if option.code.code in (tag, primary):
            return f"{option.display_en} ({tag})"
    return tag


def answer_label(member: StrEnum) -> str:
    """The English display of an intake answer, as the form shows it (e.g. "Very important")."""
    return answer_set_for(type(member)).answer(member).display_en


@dataclass(frozen=True, slots=True)
class Section:
    """A heading with label/value rows and, optionally, a table."""

    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    table_header: tuple[str, ...] = ()
    table: Sequence[tuple[str, ...]] = field(default_factory=list)
    alert: str | None = None


def summary_sections(intake: Intake) -> tuple[str, list[Section]]:
    """The summary's title and sections, in the order a clinician reads them."""
    who = intake.patient
    name = " ".join(p for p in (who.given_name, who.family_name) if p) or "Patient"
    title = f"Intake summary: {name}"
    language = intake.language
    formulation = intake.formulation
    sections = [
        Section(
            "About the patient",
            [
                ("Intake date", intake.authored.date().isoformat()),
                ("Answered by", answer_label(intake.respondent)),
                (
                    "Language",
                    language_name(language.preferred_language)
                    + (", interpreter needed" if language.interpreter_needed else ""),
                ),
                ("Cultural identity", language.cultural_identity or ""),
                ("Faith or spirituality", language.religion_or_spirituality or ""),
            ],
        ),
        Section(
            "The problem in the patient's words",
            [
                ("In their words", formulation.problem_in_own_words),
                ("How others name it", formulation.problem_name_used_by_others or ""),
                (
                    "Perceived causes",
                    ", ".join(answer_label(c) for c in formulation.perceived_causes),
                ),
                ("Help wanted now", formulation.help_wanted_now or ""),
                ("Worries about care", formulation.worries_about_care or ""),
            ],
        ),
    ]
    people = [
        (
            person.name,
            answer_label(person.relationship)
            + (f" ({person.relationship_detail})" if person.relationship_detail else ""),
            "DO NOT CONTACT"
            if person.do_not_contact
            else answer_label(person.involvement)
            if person.involvement
            else "",
            ", ".join(answer_label(s) for s in person.may_share) or "nothing",
        )
        for person in intake.support_persons
    ]
    barred = intake.do_not_contact_persons()
    sections.append(
        Section(
            "Support network",
            [("Decisions", answer_label(intake.decision_style) if intake.decision_style else "")],
            ("Name", "Relationship", "Involvement", "May be told"),
            people,
            alert=(
                "Do not contact or inform: " + ", ".join(p.name for p in barred) if barred else None
            ),
        )
    )
    privacy = intake.privacy
    sections.append(
        Section(
            "Stigma and privacy",
            [
                (
                    "Concerns",
                    ", ".join(answer_label(c) for c in privacy.concerns) or "none reported",
                ),
                ("In their words", privacy.concerns_in_own_words or ""),
                (
                    "Contact rules",
                    ", ".join(answer_label(c) for c in privacy.discreet_contact) or "none",
                ),
                ("Safe contact", privacy.safe_contact_notes or ""),
            ],
        )
    )
    sections.append(
        Section(
            "Barriers to care",
            [
                (
                    "Barriers",
                    ", ".join(answer_label(b) for b in intake.barriers.barriers) or "none reported",
                ),
                ("Details", intake.barriers.details or ""),
            ],
        )
    )
    if intake.social_support is not None:
        scores = score_mos_sss(intake.social_support)
        sections.append(
            Section(
                "Social support (MOS-SSS, 0-100)",
                table_header=("Scale", "Score"),
                table=[(n, s) for n, s in scores.as_display_rows()],
            )
        )
    care = intake.care
    consent = {True: "patient consents", False: "patient declined referral", None: "not asked"}
    sections.append(
        Section(
            "Suggested referrals",
            [
                (
                    "Community supports wanted",
                    ", ".join(answer_label(s) for s in care.preferred_supports) or "none",
                ),
                ("Referral", consent[care.referral_consent]),
                (
                    "May be shared with the organisation",
                    ", ".join(answer_label(s) for s in care.referral_share),
                ),
                (
                    "Clinician",
                    ", ".join(
                        f"{what}: {answer_label(value)}"
                        for what, value in (
                            ("language", care.language_concordant_clinician),
                            ("culture", care.cultural_background_match),
                            ("gender", care.clinician_gender),
                            ("visits", care.visit_mode),
                            ("sessions", care.therapy_format),
                        )
                        if value is not None
                    ),
                ),
            ],
        )
    )
    return title, sections
