"""The intake's coded answers, as enums whose values are their codes.

Each enum is the domain vocabulary of one question. The codes are either HL7 v3 codes
(relationships) or codes of our own CodeSystem; ``commcare_ext.terminology`` knows which
system each member belongs to and its English and Spanish displays, so this module stays
free of FHIR and of display text.
"""

from enum import StrEnum


class Relationship(StrEnum):
    """Who a support person is to the patient (HL7 v3 RoleCode, plus our community roles)."""

    MOTHER = "MTH"
    FATHER = "FTH"
    PARENT = "PRN"
    SPOUSE = "SPS"
    HUSBAND = "HUSB"
    WIFE = "WIFE"
    DOMESTIC_PARTNER = "DOMPART"
    SIGNIFICANT_OTHER = "SIGOTHR"
    CHILD = "CHILD"
    SISTER = "SIS"
    BROTHER = "BRO"
    GRANDMOTHER = "GRMTH"
    GRANDFATHER = "GRFTH"
    GRANDCHILD = "GRNDCHILD"
    AUNT = "AUNT"
    UNCLE = "UNCLE"
    COUSIN = "COUSN"
    EXTENDED_FAMILY = "EXT"
    FAMILY_MEMBER = "FAMMEMB"
    FRIEND = "FRND"
    NEIGHBOUR = "NBOR"
    ROOMMATE = "ROOM"
    # Community roles no v3 RoleCode names; ours (RelatedPerson.relationship is extensible).
    FAITH_LEADER = "faith-leader"
    COMMUNITY_ELDER = "community-elder"
    TRADITIONAL_HEALER = "traditional-healer"
    PEER_SUPPORTER = "peer-supporter"


class Involvement(StrEnum):
    """How far the patient wants a support person involved in their care."""

    NONE = "involvement-none"
    INFORMED = "involvement-informed"
    DECISIONS = "involvement-decisions"
    ATTENDS = "involvement-attends"


class ShareCategory(StrEnum):
    """Kinds of information the patient may allow a support person or organisation to receive."""

    APPOINTMENTS = "share-appointments"
    GENERAL_WELLBEING = "share-wellbeing"
    PROBLEM_AND_DIAGNOSIS = "share-diagnosis"
    TREATMENT_PLAN = "share-treatment-plan"
    MEDICATIONS = "share-medications"
    SAFETY_AND_CRISIS = "share-safety"


class ReferralShare(StrEnum):
    """What the patient allows the community organisations they are referred to to receive.

    Consent-aware referral bundles include a resource only when its category is allowed.
    """

    CONTACT_DETAILS = "referral-share-contact"
    LANGUAGE_NEEDS = "referral-share-language"
    CARE_PREFERENCES = "referral-share-preferences"
    ACCESS_BARRIERS = "referral-share-barriers"
    SUPPORT_NETWORK = "referral-share-network"
    STIGMA_CONCERNS = "referral-share-stigma"
    SOCIAL_SUPPORT_SCORES = "referral-share-social-support"
    PROBLEM_SUMMARY = "referral-share-problem"


class DecisionStyle(StrEnum):
    """Who the patient wants to make decisions about their care."""

    INDIVIDUAL = "decision-individual"
    SHARED = "decision-shared"
    FAMILY_CENTRED = "decision-family-centred"


class ContactSafety(StrEnum):
    """The answer to "Is it safe for us to contact this person?" (stored as ``do_not_contact``).

    Each answer states its meaning in full, so the question can be asked positively without
    a bare yes/no whose sense could be flipped.
    """

    SAFE = "contact-safe"
    NEVER = "contact-never"


class IdiomOfDistress(StrEnum):
    """A cultural concept of distress of the DSM-5-TR glossary, as a clinician may code it.

    The code never replaces the person's words; it helps a clinician recognise the idiom.
    """

    ATAQUE_DE_NERVIOS = "idiom-ataque-de-nervios"
    NERVIOS = "idiom-nervios"
    SUSTO = "idiom-susto"
    KHYAL_CAP = "idiom-khyal-cap"
    KUFUNGISISA = "idiom-kufungisisa"
    MALADI_MOUN = "idiom-maladi-moun"
    SHENJING_SHUAIRUO = "idiom-shenjing-shuairuo"
    TAIJIN_KYOFUSHO = "idiom-taijin-kyofusho"
    DHAT = "idiom-dhat"


