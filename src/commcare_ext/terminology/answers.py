"""Every coded answer of the intake: its code system, displays (English, Spanish), meaning.

The intake enums (``commcare_ext.intake.vocabulary``) hold only codes; this table gives
each member the system it belongs to and the words a patient sees. Wording is ours.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from commcare_ext.intake.vocabulary import (
    AccessBarrier,
    ClinicianGender,
    DecisionStyle,
    DiscreetContact,
    HelpSource,
    Involvement,
    PerceivedCause,
    PreferenceStrength,
    ReferralShare,
    Relationship,
    Respondent,
    ShareCategory,
    SpiritualImportance,
    StigmaConcern,
    SupportType,
    TherapyFormat,
    VisitMode,
)
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.systems import COMMCARE_CODESYSTEM, V3_ROLE_CODE


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer concept with what a patient reads in each language."""

    code: Code
    display_es: str
    definition: str

    @property
    def display_en(self) -> str:
        """English display: the code's own display."""
        return self.code.display


@dataclass(frozen=True, slots=True)
class AnswerSet:
    """The answers of one question, published as a ValueSet with this ``id``."""

    id: str
    title: str
    title_es: str
    description: str
    answers: Mapping[StrEnum, Answer]

    def answer(self, member: StrEnum) -> Answer:
        """Return the answer concept for an enum member of this set."""
        return self.answers[member]

    def member_for(self, system: str | None, code: str) -> StrEnum | None:
        """Find the enum member for a coding, or None when it is outside this set."""
        for member, answer in self.answers.items():
            if answer.code.code == code and (system is None or answer.code.system == system):
                return member
        return None


def _local(code: str, display: str, display_es: str, definition: str) -> Answer:
    return Answer(Code(COMMCARE_CODESYSTEM, code, display), display_es, definition)


def _role(code: str, display: str, display_es: str, definition: str) -> Answer:
    return Answer(Code(V3_ROLE_CODE, code, display), display_es, definition)


def _set(
    enum: type[StrEnum],
    id_: str,
    title: tuple[str, str],
    description: str,
    rows: Mapping[StrEnum, tuple[str, str, str]],
) -> AnswerSet:
    """Build a local-code answer set; every enum member must have a row."""
    missing = [m for m in enum if m not in rows]
    if missing:
        msg = f"answer set {id_} lacks rows for {missing}"
        raise ValueError(msg)
    answers = {m: _local(m.value, *rows[m]) for m in enum}
    return AnswerSet(id_, title[0], title[1], description, answers)


