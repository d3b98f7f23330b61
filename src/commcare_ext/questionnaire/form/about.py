"""The 'About you' section: the patient's name and birth date, and who is answering."""

from commcare_ext.questionnaire.form.common import DATE, STRING, choice
from commcare_ext.questionnaire.spec import Item, Text
from commcare_ext.terminology.answers import RESPONDENT

ABOUT = Item(
    "about",
    Text("About you"),
    children=(
        Item(
            "about.given-name",
            Text("First name"),
            STRING,
            "patient.given_name",
            max_length=200,
        ),
        Item(
            "about.family-name",
            Text("Family name"),
            STRING,
            "patient.family_name",
            max_length=200,
        ),
        Item(
            "about.birth-date",
            Text("Date of birth"),
            DATE,
            "patient.birth_date",
        ),
        Item(
            "about.respondent",
            Text("Who is answering these questions?"),
            choice(RESPONDENT),
            "respondent",
            required=True,
            control="radio-button",
        ),
    ),
)
