"""Answers of 'Reaching supports': days, ways of taking part, travel, phone and internet, groups.

Days are HL7 ``days-of-week`` codes and distance units UCUM codes (their own displays);
everything else is coded in our CodeSystem. The Spanish wording is a draft that needs review
by a native speaker before clinical use.
"""

from commcare_ext.intake.vocabulary import (
    DayOfWeek,
    DistanceUnit,
    EligibilityGroup,
    InternetAccess,
    PhoneAccess,
    TakingPart,
    TravelMode,
)
from commcare_ext.terminology.answers.base import AnswerSet, answer_set
from commcare_ext.terminology.code import Answer, Code
from commcare_ext.terminology.systems import DAYS_OF_WEEK, UCUM

_DAYS = {
    DayOfWeek.MONDAY: "Monday",
    DayOfWeek.TUESDAY: "Tuesday",
    DayOfWeek.WEDNESDAY: "Wednesday",
    DayOfWeek.THURSDAY: "Thursday",
    DayOfWeek.FRIDAY: "Friday",
    DayOfWeek.SATURDAY: "Saturday",
    DayOfWeek.SUNDAY: "Sunday",
}

DAY_OF_WEEK = AnswerSet(
    "day-of-week",
    "Days of the week",
    "Days the patient can take part (HL7 days-of-week).",
    {day: Answer(Code(DAYS_OF_WEEK, day.value, en)) for day, en in _DAYS.items()},
)

DISTANCE_UNIT = AnswerSet(
    "distance-unit",
    "Distance unit",
    "The unit a travel distance is given in (UCUM).",
    {
        DistanceUnit.KILOMETRE: Answer(Code(UCUM, DistanceUnit.KILOMETRE.value, "kilometer")),
        DistanceUnit.MILE: Answer(Code(UCUM, DistanceUnit.MILE.value, "mile")),
    },
)  # fmt: skip

TAKING_PART = answer_set(
    TakingPart,
    "taking-part",
    "Ways of taking part",
    "Ways of taking part in a community support the patient is willing to use.",
    {
        TakingPart.IN_PERSON: ("In person", "Going to the place where it meets."),
        TakingPart.PHONE: ("By phone", "Taking part by a voice call."),
        TakingPart.VIDEO: ("By video call", "Taking part by a video call."),
        TakingPart.TEXT: (
            "By text or online chat",
            "Taking part by text messages, chat or an online forum.",
        ),
    },
)

TRAVEL_MODE = answer_set(
    TravelMode,
    "travel-mode",
    "How the patient travels",
    "How the patient can get to a support in person.",
    {
        TravelMode.CAR: ("My own car", "Drives their own or a household car."),
        TravelMode.PUBLIC_TRANSIT: (
            "Bus, train or other public transport",
            "Uses public transport.",
        ),
        TravelMode.WALKING: ("Walking", "Walks there."),
        TravelMode.RIDES_FROM_OTHERS: (
            "Rides from family, friends or a service",
            "Relies on others for a ride.",
        ),
        TravelMode.NONE: (
            "I have no way to get there",
            "Has no way to travel to an in-person support.",
        ),
    },
)

PHONE_ACCESS = answer_set(
    PhoneAccess,
    "phone-access",
    "Phone access",
    "Whether the patient can take part by phone, and how privately.",
    {
        PhoneAccess.OWN: (
            "My own phone",
            "Has a phone of their own with reliable service.",
        ),
        PhoneAccess.SHARED: (
            "A phone I share with others",
            "Uses a phone others also use; calls may not be private.",
        ),
        PhoneAccess.UNRELIABLE: (
            "A phone with limited minutes or signal",
            "Has a phone, but minutes, credit or signal often run out.",
        ),
        PhoneAccess.NONE: ("No phone", "Has no phone to use."),
    },
)

INTERNET_ACCESS = answer_set(
    InternetAccess,
    "internet-access",
    "Internet access",
    "Whether the patient's internet is good enough for video, for messages only, or absent.",
    {
        InternetAccess.VIDEO: (
            "Good enough for video calls",
            "Internet and a device that carry a video call.",
        ),
        InternetAccess.BASIC: (
            "Only for messages or email",
            "Internet that carries messages but not video.",
        ),
        InternetAccess.NONE: ("No internet", "No internet access."),
    },
)

ELIGIBILITY_GROUP = answer_set(
    EligibilityGroup,
    "eligibility-group",
    "Groups services may be for",
    "Groups some community services are only for; used only to find services the patient can use.",
    {
        EligibilityGroup.WOMAN: ("A woman", "Identifies as a woman."),
        EligibilityGroup.MAN: ("A man", "Identifies as a man."),
        EligibilityGroup.NON_BINARY: (
            "Non-binary",
            "Identifies outside the woman/man binary.",
        ),
        EligibilityGroup.REFUGEE: (
            "A refugee or asylum seeker",
            "Came as a refugee or is seeking asylum.",
        ),
        EligibilityGroup.IMMIGRANT: ("An immigrant", "Born abroad."),
        EligibilityGroup.LGBTQ: ("LGBTQ+", "Lesbian, gay, bisexual, trans or queer."),
        EligibilityGroup.TRIBAL_MEMBER: (
            "A member of a tribal nation",
            "Enrolled in or belongs to a tribal nation.",
        ),
        EligibilityGroup.VETERAN: ("A veteran", "Served in the armed forces."),
        EligibilityGroup.CAREGIVER: (
            "A parent or caregiver",
            "Raises children or cares for someone.",
        ),
        EligibilityGroup.SURVIVOR: (
            "A survivor of violence",
            "Has lived through violence or abuse.",
        ),
        EligibilityGroup.DISABILITY: (
            "A person with a disability",
            "Lives with a disability.",
        ),
        EligibilityGroup.FARMWORKER: (
            "A farmworker",
            "Works in agriculture.",
        ),
    },
)