RELATIONSHIP = AnswerSet(
    "support-relationship",
    "Support person relationship",
    "Relación con la persona de apoyo",
    "Who a support person is to the patient: HL7 v3 personal relationship role codes, with "
    "community roles that v3 does not name.",
    {
        Relationship.MOTHER: _role("MTH", "mother", "Madre", "The patient's mother."),
        Relationship.FATHER: _role("FTH", "father", "Padre", "The patient's father."),
        Relationship.PARENT: _role("PRN", "parent", "Madre o padre", "A parent of the patient."),
        Relationship.SPOUSE: _role("SPS", "spouse", "Cónyuge", "The patient's spouse."),
        Relationship.HUSBAND: _role("HUSB", "husband", "Esposo", "The patient's husband."),
        Relationship.WIFE: _role("WIFE", "wife", "Esposa", "The patient's wife."),
        Relationship.DOMESTIC_PARTNER: _role(
            "DOMPART", "domestic partner", "Pareja de hecho", "The patient's domestic partner."
        ),
        Relationship.SIGNIFICANT_OTHER: _role(
            "SIGOTHR", "significant other", "Pareja", "The patient's partner."
        ),
        Relationship.CHILD: _role("CHILD", "child", "Hija o hijo", "A child of the patient."),
        Relationship.SISTER: _role("SIS", "sister", "Hermana", "The patient's sister."),
        Relationship.BROTHER: _role("BRO", "brother", "Hermano", "The patient's brother."),
        Relationship.GRANDMOTHER: _role(
            "GRMTH", "grandmother", "Abuela", "The patient's grandmother."
        ),
        Relationship.GRANDFATHER: _role(
            "GRFTH", "grandfather", "Abuelo", "The patient's grandfather."
        ),
        Relationship.GRANDCHILD: _role(
            "GRNDCHILD", "grandchild", "Nieta o nieto", "A grandchild of the patient."
        ),
        Relationship.AUNT: _role("AUNT", "aunt", "Tía", "The patient's aunt."),
        Relationship.UNCLE: _role("UNCLE", "uncle", "Tío", "The patient's uncle."),
        Relationship.COUSIN: _role("COUSN", "cousin", "Prima o primo", "The patient's cousin."),
        Relationship.EXTENDED_FAMILY: _role(
            "EXT", "extended family member", "Otro familiar", "A member of the wider family."
        ),
        Relationship.FAMILY_MEMBER: _role(
            "FAMMEMB", "family member", "Familiar", "A family member of the patient."
        ),
        Relationship.FRIEND: _role("FRND", "unrelated friend", "Amistad", "A friend."),
        Relationship.NEIGHBOUR: _role("NBOR", "neighbor", "Vecina o vecino", "A neighbour."),
        Relationship.ROOMMATE: _role(
            "ROOM",
            "Roommate",
            "Compañera o compañero de vivienda",
            "Someone the patient lives with.",
        ),
        Relationship.FAITH_LEADER: _local(
            "faith-leader",
            "Faith leader",
            "Líder religioso o espiritual",
            "A pastor, imam, rabbi, priest, monk or other spiritual guide the patient trusts.",
        ),
        Relationship.COMMUNITY_ELDER: _local(
            "community-elder",
            "Community elder or leader",
            "Persona mayor o líder de la comunidad",
            "A respected elder or leader of the patient's cultural community.",
        ),
        Relationship.TRADITIONAL_HEALER: _local(
            "traditional-healer",
            "Traditional or cultural healer",
            "Curandero o sanador tradicional",
            "A healer working within the patient's cultural tradition.",
        ),
        Relationship.PEER_SUPPORTER: _local(
            "peer-supporter",
            "Peer supporter",
            "Compañero de apoyo con experiencia propia",
            "Someone with lived experience of mental-health difficulties who supports the patient.",
        ),
    },
)

