"""'Getting to care': what keeps care out of reach."""

from commcare_ext.questionnaire.form.common import BOOLEAN, choice, own_words
from commcare_ext.questionnaire.spec import Item, Text, When
from commcare_ext.terminology import questions as q
from commcare_ext.terminology.answers import ACCESS_BARRIER

BARRIERS = Item(
    "barriers",
    Text("Getting to care"),
    field="barriers",
    children=(
        Item(
            "barriers.any",
            Text(
                "Does anything make it hard for you to get to or pay for care?",
            ),
            BOOLEAN,
            "has_barriers",
        ),
        Item(
            "barriers.list",
            Text(
                "What makes it hard? Choose all that apply.",
            ),
            choice(ACCESS_BARRIER),
            "barriers",
            repeats=True,
            required=True,
            control="check-box",
            code=q.ACCESS_BARRIERS,
            observation_extract=True,
            enable_when=(When("barriers.any", "=", True),),
        ),
        own_words(
            "barriers.details",
            "details",
            "Tell us more, so we can look for ways around it.",
            enable_when=(When("barriers.any", "=", True),),
        ),
    ),
)
