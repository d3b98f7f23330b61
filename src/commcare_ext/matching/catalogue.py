"""The English words for every finding, keyed by code; other languages live in the catalogues.

Placeholders are filled by :mod:`.messages` from the finding's parameters, already in words
(``{languages}``, ``{kinds}``, ``{ages}``...). Each text's catalogue context is
``matching:<unmet|reason|caution>:<code>``; the Spanish, Vietnamese, Chinese and Arabic
wording is in ``terminology/locale/*.po`` like every other text of the library, and needs
review by a qualified medical translator (:func:`~commcare_ext.matching.needs_review`).
"""

from collections.abc import Iterator
from typing import Final

from commcare_ext.matching.findings import CautionCode, ReasonCode, UnmetCode

UNMET: Final[dict[UnmetCode, str]] = {
    UnmetCode.NOT_RUNNING: "the service is not running ({status})",
    UnmetCode.KIND_NOT_WANTED: "offers {offered}, not what the person asked for ({wanted})",
    UnmetCode.LANGUAGE_NOT_SPOKEN: (
        "staff speak {staff}, not {needs}, and no interpreter is offered"
    ),
    UnmetCode.LANGUAGES_NOT_LISTED: (
        "the directory does not list the languages staff speak or any interpreter, and "
        "the person needs {needs}"
    ),
    UnmetCode.CHARGES_FEE: "charges a fee{fee} and has no sliding scale, while cost is a barrier",
    UnmetCode.COST_NOT_STATED: "the directory does not say what it costs, while cost is a barrier",
    UnmetCode.AGE_OUTSIDE_RANGE: "only for {ages}; the person's age is outside that range",
    UnmetCode.AGE_NOT_RECORDED: "only for {ages}; the intake has no birth date to check",
    UnmetCode.GENDER_NOT_ELIGIBLE: "only for {genders}",
    UnmetCode.GENDER_NOT_RECORDED: (
        "only for {genders}; the intake does not say whether this fits the person"
    ),
    UnmetCode.POPULATION_NOT_ELIGIBLE: (
        "only for {populations}; the intake does not record the person as one of them"
    ),
    UnmetCode.OUTSIDE_SERVICE_AREA: "serves only postal codes {postal_codes}, not the person's",
    UnmetCode.BREAKS_DISCREET_RULE: (
        "contacts people in a way the person asked us to avoid: {rules}"
    ),
    UnmetCode.REMOTE_ONLY: "only {modes}, and digital access is a barrier for the person",
    UnmetCode.NO_USABLE_MODE: "offered {offered}; the person can take part {usable}",
    UnmetCode.TOO_FAR: "nearest site {nearest_km} km away, beyond the person's {limit_km} km",
    UnmetCode.DISTANCE_UNKNOWN: (
        "in person only, and its distance cannot be checked against the person's "
        "{limit_km} km (no coordinates or matching postal code)"
    ),
    UnmetCode.HOURS_DO_NOT_FIT: "not open at the times the person can take part",
    UnmetCode.HOURS_NOT_STATED: "the directory lists no hours to compare with the person's times",
    UnmetCode.NO_SIGN_LANGUAGE: (
        "the person signs, and the directory states no way to sign here (staff who sign, "
        "a sign-language interpreter in person or by video, or sign-language access at a "
        "site)"
    ),
    UnmetCode.FAITH_NOT_ELIGIBLE: (
        "only for members of {traditions}; the intake does not record the person as one of them"
    ),
    UnmetCode.OUTSIDE_EXTENT: "the person's location is outside the area it serves",
    UnmetCode.OTHER_TRADITION: (
        "a {traditions} faith community, while the person asked for a community of their "
        "own tradition"
    ),
    UnmetCode.REFERRAL_DECLINED: "the person does not want a referral to community services now",
}

REASONS: Final[dict[ReasonCode, str]] = {
    ReasonCode.OFFERS_SUPPORT: "offers {kinds}",
    ReasonCode.STAFF_SPEAK: "staff speak {language}",
    ReasonCode.INTERPRETATION: "offers an interpreter for {language} ({modes})",
    ReasonCode.FREE: "free of charge",
    ReasonCode.SLIDING_SCALE: "fees on a sliding scale",
    ReasonCode.ELIGIBLE_GROUP: "for {groups}",
    ReasonCode.SERVES_AREA: "serves the person's area",
    ReasonCode.KEEPS_DISCREET_RULES: "contact keeps the person's privacy rules: {rules}",
    ReasonCode.NEARBY: "{km} km away",
    ReasonCode.SAME_POSTAL_CODE: "meets in the person's postal code area",
    ReasonCode.REMOTE_WAYS: "can take part {modes}",
    ReasonCode.FITS_HOURS: "open {day} {start}-{end}, when the person can take part",
    ReasonCode.FAITH_BASED: "faith-based ({traditions})",
    ReasonCode.FAITH_TRADITION: "shares the person's faith tradition ({traditions})",
    ReasonCode.CULTURAL_FOCUS: "focuses on the {communities} community",
    ReasonCode.WELCOMES_GROUP: "welcomes {groups}",
    ReasonCode.PEER_LED: "led by peers",
    ReasonCode.UNMARKED_SITE: "meets at an unmarked site",
    ReasonCode.NEUTRAL_CALLER_NAME: "calls under a neutral name",
    ReasonCode.RECENTLY_VERIFIED: "directory record checked {ago}",
    ReasonCode.SIGN_LANGUAGE: "sign language: {way}",
    ReasonCode.CRISIS_HELP: "crisis help: {kinds}",
    ReasonCode.CRISIS_FIRST: (
        "listed first because the person's risk screen was positive: crisis help comes "
        "before anything else"
    ),
    ReasonCode.IF_THINGS_GET_WORSE: "if things get worse: crisis help to keep at hand",
}