class PerceivedCause(StrEnum):
    """The patient's explanatory model: what they believe is causing the problem (CFI domain 2)."""

    LIFE_STRESS = "cause-life-stress"
    FAMILY_CONFLICT = "cause-family-conflict"
    LOSS_OR_GRIEF = "cause-loss-grief"
    TRAUMA_OR_VIOLENCE = "cause-trauma"
    MIGRATION = "cause-migration"
    DISCRIMINATION = "cause-discrimination"
    WORK_OR_MONEY = "cause-work-money"
    PHYSICAL_ILLNESS = "cause-physical-illness"
    SPIRITUAL = "cause-spiritual"
    PERSONAL_WEAKNESS = "cause-personal-weakness"
    SUBSTANCE_USE = "cause-substance-use"
    UNKNOWN = "cause-unknown"


class HelpSource(StrEnum):
    """Where the patient has already looked for help (CFI domain 3)."""

    FAMILY = "help-family"
    FRIENDS = "help-friends"
    FAITH_LEADER = "help-faith-leader"
    TRADITIONAL_HEALER = "help-traditional-healer"
    PRIMARY_CARE = "help-primary-care"
    MENTAL_HEALTH_PROFESSIONAL = "help-mental-health"
    EMERGENCY_SERVICES = "help-emergency"
    COMMUNITY_ORGANISATION = "help-community-org"
    ONLINE = "help-online"
    NONE = "help-none"


class SupportType(StrEnum):
    """Community supports the patient would like to be part of their care."""

    PEER_SUPPORT_GROUP = "support-peer-group"
    FAITH_COMMUNITY = "support-faith-community"
    COMMUNITY_CENTRE = "support-community-centre"
    TRADITIONAL_HEALER = "support-traditional-healer"
    ONLINE_COMMUNITY = "support-online-community"
    FAMILY = "support-family"


class PreferenceStrength(StrEnum):
    """How much a care preference matters to the patient."""

    IMPORTANT = "pref-important"
    PREFERRED = "pref-preferred"
    NO_PREFERENCE = "pref-none"


class ClinicianGender(StrEnum):
    """The clinician gender the patient is most comfortable with."""

    WOMAN = "clinician-woman"
    MAN = "clinician-man"
    NO_PREFERENCE = "clinician-any"


class VisitMode(StrEnum):
    """How the patient prefers to meet their clinician."""

    IN_PERSON = "visit-in-person"
    VIDEO = "visit-video"
    PHONE = "visit-phone"
    NO_PREFERENCE = "visit-any"


class TherapyFormat(StrEnum):
    """Individual, group or family sessions."""

    INDIVIDUAL = "format-individual"
    GROUP = "format-group"
    FAMILY = "format-family"
    NO_PREFERENCE = "format-any"


class StigmaConcern(StrEnum):
    """Fears of what seeking mental-health care could cost the patient socially."""

    FAMILY_SHAME = "stigma-family-shame"
    COMMUNITY_GOSSIP = "stigma-gossip"
    JOB_CONSEQUENCES = "stigma-job"
    SEEN_AS_WEAK = "stigma-seen-as-weak"
    LABELLED_MENTALLY_ILL = "stigma-labelled"
    FAITH_DISAPPROVAL = "stigma-faith-disapproval"
    CUSTODY_OR_LEGAL = "stigma-custody-legal"
    RECORDS_SEEN = "stigma-records-seen"


class DiscreetContact(StrEnum):
    """How the clinic must (not) reach the patient, so care stays private."""

    NO_VOICEMAIL = "contact-no-voicemail"
    NO_MAIL_HOME = "contact-no-mail-home"
    NO_TEXT_MESSAGES = "contact-no-text"
    NO_CALLS_AT_WORK = "contact-no-work-calls"
    NEUTRAL_CLINIC_NAME = "contact-neutral-name"
    PATIENT_INITIATES = "contact-patient-initiates"


class AccessBarrier(StrEnum):
    """What keeps care out of reach."""

    COST = "barrier-cost"
    INSURANCE = "barrier-insurance"
    TRANSPORT = "barrier-transport"
    DISTANCE = "barrier-distance"
    CHILDCARE = "barrier-childcare"
    CAREGIVING = "barrier-caregiving"
    WORK_HOURS = "barrier-work-hours"
    DIGITAL_ACCESS = "barrier-digital"
    LANGUAGE = "barrier-language"
    IMMIGRATION_CONCERNS = "barrier-immigration"
    DISABILITY = "barrier-disability"


