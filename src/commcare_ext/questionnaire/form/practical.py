"""'Reaching supports': when the patient can take part, how they travel, where, phone and internet.

Every question is optional, so a form left blank here gives an intake without the section.
The Spanish wording is a draft that needs review by a native speaker before clinical use.
"""

from commcare_ext.questionnaire.codecs import DecimalCodec, IntegerCodec, TextCodec, TimeCodec
from commcare_ext.questionnaire.form.common import choice
from commcare_ext.questionnaire.spec import Item, Text, When
from commcare_ext.terminology.answers import (
    DAY_OF_WEEK,
    DISTANCE_UNIT,
    ELIGIBILITY_GROUP,
    INTERNET_ACCESS,
    PHONE_ACCESS,
    TAKING_PART,
    TRAVEL_MODE,
)

INTEGER = IntegerCodec()
DECIMAL = DecimalCodec()
TIME = TimeCodec()
STRING = TextCodec("string")

#: Longest postal code the model accepts.
POSTAL_CODE_MAX_LENGTH = 10

AVAILABILITY = Item(
    "practical.availability",
    Text(
        "When could you take part in a group or programme? Add one line for each set of days "
        "and times, for example weekdays after 7 pm, or Saturday mornings.",
    ),
    field="availability",
    repeats=True,
    children=(
        Item(
            "practical.availability.days",
            Text("Days"),
            choice(DAY_OF_WEEK),
            "days",
            repeats=True,
            required=True,
            control="check-box",
        ),
        Item(
            "practical.availability.start",
            Text("From"),
            TIME,
            "start",
            required=True,
        ),
        Item(
            "practical.availability.end",
            Text("Until (00:00 means midnight)"),
            TIME,
            "end",
            required=True,
        ),
    ),
)

PRACTICAL = Item(
    "practical",
    Text("Reaching supports: when, how and where"),
    field="practical",
    children=(
        AVAILABILITY,
        Item(
            "practical.ways",
            Text(
                "Which ways of taking part would work for you? Choose all that apply.",
            ),
            choice(TAKING_PART),
            "ways_to_take_part",
            repeats=True,
            control="check-box",
        ),
        Item(
            "practical.travel",
            Text(
                "How could you get to a place in person? Choose all that apply.",
            ),
            choice(TRAVEL_MODE),
            "travel_modes",
            repeats=True,
            control="check-box",
        ),
        Item(
            "practical.travel-minutes",
            Text(
                "At most how many minutes could you travel each way?",
            ),
            INTEGER,
            "max_travel_minutes",
        ),
        Item(
            "practical.travel-distance",
            Text(
                "Or at most how far could you travel each way?",
            ),
            DECIMAL,
            "max_travel_distance",
        ),
        Item(
            "practical.travel-distance-unit",
            Text("In"),
            choice(DISTANCE_UNIT),
            "distance_unit",
            required=True,
            control="radio-button",
            enable_when=(When("practical.travel-distance", "exists", True),),
        ),
        Item(
            "practical.postal-code",
            Text("Your postal (ZIP) code"),
            STRING,
            "postal_code",
            max_length=POSTAL_CODE_MAX_LENGTH,
        ),
        Item(
            "practical.latitude",
            Text(
                "Latitude of where you live (the clinic or your device may fill this in)",
            ),
            DECIMAL,
            "latitude",
        ),
        Item(
            "practical.longitude",
            Text("Longitude of where you live"),
            DECIMAL,
            "longitude",
            required=True,
            enable_when=(When("practical.latitude", "exists", True),),
        ),
        Item(
            "practical.phone",
            Text("Which phone can you use?"),
            choice(PHONE_ACCESS),
            "phone_access",
            control="radio-button",
        ),
        Item(
            "practical.internet",
            Text("What internet can you use?"),
            choice(INTERNET_ACCESS),
            "internet_access",
            control="radio-button",
        ),
        Item(
            "practical.groups",
            Text(
                "Some services are only for certain groups. Which of these describe you? "
                "We use this only to find services you can join. Choose any that apply.",
            ),
            choice(ELIGIBILITY_GROUP),
            "groups",
            repeats=True,
            control="check-box",
        ),
    ),
)