INVOLVEMENT = _set(
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

SHARE_CATEGORY = _set(
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

REFERRAL_SHARE = _set(
    ReferralShare,
    "referral-share",
    ("Information a referral may carry", "Información que puede llevar una derivación"),
    "What the patient allows community organisations they are referred to to receive.",
    {
        ReferralShare.CONTACT_DETAILS: (
            "My name and how to contact me",
            "Mi nombre y cómo contactarme",
            "Name, phone, e-mail and the private contact preferences needed to reach the patient.",
        ),
        ReferralShare.LANGUAGE_NEEDS: (
            "My language and interpreter needs",
            "Mi idioma y si necesito intérprete",
            "Preferred language and interpreter need.",
        ),
        ReferralShare.CARE_PREFERENCES: (
            "The kind of support I prefer",
            "El tipo de apoyo que prefiero",
            "Preferred supports and care preferences.",
        ),
        ReferralShare.ACCESS_BARRIERS: (
            "What makes it hard for me to get care",
            "Lo que me dificulta recibir atención",
            "Access barriers such as cost, transport or childcare.",
        ),
        ReferralShare.SUPPORT_NETWORK: (
            "The people who support me",
            "Las personas que me apoyan",
            "Support persons the patient allows to be involved, and their involvement.",
        ),
        ReferralShare.STIGMA_CONCERNS: (
            "My worries about privacy and stigma",
            "Mis preocupaciones sobre privacidad y estigma",
            "Stigma concerns, shared so the organisation can protect the patient's privacy.",
        ),
        ReferralShare.SOCIAL_SUPPORT_SCORES: (
            "My social-support survey results",
            "Los resultados de mi encuesta de apoyo social",
            "MOS Social Support Survey answers and scores.",
        ),
        ReferralShare.PROBLEM_SUMMARY: (
            "What I am going through, in my words",
            "Lo que estoy viviendo, en mis palabras",
            "The patient's own description of the problem and what help they want.",
        ),
    },
)

DECISION_STYLE = _set(
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

PERCEIVED_CAUSE = _set(
    PerceivedCause,
    "perceived-cause",
    ("What the patient believes causes the problem", "Lo que cree que causa el problema"),
    "The patient's explanatory model of their distress (CFI cause domain).",
    {
        PerceivedCause.LIFE_STRESS: ("Stress in my life", "Estrés en mi vida", "Life stress."),
        PerceivedCause.FAMILY_CONFLICT: (
            "Problems in my family",
            "Problemas en mi familia",
            "Conflict or strain within the family.",
        ),
        PerceivedCause.LOSS_OR_GRIEF: (
            "Loss or grief",
            "Una pérdida o un duelo",
            "Death of someone close or another loss.",
        ),
        PerceivedCause.TRAUMA_OR_VIOLENCE: (
            "Something frightening or violent that happened",
            "Algo violento o aterrador que viví",
            "Trauma or violence experienced or witnessed.",
        ),
        PerceivedCause.MIGRATION: (
            "Moving to a new country or place",
            "Haber emigrado o cambiado de lugar",
            "Migration, displacement or separation from home.",
        ),
        PerceivedCause.DISCRIMINATION: (
            "Being treated unfairly because of who I am",
            "Ser tratado injustamente por quién soy",
            "Discrimination or racism.",
        ),
        PerceivedCause.WORK_OR_MONEY: (
            "Work or money problems",
            "Problemas de trabajo o de dinero",
            "Employment or financial strain.",
        ),
        PerceivedCause.PHYSICAL_ILLNESS: (
            "A physical illness",
            "Una enfermedad física",
            "A bodily illness or its treatment.",
        ),
        PerceivedCause.SPIRITUAL: (
            "Spiritual or religious reasons",
            "Razones espirituales o religiosas",
            "A spiritual, religious or supernatural cause.",
        ),
        PerceivedCause.PERSONAL_WEAKNESS: (
            "Something about my character",
            "Algo de mi carácter",
            "The patient sees it as a personal failing or weakness.",
        ),
        PerceivedCause.SUBSTANCE_USE: (
            "Alcohol or drug use",
            "El consumo de alcohol o drogas",
            "Use of alcohol or other substances.",
        ),
        PerceivedCause.UNKNOWN: ("I don't know", "No lo sé", "The patient does not know."),
    },
)

HELP_SOURCE = _set(
    HelpSource,
    "help-source",
    ("Where help was sought before", "Dónde buscó ayuda antes"),
    "Sources of help the patient has already tried (CFI help-seeking domain).",
    {
        HelpSource.FAMILY: ("Family", "Familia", "Family members."),
        HelpSource.FRIENDS: ("Friends", "Amistades", "Friends."),
        HelpSource.FAITH_LEADER: (
            "Faith leader or religious community",
            "Líder o comunidad religiosa",
            "Clergy or a religious community.",
        ),
        HelpSource.TRADITIONAL_HEALER: (
            "Traditional or cultural healer",
            "Curandero o sanador tradicional",
            "A traditional or cultural healer.",
        ),
        HelpSource.PRIMARY_CARE: (
            "Family doctor or clinic",
            "Médico de cabecera o clínica",
            "Primary care.",
        ),
        HelpSource.MENTAL_HEALTH_PROFESSIONAL: (
            "Counsellor, therapist or psychiatrist",
            "Consejero, terapeuta o psiquiatra",
            "A mental-health professional.",
        ),
        HelpSource.EMERGENCY_SERVICES: (
            "Emergency room or crisis line",
            "Sala de emergencias o línea de crisis",
            "Emergency or crisis services.",
        ),
        HelpSource.COMMUNITY_ORGANISATION: (
            "Community organisation",
            "Organización comunitaria",
            "A community centre or non-profit organisation.",
        ),
        HelpSource.ONLINE: ("Online or apps", "Internet o aplicaciones", "Online resources."),
        HelpSource.NONE: ("No one yet", "Nadie todavía", "The patient has not sought help."),
    },
)

SUPPORT_TYPE = _set(
    SupportType,
    "preferred-support",
    ("Preferred community supports", "Apoyos comunitarios preferidos"),
    "Community supports the patient would like involved in their care.",
    {
        SupportType.PEER_SUPPORT_GROUP: (
            "Peer support group",
            "Grupo de apoyo entre pares",
            "A group of people with similar experiences.",
        ),
        SupportType.FAITH_COMMUNITY: (
            "Faith community",
            "Comunidad de fe",
            "A church, mosque, temple, synagogue or other faith community.",
        ),
        SupportType.COMMUNITY_CENTRE: (
            "Community or cultural centre",
            "Centro comunitario o cultural",
            "A community, cultural or neighbourhood centre.",
        ),
        SupportType.TRADITIONAL_HEALER: (
            "Traditional or cultural healer",
            "Curandero o sanador tradicional",
            "Healing within the patient's cultural tradition.",
        ),
        SupportType.ONLINE_COMMUNITY: (
            "Online community",
            "Comunidad en línea",
            "A moderated online group or forum.",
        ),
        SupportType.FAMILY: (
            "My family",
            "Mi familia",
            "Family involvement as a support in itself.",
        ),
    },
)

PREFERENCE_STRENGTH = _set(
    PreferenceStrength,
    "preference-strength",
    ("How much it matters", "Cuánto le importa"),
    "How much a care preference matters to the patient.",
    {
        PreferenceStrength.IMPORTANT: ("Very important to me", "Muy importante", "Essential."),
        PreferenceStrength.PREFERRED: (
            "I would prefer it",
            "Lo preferiría",
            "Preferred, not essential.",
        ),
        PreferenceStrength.NO_PREFERENCE: (
            "It does not matter",
            "No me importa",
            "No preference.",
        ),
    },
)

CLINICIAN_GENDER = _set(
    ClinicianGender,
    "clinician-gender",
    ("Preferred clinician gender", "Género preferido del profesional"),
    "The clinician gender the patient is most comfortable with.",
    {
        ClinicianGender.WOMAN: ("A woman", "Una mujer", "Prefers a woman clinician."),
        ClinicianGender.MAN: ("A man", "Un hombre", "Prefers a man clinician."),
        ClinicianGender.NO_PREFERENCE: ("No preference", "Me da igual", "No preference."),
    },
)

VISIT_MODE = _set(
    VisitMode,
    "visit-mode",
    ("Preferred way to meet", "Forma preferida de reunirse"),
    "How the patient prefers to meet their clinician.",
    {
        VisitMode.IN_PERSON: ("In person", "En persona", "Face-to-face visits."),
        VisitMode.VIDEO: ("Video call", "Videollamada", "Video visits."),
        VisitMode.PHONE: ("Phone call", "Llamada telefónica", "Telephone visits."),
        VisitMode.NO_PREFERENCE: ("No preference", "Me da igual", "No preference."),
    },
)

THERAPY_FORMAT = _set(
    TherapyFormat,
    "therapy-format",
    ("Preferred session format", "Tipo de sesión preferido"),
    "Individual, group or family sessions.",
    {
        TherapyFormat.INDIVIDUAL: ("Just me", "Solo yo", "Individual sessions."),
        TherapyFormat.GROUP: ("In a group", "En grupo", "Group sessions."),
        TherapyFormat.FAMILY: ("With my family", "Con mi familia", "Family sessions."),
        TherapyFormat.NO_PREFERENCE: ("No preference", "Me da igual", "No preference."),
    },
)

STIGMA_CONCERN = _set(
    StigmaConcern,
    "stigma-concern",
    ("Stigma concerns", "Preocupaciones por el estigma"),
    "Fears of what seeking mental-health care could cost the patient socially.",
    {
        StigmaConcern.FAMILY_SHAME: (
            "Bringing shame on my family",
            "Avergonzar a mi familia",
            "Fear that care would bring shame or dishonour on the family.",
        ),
        StigmaConcern.COMMUNITY_GOSSIP: (
            "People in my community finding out",
            "Que la gente de mi comunidad se entere",
            "Fear of gossip or exposure in the community.",
        ),
        StigmaConcern.JOB_CONSEQUENCES: (
            "Problems at work or school",
            "Problemas en el trabajo o la escuela",
            "Fear of losing a job, promotion or place in school.",
        ),
        StigmaConcern.SEEN_AS_WEAK: (
            "Being seen as weak",
            "Que me vean como una persona débil",
            "Fear of being judged weak or unable to cope.",
        ),
        StigmaConcern.LABELLED_MENTALLY_ILL: (
            "Being labelled as mentally ill",
            "Que me etiqueten como enfermo mental",
            "Fear of a psychiatric label.",
        ),
        StigmaConcern.FAITH_DISAPPROVAL: (
            "Disapproval from my faith community",
            "El rechazo de mi comunidad de fe",
            "Fear that the faith community would disapprove.",
        ),
        StigmaConcern.CUSTODY_OR_LEGAL: (
            "Losing custody or legal trouble",
            "Perder la custodia o tener problemas legales",
            "Fear of consequences for custody, immigration status or legal matters.",
        ),
        StigmaConcern.RECORDS_SEEN: (
            "Others seeing my health records",
            "Que otros vean mi expediente médico",
            "Fear that records could be seen by family, employers or insurers.",
        ),
    },
)

DISCREET_CONTACT = _set(
    DiscreetContact,
    "discreet-contact",
    ("Private contact preferences", "Preferencias de contacto privado"),
    "How the clinic must, or must not, contact the patient so that care stays private.",
    {
        DiscreetContact.NO_VOICEMAIL: (
            "Do not leave voicemail",
            "No dejar mensajes de voz",
            "No voice messages.",
        ),
        DiscreetContact.NO_MAIL_HOME: (
            "Do not send mail to my home",
            "No enviar correo postal a mi casa",
            "No letters to the home address.",
        ),
        DiscreetContact.NO_TEXT_MESSAGES: (
            "Do not send text messages",
            "No enviar mensajes de texto",
            "No SMS.",
        ),
        DiscreetContact.NO_CALLS_AT_WORK: (
            "Do not call me at work",
            "No llamarme al trabajo",
            "No calls to a workplace number.",
        ),
        DiscreetContact.NEUTRAL_CLINIC_NAME: (
            "Use a neutral name when contacting me",
            "Usar un nombre neutral al contactarme",
            "Do not name mental-health services in messages or caller ID.",
        ),
        DiscreetContact.PATIENT_INITIATES: (
            "Only I start contact",
            "Solo yo inicio el contacto",
            "The clinic waits for the patient to get in touch.",
        ),
    },
)

ACCESS_BARRIER = _set(
    AccessBarrier,
    "access-barrier",
    ("Barriers to care", "Obstáculos para recibir atención"),
    "What keeps care out of reach.",
    {
        AccessBarrier.COST: ("Cost of care", "El costo de la atención", "Cannot afford care."),
        AccessBarrier.INSURANCE: (
            "No insurance or insurance problems",
            "Falta de seguro o problemas con el seguro",
            "Uninsured, underinsured or coverage problems.",
        ),
        AccessBarrier.TRANSPORT: (
            "Getting there (transport)",
            "Transporte para llegar",
            "No reliable transport to appointments.",
        ),
        AccessBarrier.DISTANCE: (
            "Services are far away",
            "Los servicios quedan lejos",
            "Distance or rural location.",
        ),
        AccessBarrier.CHILDCARE: (
            "Childcare",
            "Cuidado de los hijos",
            "No one to look after children during appointments.",
        ),
        AccessBarrier.CAREGIVING: (
            "Caring for another adult",
            "Cuidar a otro adulto",
            "Caring duties for an ill, older or disabled adult.",
        ),
        AccessBarrier.WORK_HOURS: (
            "Work hours",
            "Horario de trabajo",
            "Cannot take time off work during opening hours.",
        ),
        AccessBarrier.DIGITAL_ACCESS: (
            "No reliable phone, internet or device",
            "Sin teléfono, internet o dispositivo confiable",
            "Cannot rely on a phone, internet or a device for virtual care.",
        ),
        AccessBarrier.LANGUAGE: (
            "Language",
            "El idioma",
            "Services are not offered in the patient's language.",
        ),
        AccessBarrier.IMMIGRATION_CONCERNS: (
            "Worries about immigration status",
            "Preocupación por la situación migratoria",
            "Fear that using services could affect immigration status.",
        ),
        AccessBarrier.DISABILITY: (
            "Disability or mobility",
            "Discapacidad o movilidad",
            "A disability that makes attending difficult.",
        ),
    },
)

SPIRITUAL_IMPORTANCE = _set(
    SpiritualImportance,
    "spiritual-importance",
    ("Importance of faith in coping", "Importancia de la fe para sobrellevar"),
    "How much faith or spirituality helps the patient cope.",
    {
        SpiritualImportance.NOT_IMPORTANT: (
            "Not important",
            "No es importante",
            "Faith or spirituality plays no part in coping.",
        ),
        SpiritualImportance.SOMEWHAT_IMPORTANT: (
            "Somewhat important",
            "Algo importante",
            "Faith or spirituality helps somewhat.",
        ),
        SpiritualImportance.VERY_IMPORTANT: (
            "Very important",
            "Muy importante",
            "Faith or spirituality is central to coping.",
        ),
    },
)

RESPONDENT = _set(
    Respondent,
    "respondent",
    ("Who answered", "Quién respondió"),
    "Who answered the intake.",
    {
        Respondent.PATIENT: ("The patient", "El paciente", "The patient answered alone."),
        Respondent.PATIENT_WITH_CLINICIAN: (
            "The patient, with a clinician",
            "El paciente, con un profesional",
            "A clinician asked the questions and recorded the patient's answers.",
        ),
        Respondent.PATIENT_WITH_INTERPRETER: (
            "The patient, with an interpreter",
            "El paciente, con un intérprete",
            "The patient answered through an interpreter.",
        ),
        Respondent.INFORMANT: (
            "A family member or other informant",
            "Un familiar u otro informante",
            "Someone close to the patient answered on their behalf.",
        ),
    },
)

#: Every answer set, in publication order.
ANSWER_SETS: tuple[AnswerSet, ...] = (
    RELATIONSHIP,
    INVOLVEMENT,
    SHARE_CATEGORY,
    REFERRAL_SHARE,
    DECISION_STYLE,
    PERCEIVED_CAUSE,
    HELP_SOURCE,
    SUPPORT_TYPE,
    PREFERENCE_STRENGTH,
    CLINICIAN_GENDER,
    VISIT_MODE,
    THERAPY_FORMAT,
    STIGMA_CONCERN,
    DISCREET_CONTACT,
    ACCESS_BARRIER,
    SPIRITUAL_IMPORTANCE,
    RESPONDENT,
)

_BY_ENUM: dict[type[StrEnum], AnswerSet] = {type(next(iter(s.answers))): s for s in ANSWER_SETS}


def answer_set_for(enum: type[StrEnum]) -> AnswerSet:
    """Return the answer set that publishes an intake enum."""
    return _BY_ENUM[enum]


def coding_for(member: StrEnum) -> Code:
    """Return the standard or local code of an intake enum member."""
    return _BY_ENUM[type(member)].answer(member).code
