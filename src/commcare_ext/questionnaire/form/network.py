"""'The people in your life': who decides about care, and each support person.

A person marked do-not-contact loses every contact and involvement question
(``enableWhen``), matching the model rule that nobody may reach or inform them.
"""

from commcare_ext.intake.vocabulary import ContactSafety, Involvement
from commcare_ext.questionnaire.codecs import ContactSafetyCodec
from commcare_ext.questionnaire.form.common import BOOLEAN, STRING, choice, own_words
from commcare_ext.questionnaire.spec import Item, Text, When
from commcare_ext.terminology import questions as q
from commcare_ext.terminology.answers import (
    CONTACT_SAFETY,
    DECISION_STYLE,
    INVOLVEMENT,
    RELATIONSHIP,
    SHARE_CATEGORY,
    coding_for,
)

#: The linkId names the stored flag (do_not_contact); the question is asked positively.
_PERSON_DNC = "network.person.do-not-contact"
_MAY_BE_CONTACTED = When(_PERSON_DNC, "=", coding_for(ContactSafety.SAFE))
_NEVER_CONTACT = When(_PERSON_DNC, "=", coding_for(ContactSafety.NEVER))
_INVOLVED = tuple(
    When("network.person.involvement", "=", coding_for(level))
    for level in (Involvement.INFORMED, Involvement.DECISIONS, Involvement.ATTENDS)
)

NETWORK = Item(
    "network",
    Text("The people in your life"),
    children=(
        Item(
            "network.decision-style",
            Text(
                "When decisions about your care need to be made, who makes them?",
            ),
            choice(DECISION_STYLE),
            "decision_style",
            control="radio-button",
            code=q.DECISION_STYLE,
            observation_extract=True,
        ),
        Item(
            "network.person",
            Text(
                "A person in your life (family, friend, faith or community member)",
            ),
            field="support_persons",
            repeats=True,
            children=(
                Item(
                    "network.person.name",
                    Text("Name"),
                    STRING,
                    "name",
                    required=True,
                    max_length=200,
                ),
                Item(
                    "network.person.relationship",
                    Text("Who is this person to you?"),
                    choice(RELATIONSHIP),
                    "relationship",
                    required=True,
                    control="drop-down",
                ),
                Item(
                    "network.person.relationship-detail",
                    Text(
                        "Anything to add about who they are (for example 'pastor at my church')",
                    ),
                    STRING,
                    "relationship_detail",
                    max_length=200,
                ),
                Item(
                    _PERSON_DNC,
                    Text("Is it safe for us to contact this person?"),
                    ContactSafetyCodec(CONTACT_SAFETY),
                    "do_not_contact",
                    required=True,
                    control="radio-button",
                ),
                own_words(
                    "network.person.do-not-contact-reason",
                    "do_not_contact_reason",
                    "If you wish, tell us why (this helps us keep you safe).",
                    enable_when=(_NEVER_CONTACT,),
                ),
                Item(
                    "network.person.phone",
                    Text("Phone number"),
                    STRING,
                    "phone",
                    enable_when=(_MAY_BE_CONTACTED,),
                    max_length=40,
                    entry_format=Text("+1 555 010 0100"),
                ),
                Item(
                    "network.person.email",
                    Text("E-mail"),
                    STRING,
                    "email",
                    enable_when=(_MAY_BE_CONTACTED,),
                    max_length=200,
                ),
                Item(
                    "network.person.emergency-contact",
                    Text(
                        "May we call this person in an emergency?",
                    ),
                    BOOLEAN,
                    "emergency_contact",
                    enable_when=(_MAY_BE_CONTACTED,),
                ),
                Item(
                    "network.person.involvement",
                    Text(
                        "How involved would you like this person to be in your care?",
                    ),
                    choice(INVOLVEMENT),
                    "involvement",
                    required=True,
                    control="radio-button",
                    enable_when=(_MAY_BE_CONTACTED,),
                ),
                Item(
                    "network.person.may-share",
                    Text(
                        "What may we share with this person? Choose all that apply.",
                    ),
                    choice(SHARE_CATEGORY),
                    "may_share",
                    repeats=True,
                    control="check-box",
                    enable_when=_INVOLVED,
                    enable_behavior="any",
                ),
            ),
        ),
    ),
)
