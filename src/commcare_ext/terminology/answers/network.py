"""Answers of 'The people in your life': decision style, relationships, involvement, sharing."""

from commcare_ext.intake.vocabulary import DecisionStyle, Involvement, Relationship, ShareCategory
from commcare_ext.terminology.answers.base import AnswerSet, answer_set, local_answer, role_answer

DECISION_STYLE = answer_set(
    DecisionStyle,
    "decision-style",
    ("Decision-making style", "Forma de tomar decisiones"),
    "Who the patient wants to make decisions about their care.",
    {
        DecisionStyle.INDIVIDUAL: (
            "I decide for myself",
            "Decido por mi cuenta",
            "The patient makes care decisions alone.",
        ),
        DecisionStyle.SHARED: (
            "I decide together with people close to me",
            "Decido junto con personas cercanas",
            "The patient decides, after talking with chosen support persons.",
        ),
        DecisionStyle.FAMILY_CENTRED: (
            "My family decides together",
            "Mi familia decide en conjunto",
            "Decisions are made by the family as a group, as is usual in the patient's culture.",
        ),
    },
)


RELATIONSHIP = AnswerSet(
    "support-relationship",
    "Support person relationship",
    "Relación con la persona de apoyo",
    "Who a support person is to the patient: HL7 v3 personal relationship role codes, with "
    "community roles that v3 does not name.",
    {
        Relationship.MOTHER: role_answer("MTH", "mother", "Madre", "The patient's mother."),
        Relationship.FATHER: role_answer("FTH", "father", "Padre", "The patient's father."),
        Relationship.PARENT: role_answer(
            "PRN", "parent", "Madre o padre", "A parent of the patient."
        ),
        Relationship.SPOUSE: role_answer("SPS", "spouse", "Cónyuge", "The patient's spouse."),
        Relationship.HUSBAND: role_answer("HUSB", "husband", "Esposo", "The patient's husband."),
        Relationship.WIFE: role_answer("WIFE", "wife", "Esposa", "The patient's wife."),
        Relationship.DOMESTIC_PARTNER: role_answer(
            "DOMPART", "domestic partner", "Pareja de hecho", "The patient's domestic partner."
        ),
        Relationship.SIGNIFICANT_OTHER: role_answer(
            "SIGOTHR", "significant other", "Pareja", "The patient's partner."
        ),
        Relationship.CHILD: role_answer("CHILD", "child", "Hija o hijo", "A child of the patient."),
        Relationship.SISTER: role_answer("SIS", "sister", "Hermana", "The patient's sister."),
        Relationship.BROTHER: role_answer("BRO", "brother", "Hermano", "The patient's brother."),
        Relationship.GRANDMOTHER: role_answer(
            "GRMTH", "grandmother", "Abuela", "The patient's grandmother."
        ),
        Relationship.GRANDFATHER: role_answer(
            "GRFTH", "grandfather", "Abuelo", "The patient's grandfather."
        ),
        Relationship.GRANDCHILD: role_answer(
            "GRNDCHILD", "grandchild", "Nieta o nieto", "A grandchild of the patient."
        ),
        Relationship.AUNT: role_answer("AUNT", "aunt", "Tía", "The patient's aunt."),
        Relationship.UNCLE: role_answer("UNCLE", "uncle", "Tío", "The patient's uncle."),
        Relationship.COUSIN: role_answer(
            "COUSN", "cousin", "Prima o primo", "The patient's cousin."
        ),
        Relationship.EXTENDED_FAMILY: role_answer(
            "EXT", "extended family member", "Otro familiar", "A member of the wider family."
        ),
        Relationship.FAMILY_MEMBER: role_answer(
            "FAMMEMB", "family member", "Familiar", "A family member of the patient."
        ),
        Relationship.FRIEND: role_answer("FRND", "unrelated friend", "Amistad", "A friend."),
        Relationship.NEIGHBOUR: role_answer("NBOR", "neighbor", "Vecina o vecino", "A neighbour."),
        Relationship.ROOMMATE: role_answer(
            "ROOM",
            "Roommate",
            "Compañera o compañero de vivienda",
            "Someone the patient lives with.",
        ),
        Relationship.FAITH_LEADER: local_answer(
            "faith-leader",
            "Faith leader",
            "Líder religioso o espiritual",
            "A pastor, imam, rabbi, priest, monk or other spiritual guide the patient trusts.",
        ),
        Relationship.COMMUNITY_ELDER: local_answer(
            "community-elder",
            "Community elder or leader",
            "Persona mayor o líder de la comunidad",
            "A respected elder or leader of the patient's cultural community.",
        ),
        Relationship.TRADITIONAL_HEALER: local_answer(
            "traditional-healer",
            "Traditional or cultural healer",
            "Curandero o sanador tradicional",
            "A healer working within the patient's cultural tradition.",
        ),
        Relationship.PEER_SUPPORTER: local_answer(
            "peer-supporter",
            "Peer supporter",
            "Compañero de apoyo con experiencia propia",
            "Someone with lived experience of mental-health difficulties who supports the patient.",
        ),
    },
)


INVOLVEMENT = answer_set(
    Involvement,
    "support-involvement",
    ("Involvement in care", "Participación en la atención"),
    "How far the patient wants a support person involved in their care.",
    {
        Involvement.NONE: (
            "Not involved",
            "Sin participación",
            "The person is not told about or involved in care.",
        ),
        Involvement.INFORMED: (
            "Kept informed only",
            "Solo se le mantiene informado",
            "The person may receive the information the patient allows, but takes no part "
            "in decisions.",
        ),
        Involvement.DECISIONS: (
            "Takes part in decisions",
            "Participa en las decisiones",
            "The person takes part in decisions about care with the patient.",
        ),
        Involvement.ATTENDS: (
            "Attends sessions",
            "Acompaña a las sesiones",
            "The person may attend appointments or sessions with the patient.",
        ),
    },
)


SHARE_CATEGORY = answer_set(
    ShareCategory,
    "share-category",
    ("Information that may be shared", "Información que se puede compartir"),
    "Kinds of information the patient allows a recipient to receive.",
    {
        ShareCategory.APPOINTMENTS: (
            "Appointment times",
            "Horarios de citas",
            "Dates and times of appointments.",
        ),
        ShareCategory.GENERAL_WELLBEING: (
            "How I am doing in general",
            "Cómo me encuentro en general",
            "General updates on wellbeing, without clinical details.",
        ),
        ShareCategory.PROBLEM_AND_DIAGNOSIS: (
            "My problem or diagnosis",
            "Mi problema o diagnóstico",
            "The problem being treated and any diagnosis.",
        ),
        ShareCategory.TREATMENT_PLAN: (
            "My treatment plan",
            "Mi plan de tratamiento",
            "Goals, therapies and referrals in the care plan.",
        ),
        ShareCategory.MEDICATIONS: (
            "My medications",
            "Mis medicamentos",
            "Medications prescribed and how to take them.",
        ),
        ShareCategory.SAFETY_AND_CRISIS: (
            "Safety or crisis information",
            "Información de seguridad o crisis",
            "What to do and whom to call if the patient is in crisis.",
        ),
    },
)
