"""'About you and how you communicate': identity, communication, interpreting, migration.

Gender identity, pronouns, communication needs, who interprets today, the clinician's
language, and refugee or asylum status. Every question is optional and offers "I'd rather
not say"; "in my own words" opens a line for the person's own description.
"""

from commcare_ext.intake.vocabulary import GenderIdentity, MigrationStatus, Pronouns
from commcare_ext.questionnaire.form.common import BOOLEAN, LANGUAGE, STRING, choice, own_words
from commcare_ext.questionnaire.spec import Item, Text, When
from commcare_ext.terminology import questions as q
from commcare_ext.terminology.answers import (
    COMMUNICATION_NEED,
    GENDER_IDENTITY,
    INTERPRETER_TODAY,
    MIGRATION_STATUS,
    PRONOUNS,
    coding_for,
)

IDENTITY = Item(
    "identity",
    Text("About you and how you communicate"),
    field="identity",
    children=(
        Item(
            "identity.gender",
            Text("How do you describe your gender?"),
            choice(GENDER_IDENTITY),
            "gender_identity",
            control="radio-button",
        ),
        Item(
            "identity.gender-own-words",
            Text("Your gender, in your own words"),
            STRING,
            "gender_identity_own_words",
            max_length=200,
            enable_when=(When("identity.gender", "=", coding_for(GenderIdentity.OWN_WORDS)),),
        ),
        Item(
            "identity.pronouns",
            Text("Which pronouns should we use for you?"),
            choice(PRONOUNS),
            "pronouns",
            control="radio-button",
        ),
        Item(
            "identity.pronouns-own-words",
            Text("Your pronouns, in your own words"),
            STRING,
            "pronouns_own_words",
            max_length=200,
            enable_when=(When("identity.pronouns", "=", coding_for(Pronouns.OWN_WORDS)),),
        ),
        Item(
            "identity.communication-needs",
            Text("Do you need any of these to communicate with us? Choose all that apply."),
            choice(COMMUNICATION_NEED),
            "communication_needs",
            repeats=True,
            control="check-box",
            code=q.COMMUNICATION_NEEDS,
            observation_extract=True,
        ),
        Item(
            "identity.interpreter-today",
            Text("Who is interpreting for you today?"),
            choice(INTERPRETER_TODAY),
            "interpreter_today",
            control="radio-button",
            code=q.INTERPRETER_TODAY,
            observation_extract=True,
        ),
        Item(
            "identity.professional-interpreter",
            Text(
                "Would you like a professional interpreter next time, even if someone helps today?"
            ),
            BOOLEAN,
            "professional_interpreter_needed",
            code=q.PROFESSIONAL_INTERPRETER_NEEDED,
            observation_extract=True,
        ),
        Item(
            "identity.clinician-language",
            Text(
                "If we can find a clinician who speaks your language, which language should it be?"
            ),
            LANGUAGE,
            "clinician_language",
            code=q.CLINICIAN_LANGUAGE,
            observation_extract=True,
        ),
        Item(
            "identity.migration-status",
            Text(
                "Some people came as refugees or are seeking asylum. If you want us to know, "
                "how would you describe your situation? You do not have to answer."
            ),
            choice(MIGRATION_STATUS),
            "migration_status",
            control="radio-button",
            code=q.MIGRATION_STATUS,
            observation_extract=True,
        ),
        own_words(
            "identity.migration-own-words",
            "migration_own_words",
            "Your situation, in your own words",
            enable_when=(
                When("identity.migration-status", "=", coding_for(MigrationStatus.OWN_WORDS)),
            ),
        ),
    ),
)
