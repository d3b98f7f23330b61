"""Answers of 'About you and how you communicate', and the standard codes they extract to.

The form shows our own plain words ("A woman", "she/her"); extraction writes the standard
codes where a standard names the concept: SNOMED CT gender identity findings and the
data-absent-reason "asked-declined" (the FHIR gender-identity value set), LOINC pronouns
(HL7 Personal Pronouns value set). Communication needs, interpreting and migration status
have no confirmed standard code and stay in our CodeSystem.
"""

from typing import Final

from commcare_ext.intake.vocabulary import (
    CommunicationNeed,
    GenderIdentity,
    InterpreterToday,
    MigrationStatus,
    Pronouns,
)
from commcare_ext.terminology.answers.base import answer_set
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.standard import (
    ASKED_DECLINED,
    FEMALE_GENDER_IDENTITY,
    HE_HIM,
    MALE_GENDER_IDENTITY,
    NON_BINARY_GENDER_IDENTITY,
    SHE_HER,
    THEY_THEM,
)

GENDER_IDENTITY = answer_set(
    GenderIdentity,
    "gender-identity",
    "Gender identity",
    "How the person describes their gender, as they choose to.",
    {
        GenderIdentity.WOMAN: ("A woman", "Identifies as a woman."),
        GenderIdentity.MAN: ("A man", "Identifies as a man."),
        GenderIdentity.NON_BINARY: ("Non-binary", "Identifies as non-binary."),
        GenderIdentity.OWN_WORDS: ("In my own words", "Describes their gender in their words."),
        GenderIdentity.DECLINED: ("I'd rather not say", "Asked, and chose not to say."),
    },
)

PRONOUNS = answer_set(
    Pronouns,
    "pronouns",
    "Pronouns",
    "The pronouns to use when speaking with or about the person.",
    {
        Pronouns.SHE: ("she/her", "She, her, hers."),
        Pronouns.HE: ("he/him", "He, him, his."),
        Pronouns.THEY: ("they/them", "They, them, theirs."),
        Pronouns.OWN_WORDS: ("In my own words", "Other pronouns, in their words."),
        Pronouns.DECLINED: ("I'd rather not say", "Asked, and chose not to say."),
    },
)

COMMUNICATION_NEED = answer_set(
    CommunicationNeed,
    "communication-need",
    "Communication needs",
    "What care must provide beyond a spoken-language interpreter.",
    {
        CommunicationNeed.SIGN_LANGUAGE_INTERPRETER: (
            "A sign language interpreter",
            "Needs a sign language interpreter.",
        ),
        CommunicationNeed.HEARING_LOSS: (
            "I have hearing loss",
            "Has hearing loss: speak clearly, face them, offer captions or written notes.",
        ),
        CommunicationNeed.RELAY_OR_TTY: (
            "Phone calls through a relay service or TTY",
            "Reach by relay service or TTY, not by voice call.",
        ),
        CommunicationNeed.LARGE_PRINT: ("Large print", "Needs written material in large print."),
        CommunicationNeed.READ_ALOUD: (
            "Someone to read forms and letters with me",
            "Reading is hard: read material aloud and explain it in plain words.",
        ),
    },
)

INTERPRETER_TODAY = answer_set(
    InterpreterToday,
    "interpreter-today",
    "Who interprets today",
    "Who is interpreting at this visit.",
    {
        InterpreterToday.NOBODY: ("Nobody", "No one is interpreting."),
        InterpreterToday.FAMILY_MEMBER: ("A family member", "A relative is interpreting."),
        InterpreterToday.FRIEND: ("A friend", "A friend is interpreting."),
        InterpreterToday.PROFESSIONAL: (
            "A professional interpreter",
            "A qualified professional interpreter is interpreting.",
        ),
        InterpreterToday.STAFF: ("A member of staff", "Bilingual staff are interpreting."),
    },
)

MIGRATION_STATUS = answer_set(
    MigrationStatus,
    "migration-status",
    "Refugee or asylum status",
    "Refugee or asylum status, only as the person chooses to state it.",
    {
        MigrationStatus.REFUGEE: ("I came as a refugee", "States they came as a refugee."),
        MigrationStatus.ASYLUM_SEEKER: ("I am seeking asylum", "States they are seeking asylum."),
        MigrationStatus.OWN_WORDS: ("In my own words", "States their situation in their words."),
        MigrationStatus.DECLINED: ("I'd rather not say", "Asked, and chose not to say."),
    },
)

#: The standard code each gender identity answer extracts to (None: our words only).
GENDER_IDENTITY_STANDARD: Final[dict[GenderIdentity, Code | None]] = {
    GenderIdentity.WOMAN: FEMALE_GENDER_IDENTITY,
    GenderIdentity.MAN: MALE_GENDER_IDENTITY,
    GenderIdentity.NON_BINARY: NON_BINARY_GENDER_IDENTITY,
    GenderIdentity.OWN_WORDS: None,
    GenderIdentity.DECLINED: ASKED_DECLINED,
}
#: The standard code each pronoun answer extracts to (None: our words only).
PRONOUNS_STANDARD: Final[dict[Pronouns, Code | None]] = {
    Pronouns.SHE: SHE_HER,
    Pronouns.HE: HE_HIM,
    Pronouns.THEY: THEY_THEM,
    Pronouns.OWN_WORDS: None,
    Pronouns.DECLINED: ASKED_DECLINED,
}