class SpiritualImportance(StrEnum):
    """How much faith or spirituality helps the patient cope."""

    NOT_IMPORTANT = "spiritual-not-important"
    SOMEWHAT_IMPORTANT = "spiritual-somewhat"
    VERY_IMPORTANT = "spiritual-very"


class Respondent(StrEnum):
    """Who answered the intake: it changes how much weight a clinician gives the answers."""

    PATIENT = "respondent-patient"
    PATIENT_WITH_CLINICIAN = "respondent-with-clinician"
    PATIENT_WITH_INTERPRETER = "respondent-with-interpreter"
    INFORMANT = "respondent-informant"


class GenderIdentity(StrEnum):
    """How the person describes their gender (asked, never assumed)."""

    WOMAN = "gender-woman"
    MAN = "gender-man"
    NON_BINARY = "gender-non-binary"
    OWN_WORDS = "gender-own-words"
    DECLINED = "gender-declined"


class Pronouns(StrEnum):
    """The pronouns to use for the person."""

    SHE = "pronouns-she"
    HE = "pronouns-he"
    THEY = "pronouns-they"
    OWN_WORDS = "pronouns-own-words"
    DECLINED = "pronouns-declined"


class CommunicationNeed(StrEnum):
    """Needs beyond a spoken language that care must meet."""

    SIGN_LANGUAGE_INTERPRETER = "need-sign-language-interpreter"
    HEARING_LOSS = "need-hearing-loss"
    RELAY_OR_TTY = "need-relay-tty"
    LARGE_PRINT = "need-large-print"
    READ_ALOUD = "need-read-aloud"


class InterpreterToday(StrEnum):
    """Who is interpreting at this visit."""

    NOBODY = "interpreting-nobody"
    FAMILY_MEMBER = "interpreting-family"
    FRIEND = "interpreting-friend"
    PROFESSIONAL = "interpreting-professional"
    STAFF = "interpreting-staff"


class MigrationStatus(StrEnum):
    """Refugee or asylum status, only as the person chooses to state it."""

    REFUGEE = "migration-refugee"
    ASYLUM_SEEKER = "migration-asylum-seeker"
    OWN_WORDS = "migration-own-words"
    DECLINED = "migration-declined"


class DayOfWeek(StrEnum):
    """A day the patient can take part (HL7 ``days-of-week`` codes)."""

    MONDAY = "mon"
    TUESDAY = "tue"
    WEDNESDAY = "wed"
    THURSDAY = "thu"
    FRIDAY = "fri"
    SATURDAY = "sat"
    SUNDAY = "sun"


class TravelMode(StrEnum):
    """How the patient can get to a support in person."""

    CAR = "travel-car"
    PUBLIC_TRANSIT = "travel-transit"
    WALKING = "travel-walking"
    RIDES_FROM_OTHERS = "travel-rides"
    NONE = "travel-none"


class DistanceUnit(StrEnum):
    """The unit the patient gave a distance in (UCUM codes)."""

    KILOMETRE = "km"
    MILE = "[mi_i]"


class PhoneAccess(StrEnum):
    """Whether the patient can take part by phone, and how privately."""

    OWN = "phone-own"
    SHARED = "phone-shared"
    UNRELIABLE = "phone-unreliable"
    NONE = "phone-none"


class InternetAccess(StrEnum):
    """Whether the patient has internet good enough for video, for messages only, or none."""

    VIDEO = "internet-video"
    BASIC = "internet-basic"
    NONE = "internet-none"


class TakingPart(StrEnum):
    """Ways of taking part in a community support the patient is willing to use."""

    IN_PERSON = "take-part-in-person"
    PHONE = "take-part-phone"
    VIDEO = "take-part-video"
    TEXT = "take-part-text"


class EligibilityGroup(StrEnum):
    """Groups some services are only for; the patient says which describe them, if any."""

    WOMAN = "group-woman"
    MAN = "group-man"
    NON_BINARY = "group-non-binary"
    REFUGEE = "group-refugee"
    IMMIGRANT = "group-immigrant"
    LGBTQ = "group-lgbtq"
    TRIBAL_MEMBER = "group-tribal-member"
    VETERAN = "group-veteran"
    CAREGIVER = "group-caregiver"
    SURVIVOR = "group-survivor"
    DISABILITY = "group-disability"
    FARMWORKER = "group-farmworker"
