"""Answers of 'The people in your life': decision style, relationships, involvement, sharing."""

from commcare_ext.intake.vocabulary import (
    ContactSafety,
    DecisionStyle,
    Involvement,
    Relationship,
    ShareCategory,
)
from commcare_ext.terminology.answers.base import AnswerSet, answer_set, local_answer, role_answer

CONTACT_SAFETY = answer_set(
    ContactSafety,
    "contact-safety",
    "Whether it is safe to contact a person",
    "The answer to 'Is it safe for us to contact this person?'. 'Never' is the do-not-contact "
    "flag: nobody may contact or inform the person.",
    {
        ContactSafety.SAFE: (
            "Yes, it is safe to contact them",
            "The clinic may contact this person, within the involvement the patient chose.",
        ),
        ContactSafety.NEVER: (
            "No, never contact or tell them",
            "The clinic must never contact or inform this person (do not contact).",
        ),
    },
)


DECISION_STYLE = answer_set(
    DecisionStyle,
    "decision-style",
    "Decision-making style",
    "Who the patient wants to make decisions about their care.",
    {
        DecisionStyle.INDIVIDUAL: (
            "I decide for myself",
            "The patient makes care decisions alone.",
        ),
        DecisionStyle.SHARED: (
            "I decide together with people close to me",
            "The patient decides, after talking with chosen support persons.",
        ),
        DecisionStyle.FAMILY_CENTRED: (
            "My family decides together",
            "Decisions are made by the family as a group, as is usual in the patient's culture.",
        ),
    },
)


RELATIONSHIP = AnswerSet(
    "support-relationship",
    "Support person relationship",
    "Who a support person is to the patient: HL7 v3 personal relationship role codes, with "
    "community roles that v3 does not name.",
    {
        Relationship.MOTHER: role_answer("MTH", "mother", "The patient's mother."),
        Relationship.FATHER: role_answer("FTH", "father", "The patient's father."),
        Relationship.PARENT: role_answer("PRN", "parent", "A parent of the patient."),
        Relationship.SPOUSE: role_answer("SPS", "spouse", "The patient's spouse."),
        Relationship.HUSBAND: role_answer("HUSB", "husband", "The patient's husband."),
        Relationship.WIFE: role_answer("WIFE", "wife", "The patient's wife."),
        Relationship.DOMESTIC_PARTNER: role_answer(
            "DOMPART", "domestic partner", "The patient's domestic partner."
        ),
        Relationship.SIGNIFICANT_OTHER: role_answer(
            "SIGOTHR", "significant other", "The patient's partner."
        ),
        Relationship.CHILD: role_answer("CHILD", "child", "A child of the patient."),
        Relationship.SISTER: role_answer("SIS", "sister", "The patient's sister."),
        Relationship.BROTHER: role_answer("BRO", "brother", "The patient's brother."),
        Relationship.GRANDMOTHER: role_answer("GRMTH", "grandmother", "The patient's grandmother."),
        Relationship.GRANDFATHER: role_answer("GRFTH", "grandfather", "The patient's grandfather."),
        Relationship.GRANDCHILD: role_answer(
            "GRNDCHILD", "grandchild", "A grandchild of the patient."
        ),
        Relationship.AUNT: role_answer("AUNT", "aunt", "The patient's aunt."),
        Relationship.UNCLE: role_answer("UNCLE", "uncle", "The patient's uncle."),
        Relationship.COUSIN: role_answer("COUSN", "cousin", "The patient's cousin."),
        Relationship.EXTENDED_FAMILY: role_answer(
            "EXT", "extended family member", "A member of the wider family."
        ),
        Relationship.FAMILY_MEMBER: role_answer(
            "FAMMEMB", "family member", "A family member of the patient."
        ),
        Relationship.FRIEND: role_answer("FRND", "unrelated friend", "A friend."),
        Relationship.NEIGHBOUR: role_answer("NBOR", "neighbor", "A neighbour."),
        Relationship.ROOMMATE: role_answer(
            "ROOM",
            "Roommate",
            "Someone the patient lives with.",
        ),
        Relationship.FAITH_LEADER: local_answer(
            "faith-leader",
            "Faith leader",
            "A pastor, imam, rabbi, priest, monk or other spiritual guide the patient trusts.",
        ),
        Relationship.COMMUNITY_ELDER: local_answer(
            "community-elder",
            "Community elder or leader",
            "A respected elder or leader of the patient's cultural community.",
        ),
        Relationship.TRADITIONAL_HEALER: local_answer(
            "traditional-healer",
            "Traditional or cultural healer",
            "A healer working within the patient's cultural tradition.",
        ),
        Relationship.PEER_SUPPORTER: local_answer(
            "peer-supporter",
            "Peer supporter",
            "Someone with lived experience of mental-health difficulties who supports the patient.",
        ),
    },
)


INVOLVEMENT = answer_set(
    Involvement,
    "support-involvement",
    "Involvement in care",
    "How far the patient wants a support person involved in their care.",
    {
        Involvement.NONE: (
            "Not involved",
            "The person is not told about or involved in care.",
        ),
        Involvement.INFORMED: (
            "Kept informed only",
            "The person may receive the information the patient allows, but takes no part "
            "in decisions.",
        ),
        Involvement.DECISIONS: (
            "Takes part in decisions",
            "The person takes part in decisions about care with the patient.",
        ),
        Involvement.ATTENDS: (
            "Attends sessions",
            "The person may attend appointments or sessions with the patient.",
        ),
    },
)


SHARE_CATEGORY = answer_set(
    ShareCategory,
    "share-category",
    "Information that may be shared",
    "Kinds of information the patient allows a recipient to receive.",
    {
        ShareCategory.APPOINTMENTS: (
            "Appointment times",
            "Dates and times of appointments.",
        ),
        ShareCategory.GENERAL_WELLBEING: (
            "How I am doing in general",
            "General updates on wellbeing, without clinical details.",
        ),
        ShareCategory.PROBLEM_AND_DIAGNOSIS: (
            "My problem or diagnosis",
            "The problem being treated and any diagnosis.",
        ),
        ShareCategory.TREATMENT_PLAN: (
            "My treatment plan",
            "Goals, therapies and referrals in the care plan.",
        ),
        ShareCategory.MEDICATIONS: (
            "My medications",
            "Medications prescribed and how to take them.",
        ),
        ShareCategory.SAFETY_AND_CRISIS: (
            "Safety or crisis information",
            "What to do and whom to call if the patient is in crisis.",
        ),
    },
)