CAUTIONS: Final[dict[CautionCode, str]] = {
    CautionCode.NOT_PREFERRED_LANGUAGE: "staff speak {language}, not {preferred}",
    CautionCode.INTERPRETER_REMOTE_ONLY: "interpreter {modes} only",
    CautionCode.LANGUAGES_NOT_LISTED: "the directory does not list the languages staff speak",
    CautionCode.CHARGES_FEE: "charges a fee{fee}",
    CautionCode.AREA_UNCHECKED: "serves only some postal codes; the person's is not recorded",
    CautionCode.DISCREET_RULES_UNKNOWN: "the directory does not say whether it keeps: {rules}",
    CautionCode.DISTANCE_BY_POSTAL_CODE: "distance judged by postal code only",
    CautionCode.DISTANCE_UNCHECKED: "distance not checked: the person's location is not recorded",
    CautionCode.HOURS_NOT_COMPARED: (
        "work hours are a barrier but the intake gives no free times to compare"
    ),
    CautionCode.HOURS_NOT_LISTED: "no hours listed",
    CautionCode.NOT_EVERY_WEEK: "some sessions are not held every week",
    CautionCode.OTHER_FAITH_TRADITION: (
        "rooted in {traditions}, which may not be the person's tradition"
    ),
    CautionCode.WAITLIST: "waitlist{wait}",
    CautionCode.NOT_ACCEPTING: "not accepting new clients now",
    CautionCode.NOT_VERIFIED_RECENTLY: "record not verified in {months} months",
    CautionCode.NEVER_VERIFIED: "record never verified",
    CautionCode.PHONE_MAY_NOT_BE_PRIVATE: "the person shares their phone: calls may not be private",
    CautionCode.KIND_UNKNOWN: (
        "no taxonomy mapping says what kind of help this is ({terms}): judge it from its "
        "description"
    ),
    CautionCode.INTERPRETER_LANGUAGES_UNSTATED: (
        "offers interpreters but does not say for which languages"
    ),
    CautionCode.INTERPRETER_WAY_UNSTATED: (
        "offers an interpreter but does not say how (in person, by video or by phone)"
    ),
    CautionCode.ELIGIBILITY_DESCRIBED: "who may use it, in the directory's words: “{text}”",
    CautionCode.ELIGIBILITY_TERMS_UNREAD: "restricted by terms we could not read: {terms}",
    CautionCode.AREA_NOT_READ: "serves an area we could not check: {areas}",
    CautionCode.EXTENT_UNCHECKED: "serves a drawn area; the person's location is not recorded",
    CautionCode.ALERT: "directory notice: “{text}”",
    CautionCode.REQUIRED_DOCUMENTS: "documents to bring: {documents}",
    CautionCode.COST_OPTIONS: "costs, in the directory's words: {options}",
    CautionCode.HEARING_NOT_STATED: (
        "the directory does not say whether there is a hearing loop or captioning"
    ),
    CautionCode.LARGE_PRINT_NOT_STATED: (
        "the directory does not say whether materials come in large print"
    ),
    CautionCode.RELAY_NOT_STATED: "by phone: check that relay or TTY calls are taken",
    CautionCode.CLINICIAN_GENDER_NOT_STATED: (
        "the person would feel more comfortable with {preference}; the directory does not"
        " say who leads it"
    ),
    CautionCode.CRISIS_LANGUAGE: (
        "staff may not speak {needs}: check for an interpreter before relying on it"
    ),
}


def finding_strings() -> Iterator[tuple[str, str, str]]:
    """(context, English, note for translators) of every finding's words."""
    for kind, table, note in (
        ("unmet", UNMET, "Why a community service is not proposed (for the clinician)"),
        ("reason", REASONS, "Why a community service fits the person"),
        ("caution", CAUTIONS, "What to check before referring to a community service"),
    ):
        for code, english in table.items():
            yield f"matching:{kind}:{code.value}", english, note
