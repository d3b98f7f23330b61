"""Hypothesis strategies for intakes: every test that needs generated intakes draws from here."""

import copy
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from hypothesis import strategies as st

from commcare_ext.instruments import MOS_SSS_ITEMS
from commcare_ext.intake import (
    AccessBarrier,
    ClinicianGender,
    CommunicationNeed,
    DecisionStyle,
    DiscreetContact,
    GenderIdentity,
    HelpSource,
    IdiomOfDistress,
    Intake,
    InterpreterToday,
    Involvement,
    MigrationStatus,
    PerceivedCause,
    PreferenceStrength,
    Pronouns,
    ReferralShare,
    Relationship,
    Respondent,
    ShareCategory,
    SpiritualImportance,
    StigmaConcern,
    SupportType,
    TherapyFormat,
    VisitMode,
)

E = TypeVar("E", bound=StrEnum)

_WORDS = st.sampled_from(
    [
        "nervios",
        "thinking too much",
        "my heart is heavy",
        "不开心",
        "buồn phiền",
        "stress at work",
        "I can't sleep",
        "árbol",
        "family",
        "hózhó",
    ]
)
patient_text = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join)
short_text = st.sampled_from(["Rosa", "Trần Thị Lan", "Hodan Ali", "Sam O'Neil", "Łucja", "Ngozi"])
#: Support persons' names: disjoint from patients' names and details, so tests can search for them.
person_names = st.sampled_from(
    ["Abebe Girma", "Marisol Vega", "Nguyễn Văn An", "Fatuma Warsame", "Dmitri Orlov", "Aiyana Tso"]
)
relationship_details = st.sampled_from(["pastor at my church", "my cousin's husband", "old friend"])
language_tags = st.sampled_from(
    ["en", "es", "es-MX", "vi", "zh-Hant", "so", "ar", "nv", "pt-BR", "ti"]
)
phones = st.sampled_from(["+1 555 010 0100", "(408) 555-0161", "612-555-0114", "+52 443 555 0188"])
emails = st.sampled_from(["a.person@example.org", "x@example.net"])


