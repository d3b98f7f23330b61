"""What the clinician summary says, as plain data: both the HTML and the text render it.

Labels are clinician-facing (``labels``), headings and notes come from ``words``, all in the
summary's language; the patient's own words are kept exactly as written and flagged, so the
renderers can mark their language and direction.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from commcare_ext.intake import IdiomOfDistress, Intake, SupportPerson
from commcare_ext.summary.labels import clinician_label, idiom_meaning
from commcare_ext.summary.measures import measure_sections
from commcare_ext.summary.parts import Row, Section
from commcare_ext.summary.risk import risk_banner
from commcare_ext.summary.words import join_list, word
from commcare_ext.terminology.answers import COMMON_LANGUAGES, answer_set_for
from commcare_ext.terminology.catalogue import code_display
from commcare_ext.terminology.languages import form_language


def language_name(tag: str, language: str = "en") -> str:
    """A language tag as people read it: "Somali (so)", or the tag when we have no name."""
    primary = tag.split("-", maxsplit=1)[0].lower()
    for option in COMMON_LANGUAGES:
        if option.code.code in (tag, primary):
            return word(
                language, "language-name", name=code_display(option.code, language), tag=tag
            )
    return tag


def answer_label(member: StrEnum, language: str = "en") -> str:
    """An intake answer as the form shows it (e.g. "Very important"), in ``language``."""
    return code_display(answer_set_for(type(member)).answer(member).code, language)


@dataclass(frozen=True, slots=True)
class Summary:
    """The whole summary: title (holds the patient's name), the supplement note, sections."""

    title: str
    note: str
    sections: list[Section]
    language: str
    patient_language: str
    #: The suicide-risk banner, shown before anything else.
    banner: Section | None = None


def _labels(members: Sequence[StrEnum], language: str, empty: str = "") -> str:
    return join_list((clinician_label(m, language) for m in members), language) or empty


def build_summary(
    intake: Intake, language: str = "en", extra_sections: Sequence[Section] = ()
) -> Summary:
    """The summary of ``intake`` in ``language`` (a published BCP-47 tag).

    ``extra_sections`` come last: what other rooms know and the intake does not, such as
    the matched community services or where each referral stands.
    """
    chosen = form_language(language).value
    who = intake.patient
    name = " ".join(p for p in (who.given_name, who.family_name) if p) or word(chosen, "patient")
    sections = [
        _about(intake, chosen),
        _problem(intake, chosen),
        _network(intake, chosen),
        _privacy(intake, chosen),
        _barriers(intake, chosen),
    ]
    sections.extend(measure_sections(intake.measures, chosen))
    sections.append(_care(intake, chosen))
    sections.extend(extra_sections)
    return Summary(
        word(chosen, "title", name=name),
        word(chosen, "supplement"),
        sections,
        chosen,
        intake.language.preferred_language,
        risk_banner(intake, chosen),
    )


def _own_or_label(member: StrEnum | None, words: str | None, lang: str) -> str:
    """An answer's clinician label, or the person's own words when they chose them."""
    if member is None:
        return ""
    return words or clinician_label(member, lang)


def _identity_rows(intake: Intake, lang: str) -> list[Row]:
    who = intake.identity
    needed = who.professional_interpreter_needed
    return [
        Row(
            word(lang, "gender"),
            _own_or_label(who.gender_identity, who.gender_identity_own_words, lang),
            own_words=who.gender_identity_own_words is not None,
        ),
        Row(
            word(lang, "pronouns"),
            _own_or_label(who.pronouns, who.pronouns_own_words, lang),
            own_words=who.pronouns_own_words is not None,
        ),
        Row(word(lang, "communication"), _labels(who.communication_needs, lang)),
        Row(
            word(lang, "interpreter-today"),
            clinician_label(who.interpreter_today, lang) if who.interpreter_today else "",
        ),
        Row(
            word(lang, "professional-interpreter"),
            "" if needed is None else word(lang, "yes" if needed else "no"),
        ),
        Row(
            word(lang, "clinician-language"),
            language_name(who.clinician_language, lang) if who.clinician_language else "",
        ),
        Row(
            word(lang, "migration"),
            _own_or_label(who.migration_status, who.migration_own_words, lang),
            own_words=who.migration_own_words is not None,
        ),
    ]


def _about(intake: Intake, lang: str) -> Section:
    language = intake.language
    spoken = language_name(language.preferred_language, lang)
    if language.interpreter_needed:
        spoken = word(lang, "interpreter-needed", language=spoken)
    birth = intake.patient.birth_date
    importance = language.spirituality_importance
    return Section(
        word(lang, "about"),
        [
            Row(word(lang, "mrn"), intake.patient.identifier_value),
            Row(word(lang, "birth-date"), birth.isoformat() if birth else ""),
            Row(word(lang, "intake-date"), intake.authored.date().isoformat()),
            Row(word(lang, "answered-by"), answer_label(intake.respondent, lang)),
            Row(word(lang, "language"), spoken),
            Row(word(lang, "cultural-identity"), language.cultural_identity or "", own_words=True),
            Row(word(lang, "faith"), language.religion_or_spirituality or "", own_words=True),
            Row(
                word(lang, "faith-importance"), answer_label(importance, lang) if importance else ""
            ),
            *_identity_rows(intake, lang),
        ],
    )


def _problem(intake: Intake, lang: str) -> Section:
    formulation = intake.formulation
    return Section(
        word(lang, "problem"),
        [
            Row(word(lang, "in-their-words"), formulation.problem_in_own_words, own_words=True),
            Row(word(lang, "own-name"), formulation.own_name_for_trouble or "", own_words=True),
            Row(word(lang, "idiom"), _idiom(formulation.idiom_of_distress, lang)),
            Row(
                word(lang, "others-name"),
                formulation.problem_name_used_by_others or "",
                own_words=True,
            ),
            Row(word(lang, "causes"), _labels(formulation.perceived_causes, lang)),
            Row(word(lang, "cause-words"), formulation.cause_in_own_words or "", own_words=True),
            Row(word(lang, "help-wanted"), formulation.help_wanted_now or "", own_words=True),
            Row(word(lang, "worries"), formulation.worries_about_care or "", own_words=True),
        ],
    )


def _idiom(idiom: IdiomOfDistress | None, lang: str) -> str:
    """One sentence on a coded idiom; it sits below the person's words, never instead."""
    if idiom is None:
        return ""
    return word(
        lang, "idiom-explained", name=answer_label(idiom, lang), meaning=idiom_meaning(idiom, lang)
    )


def _contact(person: SupportPerson, lang: str) -> str:
    if person.do_not_contact:
        return word(lang, "contact-never")
    return word(lang, "contact-emergency" if person.emergency_contact else "contact-yes")


def _network(intake: Intake, lang: str) -> Section:
    people = [
        (
            person.name,
            answer_label(person.relationship, lang)
            + (f" ({person.relationship_detail})" if person.relationship_detail else ""),
            _contact(person, lang),
            "" if person.do_not_contact else person.phone or "",
            clinician_label(person.involvement, lang) if person.involvement else "",
            _labels(person.may_share, lang, word(lang, "nothing")),
        )
        for person in intake.support_persons
    ]
    barred = intake.do_not_contact_persons()
    style = intake.decision_style
    return Section(
        word(lang, "network"),
        [Row(word(lang, "decisions"), clinician_label(style, lang) if style else "")],
        tuple(
            word(lang, key)
            for key in (
                "col-name",
                "col-relationship",
                "col-contact",
                "col-phone",
                "col-involvement",
                "col-may-be-told",
            )
        ),
        people,
        (True, False, False, False, False, False),
        alert=(
            word(lang, "do-not-contact", names=join_list((p.name for p in barred), lang))
            if barred
            else None
        ),
    )


def _privacy(intake: Intake, lang: str) -> Section:
    privacy = intake.privacy
    return Section(
        word(lang, "privacy"),
        [
            Row(
                word(lang, "concerns"), _labels(privacy.concerns, lang, word(lang, "none-reported"))
            ),
            Row(word(lang, "in-their-words"), privacy.concerns_in_own_words or "", own_words=True),
            Row(
                word(lang, "contact-rules"),
                _labels(privacy.discreet_contact, lang, word(lang, "none")),
            ),
            Row(word(lang, "safe-contact"), privacy.safe_contact_notes or "", own_words=True),
        ],
    )


def _barriers(intake: Intake, lang: str) -> Section:
    barriers = intake.barriers
    return Section(
        word(lang, "barriers"),
        [
            Row(
                word(lang, "barrier-list"),
                _labels(barriers.barriers, lang, word(lang, "none-reported")),
            ),
            Row(word(lang, "details"), barriers.details or "", own_words=True),
        ],
    )


def _care(intake: Intake, lang: str) -> Section:
    care = intake.care
    consent = {True: "consent-yes", False: "consent-no", None: "consent-not-asked"}
    # Each wish about the clinician is a row of its own, labelled in the summary's language.
    preferences = [
        Row(f"{word(lang, 'clinician')}: {word(lang, key)}", clinician_label(value, lang))
        for key, value in (
            ("pref-language", care.language_concordant_clinician),
            ("pref-culture", care.cultural_background_match),
            ("pref-gender", care.clinician_gender),
            ("pref-visits", care.visit_mode),
            ("pref-sessions", care.therapy_format),
        )
        if value is not None
    ]
    return Section(
        word(lang, "care"),
        [
            Row(
                word(lang, "supports-wanted"),
                _labels(care.preferred_supports, lang, word(lang, "none")),
            ),
            Row(word(lang, "referral"), word(lang, consent[care.referral_consent])),
            Row(word(lang, "referral-share"), _labels(care.referral_share, lang)),
            *preferences,
        ],
    )
