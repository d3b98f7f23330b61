"""Who the person is and how they communicate, as they choose to say it.

Gender identity, pronouns, communication needs beyond a spoken language, who interprets
today, the clinician's language, and refugee or asylum status. Every question may be left
unanswered or declined ("I'd rather not say" is an answer, not a gap). Words the person
chooses for themselves are kept as written, only when they chose "in my own words".
"""

from typing import Self

from pydantic import Field, model_validator

from commcare_ext.intake.base import IntakeSection, LanguageTag, PatientText, ShortText
from commcare_ext.intake.vocabulary import (
    CommunicationNeed,
    GenderIdentity,
    InterpreterToday,
    MigrationStatus,
    Pronouns,
)


class IdentityAndCommunication(IntakeSection):
    """Identity and communication; every field optional, "rather not say" an answer."""

    gender_identity: GenderIdentity | None = None
    gender_identity_own_words: ShortText | None = None
    pronouns: Pronouns | None = None
    pronouns_own_words: ShortText | None = None
    communication_needs: list[CommunicationNeed] = Field(default_factory=list)
    interpreter_today: InterpreterToday | None = None
    #: A professional interpreter is still needed (e.g. a relative interprets today).
    professional_interpreter_needed: bool | None = None
    #: The language a language-concordant clinician should speak (BCP-47).
    clinician_language: LanguageTag | None = None
    migration_status: MigrationStatus | None = None
    migration_own_words: PatientText | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        for words, chosen, own, name in (
            (
                self.gender_identity_own_words,
                self.gender_identity,
                GenderIdentity.OWN_WORDS,
                "gender_identity",
            ),
            (self.pronouns_own_words, self.pronouns, Pronouns.OWN_WORDS, "pronouns"),
            (
                self.migration_own_words,
                self.migration_status,
                MigrationStatus.OWN_WORDS,
                "migration_status",
            ),
        ):
            if words is not None and chosen is not own:
                msg = f"{name}_own_words: only when {name} is 'in my own words'"
                if name == "migration_status":
                    msg = "migration_own_words: only when migration_status is 'in my own words'"
                raise ValueError(msg)
        if len(set(self.communication_needs)) != len(self.communication_needs):
            msg = "communication_needs: each need once"
            raise ValueError(msg)
        return self
