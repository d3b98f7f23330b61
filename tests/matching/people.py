"""The scenario people, as intakes (fictional; every detail chosen for what it tests)."""

from datetime import date
from typing import Any

from commcare_ext.intake import Intake

TODAY = date(2026, 11, 24)
CENTER_CO = (37.7530, -106.1086)
MINNEAPOLIS = (44.9700, -93.2600)
SAINT_PAUL = (44.9560, -93.1300)


def _intake(intake_id: str, born: str, **sections: Any) -> Intake:
    data: dict[str, Any] = {
        "intake_id": intake_id,
        "patient": {
            "identifier_system": "https://clinic.example.org/fhir/mrn",
            "identifier_value": f"MRN-{intake_id}",
            "birth_date": born,
        },
        "authored": "2026-11-20T10:00:00-07:00",
        "formulation": {"problem_in_own_words": "I am not sleeping and feel alone."},
        **sections,
    }
    return Intake.model_validate(data)


def spanish_speaker_rural_no_car() -> Intake:
    """Works in the fields until 7 pm, no car, rides from a neighbour, Spanish only."""
    return _intake(
        "rural-es",
        "1984-05-02",
        language={"preferred_language": "es-MX", "interpreter_needed": True},
        care={"preferred_supports": ["support-peer-group", "support-community-centre"]},
        barriers={
            "has_barriers": True,
            "barriers": ["barrier-transport", "barrier-work-hours", "barrier-cost"],
        },
        practical={
            "availability": [
                {
                    "days": ["mon", "tue", "wed", "thu", "fri"],
                    "start": "19:30:00",
                    "end": "22:30:00",
                },
                {"days": ["sun"], "start": "10:00:00", "end": "16:00:00"},
            ],
            "ways_to_take_part": ["take-part-in-person", "take-part-phone"],
            "travel_modes": ["travel-rides", "travel-walking"],
            "max_travel_minutes": 20,
            "postal_code": "81125",
            "latitude": CENTER_CO[0],
            "longitude": CENTER_CO[1],
            "phone_access": "phone-own",
            "internet_access": "internet-basic",
            "groups": ["group-man", "group-farmworker", "group-immigrant"],
        },
    )


def stigma_faith_discreet() -> Intake:
    """Fears gossip and shame; wants support through their faith; no voicemail, no mail."""
    return _intake(
        "faith-discreet",
        "1990-01-15",
        language={
            "preferred_language": "en",
            "interpreter_needed": False,
            "other_languages": ["so"],
            "religion_or_spirituality": "Muslim",
            "spirituality_importance": "spiritual-very",
        },
        care={"preferred_supports": ["support-faith-community"]},
        privacy={
            "has_concerns": True,
            "concerns": ["stigma-gossip", "stigma-family-shame", "stigma-records-seen"],
            "discreet_contact": [
                "contact-no-voicemail",
                "contact-no-mail-home",
                "contact-neutral-name",
            ],
        },
        practical={"latitude": MINNEAPOLIS[0], "longitude": MINNEAPOLIS[1]},
    )


def family_centred_elder() -> Intake:
    """A Vietnamese-speaking grandmother; her family decides with her; needs an interpreter."""
    return _intake(
        "elder-vi",
        "1948-03-30",
        language={
            "preferred_language": "vi",
            "interpreter_needed": True,
            "cultural_identity": "Vietnamese, came here in 1982",
        },
        decision_style="decision-family-centred",
        support_persons=[
            {
                "name": "Lan Nguyen",
                "relationship": "CHILD",
                "involvement": "involvement-decisions",
                "may_share": ["share-appointments", "share-treatment-plan"],
            }
        ],
        care={
            "preferred_supports": ["support-family", "support-community-centre"],
            "cultural_background_match": "pref-important",
        },
        practical={
            "latitude": SAINT_PAUL[0],
            "longitude": SAINT_PAUL[1],
            "groups": ["group-woman", "group-immigrant"],
        },
    )


def young_person_online_no_family() -> Intake:
    """Nineteen, wants peers online, and nothing that would reach their family."""
    return _intake(
        "youth-online",
        "2007-06-01",
        language={"preferred_language": "en", "interpreter_needed": False},
        support_persons=[
            {
                "name": "Pat Doe",
                "relationship": "MTH",
                "do_not_contact": True,
            }
        ],
        care={"preferred_supports": ["support-online-community", "support-peer-group"]},
        privacy={
            "has_concerns": True,
            "concerns": ["stigma-family-shame"],
            "discreet_contact": ["contact-no-mail-home", "contact-patient-initiates"],
        },
        practical={
            "ways_to_take_part": ["take-part-video", "take-part-text"],
            "phone_access": "phone-own",
            "internet_access": "internet-video",
            "groups": ["group-lgbtq"],
        },
    )


def nothing_fits() -> Intake:
    """Wants a traditional healer, speaks only Tigrinya, no money, no car, no phone or internet."""
    return _intake(
        "nothing-fits",
        "1979-09-09",
        language={"preferred_language": "ti", "interpreter_needed": True},
        care={"preferred_supports": ["support-traditional-healer"]},
        barriers={
            "has_barriers": True,
            "barriers": ["barrier-cost", "barrier-transport", "barrier-digital"],
        },
        practical={
            "latitude": CENTER_CO[0],
            "longitude": CENTER_CO[1],
            "phone_access": "phone-none",
            "internet_access": "internet-none",
        },
    )
