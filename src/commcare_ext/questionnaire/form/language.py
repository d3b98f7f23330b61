"""The 'Language, culture and faith' section: language, interpreter, identity and faith."""

from commcare_ext.intake.vocabulary import SpiritualImportance
from commcare_ext.questionnaire.form.common import BOOLEAN, LANGUAGE, STRING, choice, own_words
from commcare_ext.questionnaire.spec import Item, Text, When
from commcare_ext.terminology import questions as q
from commcare_ext.terminology.answers import SPIRITUAL_IMPORTANCE, coding_for
from commcare_ext.terminology.standard import INTERPRETER_NEEDED, PREFERRED_LANGUAGE

LANGUAGE_SECTION = Item(
    "language",
    Text("Language, culture and faith"),
    field="language",
    children=(
        Item(
            "language.preferred",
            Text(
                "In which language do you prefer to talk about your health?",
            ),
            LANGUAGE,
            "preferred_language",
            required=True,
            code=PREFERRED_LANGUAGE,
        ),
        Item(
            "language.interpreter-needed",
            Text(
                "Would you like an interpreter for your visits?",
            ),
            BOOLEAN,
            "interpreter_needed",
            required=True,
            code=INTERPRETER_NEEDED,
        ),
        Item(
            "language.other",
            Text("Other languages you speak"),
            LANGUAGE,
            "other_languages",
            repeats=True,
        ),
        own_words(
            "language.cultural-identity",
            "cultural_identity",
            "How would you describe your cultural or ethnic background, in your own words?",
        ),
        Item(
            "language.religion",
            Text(
                "Do you have a religion or spiritual tradition? If so, which one?",
            ),
            STRING,
            "religion_or_spirituality",
            max_length=200,
        ),
        Item(
            "language.spiritual-importance",
            Text(
                "How much does faith or spirituality help you cope with difficulties?",
            ),
            choice(SPIRITUAL_IMPORTANCE),
            "spirituality_importance",
            control="radio-button",
            code=q.SPIRITUAL_IMPORTANCE,
            observation_extract=True,
        ),
        own_words(
            "language.spiritual-role",
            "spirituality_role",
            "How does your faith or spirituality help you?",
            enable_when=(
                When(
                    "language.spiritual-importance",
                    "=",
                    coding_for(SpiritualImportance.SOMEWHAT_IMPORTANT),
                ),
                When(
                    "language.spiritual-importance",
                    "=",
                    coding_for(SpiritualImportance.VERY_IMPORTANT),
                ),
            ),
            enable_behavior="any",
        ),
    ),
)
