"""'Privacy and worries about care': stigma concerns and how to contact the patient safely."""

from commcare_ext.questionnaire.form.common import BOOLEAN, choice, own_words
from commcare_ext.questionnaire.spec import Item, Text, When
from commcare_ext.terminology import questions as q
from commcare_ext.terminology.answers import DISCREET_CONTACT, STIGMA_CONCERN

PRIVACY = Item(
    "privacy",
    Text("Privacy and worries about care"),
    field="privacy",
    children=(
        Item(
            "privacy.has-concerns",
            Text(
                "Do you worry about what could happen if others knew you were getting "
                "mental-health care?",
            ),
            BOOLEAN,
            "has_concerns",
        ),
        Item(
            "privacy.concerns",
            Text(
                "What worries you? Choose all that apply.",
            ),
            choice(STIGMA_CONCERN),
            "concerns",
            repeats=True,
            required=True,
            control="check-box",
            code=q.STIGMA_CONCERNS,
            observation_extract=True,
            enable_when=(When("privacy.has-concerns", "=", True),),
        ),
        own_words(
            "privacy.concerns-own-words",
            "concerns_in_own_words",
            "Tell us more if you wish.",
            enable_when=(When("privacy.has-concerns", "=", True),),
        ),
        Item(
            "privacy.discreet-contact",
            Text(
                "How should we contact you so your care stays private? Choose all that apply.",
            ),
            choice(DISCREET_CONTACT),
            "discreet_contact",
            repeats=True,
            control="check-box",
            code=q.DISCREET_CONTACT,
            observation_extract=True,
        ),
        own_words(
            "privacy.safe-contact-notes",
            "safe_contact_notes",
            "Anything else about how or when it is safe to contact you?",
        ),
    ),
)