def enum_list(enum: type[E], *, exclude: tuple[E, ...] = ()) -> st.SearchStrategy[list[E]]:
    """A duplicate-free list of members of ``enum``."""
    members = [m for m in enum if m not in exclude]
    return st.lists(st.sampled_from(members), unique=True, max_size=len(members))


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``strategy`` or None."""
    return st.none() | strategy


# -- Hostile text: what a paste, a renderer or an attacker can put in a name or free text. --

#: Characters XML or FHIR cannot carry, whitespace-like controls, markup, and fine rare ones.
_TRICKY = st.sampled_from(
    [
        "\x00",
        "\x01",
        "\v",
        "\f",
        "\x1b",
        "\x7f",
        "\x85",
        "\x9f",
        "\ud800",
        "\ufdd0",
        "\ufffe",
        "\uffff",
        "\U0010fffe",
        "\t",
        "\n",
        "\r",
        "\u2028",
        "\u00a0",
        "<script>alert(1)</script>",
        "&amp;",
        "]]>",
        "'\"",
        "\U0001f600",
    ]
)
#: Text mixing ordinary words with anything Unicode holds (controls included).
hostile_text = st.lists(
    _WORDS | _TRICKY | st.text(max_size=4) | st.characters(codec=None), min_size=1, max_size=6
).map("".join)

#: Where an intake holds names and free text, as (section, field) or a support person's field.
TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("patient", "given_name"),
    ("patient", "family_name"),
    ("language", "cultural_identity"),
    ("language", "religion_or_spirituality"),
    ("formulation", "problem_in_own_words"),
    ("formulation", "own_name_for_trouble"),
    ("formulation", "current_stressors"),
    ("formulation", "worries_about_care"),
    ("privacy", "safe_contact_notes"),
)
PERSON_TEXT_FIELDS = ("name", "relationship_detail")


@st.composite
def intake_data_with_text(draw: st.DrawFn) -> dict[str, Any]:
    """A valid intake's JSON with hostile text put into its names and free-text answers.

    It may no longer validate: that is the point (plain-text rules decide).
    """
    data: dict[str, Any] = draw(intakes()).model_dump(mode="json")
    for section, field in TEXT_FIELDS:
        if draw(st.booleans()):
            data[section][field] = draw(hostile_text)
    for person in data["support_persons"]:
        for field in PERSON_TEXT_FIELDS:
            if draw(st.booleans()):
                person[field] = draw(hostile_text)
    return data


# -- Hostile input: arbitrary JSON, and valid responses with one part broken. --

#: Keys and words a QuestionnaireResponse uses, so generated JSON reaches deep into the reader.
_FHIR_KEYS = st.sampled_from(
    [
        "resourceType",
        "questionnaire",
        "status",
        "identifier",
        "subject",
        "authored",
        "item",
        "linkId",
        "text",
        "answer",
        "system",
        "value",
        "code",
        "valueBoolean",
        "valueString",
        "valueDate",
        "valueDateTime",
        "valueInteger",
        "valueDecimal",
        "valueCoding",
    ]
)
_FHIR_WORDS = st.sampled_from(
    [
        "QuestionnaireResponse",
        "completed",
        "https://fhir.commcare-ext.org/Questionnaire/cultural-intake|0.1.0",
        "https://fhir.commcare-ext.org/CodeSystem/commcare-intake",
        "urn:ietf:bcp:47",
        "http://loinc.org",
        "language",
        "language.preferred",
        "network",
        "network.person",
        "network.person.do-not-contact",
        "privacy.has-concerns",
        "barriers.any",
        "social-support.mos-sss-01",
        "LA6297-1",
        "1991-03-02",
        "2026-03-01T10:00:00Z",
    ]
)
json_scalars: st.SearchStrategy[Any] = (
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | _FHIR_WORDS
)
#: Any JSON value (NaN and infinities included, as Python's json module reads them).
json_values: st.SearchStrategy[Any] = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(_FHIR_KEYS | st.text(max_size=6), children, max_size=5)
    ),
    max_leaves=16,
)

Path = tuple[str | int, ...]


def json_paths(value: Any, path: Path = ()) -> list[Path]:
    """The path of every node below ``value`` (dict keys and list indexes), parents first."""
    found: list[Path] = []
    children: list[tuple[str | int, Any]] = []
    if isinstance(value, dict):
        children = list(value.items())
    elif isinstance(value, list):
        children = list(enumerate(value))
    for key, child in children:
        found.append((*path, key))
        found.extend(json_paths(child, (*path, key)))
    return found


def _mutate(document: Any, path: Path, operation: str, replacement: Any) -> None:
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if operation == "delete":
        del parent[last]
    elif operation == "replace":
        parent[last] = replacement
    elif operation == "wrap":
        parent[last] = [parent[last]]
    elif operation == "duplicate" and isinstance(parent, list):
        parent.insert(int(last), copy.deepcopy(parent[int(last)]))
    else:
        parent[last] = {"item": [parent[last]], "answer": replacement}


def _answers() -> st.SearchStrategy[Any]:
    coding = st.fixed_dictionaries(
        {"system": _FHIR_WORDS | json_scalars, "code": _FHIR_WORDS | json_scalars}
    )
    answer = st.dictionaries(
        st.sampled_from(["valueBoolean", "valueString", "valueDate", "valueCoding", "item"]),
        json_scalars | coding | json_values,
        max_size=2,
    )
    return st.lists(answer | json_scalars, max_size=3) | json_values


def response_shaped(link_ids: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """A QuestionnaireResponse header that reads, over items of the form's linkIds whose
    answers and nesting are anything at all."""
    item = st.recursive(
        st.fixed_dictionaries(
            {"linkId": st.sampled_from(link_ids)}, optional={"answer": _answers()}
        ),
        lambda children: st.fixed_dictionaries(
            {"linkId": st.sampled_from(link_ids)},
            optional={"item": st.lists(children, max_size=4) | children, "answer": _answers()},
        ),
        max_leaves=12,
    )
    return st.fixed_dictionaries(
        {
            "resourceType": st.just("QuestionnaireResponse"),
            "questionnaire": st.just(
                "https://fhir.commcare-ext.org/Questionnaire/cultural-intake|0.1.0"
            ),
            "status": st.just("completed"),
            "identifier": st.just(
                {"system": "https://fhir.commcare-ext.org/identifier/intake", "value": "fuzz-1"}
            ),
            "subject": st.just({"identifier": {"system": "urn:oid:1.2.3", "value": "MRN-1"}}),
            "authored": st.just("2026-03-01T10:00:00Z") | json_scalars,
            "item": st.lists(item, max_size=6),
        }
    )


@st.composite
def mutated(draw: st.DrawFn, bases: list[dict[str, Any]]) -> dict[str, Any]:
    """One of ``bases`` (valid responses), deep-copied, with one to three parts broken."""
    document: dict[str, Any] = copy.deepcopy(draw(st.sampled_from(bases)))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        paths = json_paths(document)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        operation = draw(st.sampled_from(["delete", "replace", "wrap", "duplicate", "nest"]))
        _mutate(document, path, operation, draw(json_values))
    return document


@st.composite
def support_persons(draw: st.DrawFn) -> dict[str, Any]:
    """A support person: contactable with involvement, or marked do-not-contact."""
    person: dict[str, Any] = {
        "name": draw(person_names),
        "relationship": draw(st.sampled_from(list(Relationship))),
        "relationship_detail": draw(optional(relationship_details)),
    }
    if draw(st.booleans()):
        person["do_not_contact"] = True
        person["do_not_contact_reason"] = draw(optional(patient_text))
        return person
    involvement = draw(st.sampled_from(list(Involvement)))
    person.update(
        phone=draw(optional(phones)),
        email=draw(optional(emails)),
        involvement=involvement,
        emergency_contact=draw(st.booleans()),
        may_share=[] if involvement is Involvement.NONE else draw(enum_list(ShareCategory)),
    )
    return person


_SCREEN_ANSWER = st.sampled_from([True, False, None])  # None: not answered


@st.composite
def asq_answers(draw: st.DrawFn) -> dict[str, bool]:
    """ASQ answers as the form collects them: 5 is asked after a "yes" to 1-4."""
    core = {str(n): draw(_SCREEN_ANSWER) for n in range(1, 5)}
    answers = {k: v for k, v in core.items() if v is not None}
    if any(v is True for v in core.values()):
        acuity = draw(_SCREEN_ANSWER)
        if acuity is not None:
            answers["5"] = acuity
    return answers


@st.composite
def cssrs_answers(draw: st.DrawFn) -> dict[str, bool]:
    """C-SSRS screener answers: 3-5 only after "yes" to 2, 6b only after "yes" to 6."""
    drawn = {n: draw(_SCREEN_ANSWER) for n in ("1", "2", "6")}
    if drawn["2"] is True:
        drawn.update({n: draw(_SCREEN_ANSWER) for n in ("3", "4", "5")})
    if drawn["6"] is True:
        drawn["6b"] = draw(_SCREEN_ANSWER)
    return {k: v for k, v in drawn.items() if v is not None}


def safety_screens() -> st.SearchStrategy[dict[str, Any]]:
    """A suicide-risk screen of either kind, as intake data."""
    return st.one_of(
        asq_answers().map(lambda a: {"screen": "asq", "answers": a}),
        cssrs_answers().map(lambda a: {"screen": "c-ssrs-screen", "answers": a}),
    )


@st.composite
def intakes(draw: st.DrawFn) -> Intake:
    """A valid, varied intake."""
    importance = draw(optional(st.sampled_from(list(SpiritualImportance))))
    preferred = draw(language_tags)
    past_help = draw(st.just([HelpSource.NONE]) | enum_list(HelpSource, exclude=(HelpSource.NONE,)))
    supports = draw(enum_list(SupportType))
    consent = draw(optional(st.booleans())) if supports else None
    has_concerns = draw(optional(st.booleans()))
    has_barriers = draw(optional(st.booleans()))
    mos_items = draw(
        optional(
            st.dictionaries(
                st.sampled_from([item.number for item in MOS_SSS_ITEMS]),
                st.integers(min_value=1, max_value=5),
                min_size=1,
            )
        )
    )
    data: dict[str, Any] = {
        "intake_id": draw(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9\-]{0,20}", fullmatch=True)),
        "patient": {
            "identifier_system": "https://clinic.example.org/fhir/mrn",
            "identifier_value": draw(st.from_regex(r"MRN-[0-9]{4,8}", fullmatch=True)),
            "given_name": draw(optional(short_text)),
            "family_name": draw(optional(short_text)),
            "birth_date": draw(optional(st.dates(date(1920, 1, 1), date(2010, 12, 31)))),
        },
        "authored": draw(
            st.datetimes(datetime(2024, 1, 1), datetime(2026, 11, 1)).map(
                lambda d: d.replace(microsecond=0, tzinfo=UTC) + timedelta(0)
            )
        ),
        "respondent": draw(st.sampled_from(list(Respondent))),
        "language": {
            "preferred_language": preferred,
            "interpreter_needed": draw(st.booleans()),
            "other_languages": [
                t for t in draw(st.lists(language_tags, unique=True, max_size=3)) if t != preferred
            ],
            "cultural_identity": draw(optional(patient_text)),
            "religion_or_spirituality": draw(optional(short_text)),
            "spirituality_importance": importance,
            "spirituality_role": (
                draw(optional(patient_text))
                if importance
                in (SpiritualImportance.SOMEWHAT_IMPORTANT, SpiritualImportance.VERY_IMPORTANT)
                else None
            ),
        },
        "formulation": {
            "problem_in_own_words": draw(patient_text),
            "problem_name_used_by_others": draw(optional(patient_text)),
            "own_name_for_trouble": draw(optional(patient_text)),
            "idiom_of_distress": draw(optional(st.sampled_from(list(IdiomOfDistress)))),
            "perceived_causes": draw(
                st.just([PerceivedCause.UNKNOWN])
                | enum_list(PerceivedCause, exclude=(PerceivedCause.UNKNOWN,))
            ),
            "current_stressors": draw(optional(patient_text)),
            "past_help_sources": past_help,
            "past_help_experience": draw(optional(patient_text)) if past_help else None,
            "worries_about_care": draw(optional(patient_text)),
        },
        "decision_style": draw(optional(st.sampled_from(list(DecisionStyle)))),
        "support_persons": draw(
            st.lists(support_persons(), max_size=4, unique_by=lambda person: person["name"])
        ),
        "care": {
            "preferred_supports": supports,
            "preferred_supports_detail": draw(optional(patient_text)) if supports else None,
            "language_concordant_clinician": draw(
                optional(st.sampled_from(list(PreferenceStrength)))
            ),
            "cultural_background_match": draw(optional(st.sampled_from(list(PreferenceStrength)))),
            "clinician_gender": draw(optional(st.sampled_from(list(ClinicianGender)))),
            "visit_mode": draw(optional(st.sampled_from(list(VisitMode)))),
            "therapy_format": draw(optional(st.sampled_from(list(TherapyFormat)))),
            "referral_consent": consent,
            "referral_share": draw(enum_list(ReferralShare)) if consent else [],
            "community_referral_declined": None if supports else draw(optional(st.booleans())),
        },
        "privacy": {
            "has_concerns": has_concerns,
            "concerns": (
                draw(st.lists(st.sampled_from(list(StigmaConcern)), min_size=1, unique=True))
                if has_concerns
                else []
            ),
            "concerns_in_own_words": draw(optional(patient_text)) if has_concerns else None,
            "discreet_contact": draw(enum_list(DiscreetContact)),
            "safe_contact_notes": draw(optional(patient_text)),
        },
        "barriers": {
            "has_barriers": has_barriers,
            "barriers": (
                draw(st.lists(st.sampled_from(list(AccessBarrier)), min_size=1, unique=True))
                if has_barriers
                else []
            ),
            "details": draw(optional(patient_text)) if has_barriers else None,
        },
        "social_support": None if mos_items is None else {"answers": mos_items},
        "identity": draw(identities()),
        "safety_screen": draw(optional(safety_screens())),
    }
    return Intake.model_validate(data)


# -- Support networks: everyone a patient may name, for the "who may be contacted" rules. --


def support_networks() -> st.SearchStrategy[list[dict[str, Any]]]:
    """1-6 support persons with distinct names, contactable or not.

    Each is involved, "not involved" or do-not-contact; phone and e-mail are drawn wherever
    the model allows them, including for people who are not involved.
    """
    return st.lists(support_persons(), min_size=1, max_size=6, unique_by=lambda p: p["name"])


@st.composite
def intakes_with_networks(draw: st.DrawFn) -> Intake:
    """An intake with a generated support network and consent to community referrals.

    The sharing choices are drawn too, so in some intakes the network travels to the
    organisations (RelatedPersons in the referral messages) and in others it stays home.
    """
    data = draw(intakes()).model_dump(mode="json")
    data["support_persons"] = draw(support_networks())
    data["care"].update(
        preferred_supports=draw(
            st.lists(st.sampled_from(list(SupportType)), min_size=1, max_size=3, unique=True)
        ),
        referral_consent=True,
        referral_share=draw(enum_list(ReferralShare)),
        community_referral_declined=None,  # supports were just chosen
    )
    return Intake.model_validate(data)


#: Letters of the five form languages' scripts, and the marks that make scripts hard: Latin
#: with precomposed and combining accents (Spanish, Vietnamese in NFC and NFD), Han (common and
#: astral-plane), Arabic with harakat, tatweel and Arabic-Indic digits, bidi marks (RLM, LRM),
#: joiners (ZWJ, ZWNJ), and an emoji sequence.
_SCRIPT_PIECES = st.sampled_from(
    [
        "ñ",
        "Ñ",
        "á",
        "ü",
        "¿",
        "¡",
        "ệ",
        "ữ",
        "Đ",
        "e\u0302\u0301",
        "u\u031b\u0303",
        "心",
        "情",
        "不",
        "开",
        "\U00020000",
        "\u3000",
        "م",
        "ح",
        "ب",
        "ة",
        "\u064e",
        "\u0651",
        "\u0640",
        "٣",
        "٤",
        "\u200f",
        "\u200e",
        "\u200d",
        "\u200c",
        "\U0001f469\u200d\U0001f467",
    ]
)
#: One word in any of the five scripts (and mixed within a word, as names can be).
_SCRIPT_WORDS = st.lists(_SCRIPT_PIECES | st.sampled_from("abcXYZ'-"), min_size=1, max_size=8).map(
    "".join
)
#: A name or free text of words in any script, separated by spaces; starts and ends with a
#: letter so that trimming has nothing to remove (what is kept must be kept byte for byte).
multiscript_text = (
    st.lists(_SCRIPT_WORDS, min_size=1, max_size=6)
    .map(" ".join)
    .filter(lambda text: text == text.strip())
)


@st.composite
def identities(draw: st.DrawFn) -> dict[str, Any]:
    """Identity and communication answers: each optional, own words only when chosen."""
    gender = draw(optional(st.sampled_from(list(GenderIdentity))))
    pronouns = draw(optional(st.sampled_from(list(Pronouns))))
    migration = draw(optional(st.sampled_from(list(MigrationStatus))))
    return {
        "gender_identity": gender,
        "gender_identity_own_words": draw(short_text)
        if gender is GenderIdentity.OWN_WORDS
        else None,
        "pronouns": pronouns,
        "pronouns_own_words": "ze/zir" if pronouns is Pronouns.OWN_WORDS else None,
        "communication_needs": draw(enum_list(CommunicationNeed)),
        "interpreter_today": draw(optional(st.sampled_from(list(InterpreterToday)))),
        "professional_interpreter_needed": draw(optional(st.booleans())),
        "clinician_language": draw(optional(language_tags)),
        "migration_status": migration,
        "migration_own_words": (
            draw(patient_text) if migration is MigrationStatus.OWN_WORDS else None
        ),
    }


# --- 'Reaching supports' (intake.practical) and intakes that carry it -----------------------

from datetime import time  # noqa: E402 - this section joined the file later, at its end

from commcare_ext.intake import (  # noqa: E402
    DayOfWeek,
    DistanceUnit,
    EligibilityGroup,
    InternetAccess,
    PhoneAccess,
    TakingPart,
    TravelMode,
)

# Built once: building strategies inside a draw costs more than drawing from them.
_TIMES_OF_DAY = st.builds(
    time, st.integers(min_value=0, max_value=23), st.sampled_from([0, 15, 30, 45])
)
_DAYS = st.lists(st.sampled_from(list(DayOfWeek)), min_size=1, unique=True)
_DISTANCES = optional(
    st.floats(min_value=0.5, max_value=300, allow_nan=False).map(lambda x: round(x, 1))
)
_COORDINATES = optional(
    st.tuples(
        st.floats(min_value=-89.9, max_value=89.9, allow_nan=False),
        st.floats(min_value=-179.9, max_value=179.9, allow_nan=False),
    )
)
_TRAVEL = st.just([TravelMode.NONE]) | enum_list(TravelMode, exclude=(TravelMode.NONE,))
_UNITS = st.sampled_from(list(DistanceUnit))
_MINUTES = optional(st.integers(min_value=1, max_value=600))
_POSTAL_CODES = optional(st.sampled_from(["81101", "55454", "K1A 0B1", "SW1A-1AA"]))
_PHONES = optional(st.sampled_from(list(PhoneAccess)))
_INTERNET = optional(st.sampled_from(list(InternetAccess)))
_WAYS = enum_list(TakingPart)
_GROUPS = enum_list(EligibilityGroup)


@st.composite
def availability_windows(draw: st.DrawFn) -> dict[str, Any]:
    """Days and a time window: ``end`` after ``start``, or 00:00 for until midnight."""
    start, end = draw(_TIMES_OF_DAY), draw(_TIMES_OF_DAY)
    if end <= start:
        end = time(0, 0)
    return {
        "days": draw(_DAYS),
        "start": start,
        "end": end,
    }


_WINDOWS = st.lists(availability_windows(), max_size=3)


@st.composite
def practical_sections(draw: st.DrawFn) -> dict[str, Any]:
    """A 'Reaching supports' section: any mix of answers, each optional, rules respected."""
    distance = draw(_DISTANCES)
    coordinates = draw(_COORDINATES)
    return {
        "availability": draw(_WINDOWS),
        "ways_to_take_part": draw(_WAYS),
        "travel_modes": draw(_TRAVEL),
        "max_travel_minutes": draw(_MINUTES),
        "max_travel_distance": distance,
        "distance_unit": draw(_UNITS) if distance is not None else None,
        "postal_code": draw(_POSTAL_CODES),
        "latitude": coordinates[0] if coordinates else None,
        "longitude": coordinates[1] if coordinates else None,
        "phone_access": draw(_PHONES),
        "internet_access": draw(_INTERNET),
        "groups": draw(_GROUPS),
    }


_INTAKES = intakes()
_PRACTICAL = practical_sections()


@st.composite
def intakes_with_practical(draw: st.DrawFn) -> Intake:
    """A valid intake that also answers (some of) 'Reaching supports'."""
    intake = draw(_INTAKES)
    data = intake.model_dump()
    data["practical"] = draw(_PRACTICAL)
    return Intake.model_validate(data)
