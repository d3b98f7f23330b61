"""The culturally informed mental-health intake, as validated data (no FHIR here).

Sections follow how a clinician thinks about the person: who they are and how they speak;
how they understand their problem (the four domains of the DSM-5 Cultural Formulation
Interview); who supports them and how involved each person may be; what care they want;
what they fear; what keeps care out of reach; how supported they feel (MOS-SSS).
"""

import re
from datetime import date
from typing import Annotated, Any, Self, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BeforeValidator,
    Field,
    field_validator,
    model_validator,
)

from commcare_ext.instruments import InstrumentAnswers, MosSocialSupport
from commcare_ext.intake.base import (
    EmailAddress,
    IntakeSection,
    LanguageTag,
    PatientText,
    PhoneNumber,
    ShortText,
    check_plain_text,
)
from commcare_ext.intake.identity import IdentityAndCommunication
from commcare_ext.intake.measures import check_measures, lift_legacy_fields
from commcare_ext.intake.practical import PracticalAccess
from commcare_ext.intake.safety import SuicideRiskScreen
from commcare_ext.intake.vocabulary import (
    AccessBarrier,
    ClinicianGender,
    DecisionStyle,
    DiscreetContact,
    HelpSource,
    IdiomOfDistress,
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
from commcare_ext.primitives import FULL_DATE, FULL_DATE_RE, ID_RE

_STABLE_ID = ID_RE
_URI = re.compile(r"^(urn:(oid|uuid):|https?://)\S+$")
_ISO_DATE = FULL_DATE_RE
#: The start of a date and time (pydantic reads the rest, zone included).
_ISO_DATE_TIME = re.compile(rf"^{FULL_DATE}[T ]\d{{2}}:\d{{2}}")


def _stable_id(value: str) -> str:
    if not _STABLE_ID.match(value):
        msg = "expected 1-64 letters, digits, '-' or '.' (it seeds stable FHIR ids)"
        raise ValueError(msg)
    return value


def _uri(value: str) -> str:
    if not _URI.match(value):
        msg = "expected an identifier system URI (http(s)://, urn:oid: or urn:uuid:)"
        raise ValueError(msg)
    return value


def _not_a_number(pattern: re.Pattern[str], expected: str) -> BeforeValidator:
    """Refuse numbers (and digit strings) that pydantic would read as seconds since 1970."""

    def check(value: object) -> object:
        if isinstance(value, int | float) or (isinstance(value, str) and not pattern.match(value)):
            raise ValueError(expected)
        return value

    return BeforeValidator(check)


def _not_in_future(value: date) -> date:
    if value > date.today():
        msg = "must not be in the future"
        raise ValueError(msg)
    return value


StableId = Annotated[str, AfterValidator(_stable_id)]
SystemUri = Annotated[str, AfterValidator(check_plain_text), AfterValidator(_uri)]
#: A calendar day in the past, as a date or ``YYYY-MM-DD``.
BirthDate = Annotated[
    date,
    _not_a_number(_ISO_DATE, "expected a calendar date YYYY-MM-DD"),
    AfterValidator(_not_in_future),
]
#: An instant with its time zone, as a datetime or ISO 8601 text (never a Unix timestamp).
Instant = Annotated[
    AwareDatetime,
    _not_a_number(_ISO_DATE_TIME, "expected an ISO 8601 date and time with a time zone"),
]


_T = TypeVar("_T")


def _unique(values: list[_T], field: str) -> list[_T]:
    if len(set(values)) != len(values):
        msg = f"{field}: each choice may appear only once"
        raise ValueError(msg)
    return values


def _exclusive(values: list[_T], sole: _T, field: str) -> None:
    if sole in values and len(values) > 1:
        msg = f"{field}: '{sole}' cannot be combined with other choices"
        raise ValueError(msg)


def _gated(
    gate: bool | None, chosen: list[_T], detail: str | None, gate_name: str, name: str
) -> None:
    """A yes/no question whose "yes" opens a list (at least one choice) and a detail."""
    _unique(chosen, name)
    if gate is not True and (chosen or detail):
        msg = f"{name}: only when {gate_name} is true"
        raise ValueError(msg)
    if gate is True and not chosen:
        msg = f"{name}: choose at least one when {gate_name} is true"
        raise ValueError(msg)


class PatientIdentity(IntakeSection):
    """Who the intake is about: the EHR's business identifier plus the name the patient gives."""

    identifier_system: SystemUri
    identifier_value: ShortText
    given_name: ShortText | None = None
    family_name: ShortText | None = None
    birth_date: BirthDate | None = None


class LanguageAndIdentity(IntakeSection):
    """Language, interpreter need, and the cultural and spiritual identity the patient describes."""

    preferred_language: LanguageTag
    interpreter_needed: bool
    other_languages: list[LanguageTag] = Field(default_factory=list)
    cultural_identity: PatientText | None = None
    religion_or_spirituality: ShortText | None = None
    spirituality_importance: SpiritualImportance | None = None
    spirituality_role: PatientText | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _unique(self.other_languages, "other_languages")
        if self.preferred_language in self.other_languages:
            msg = "other_languages: must not repeat the preferred language"
            raise ValueError(msg)
        if self.spirituality_role is not None and self.spirituality_importance not in (
            SpiritualImportance.SOMEWHAT_IMPORTANT,
            SpiritualImportance.VERY_IMPORTANT,
        ):
            msg = "spirituality_role: only when faith or spirituality helps the patient cope"
            raise ValueError(msg)
        return self


class CulturalFormulation(IntakeSection):
    """The patient's own account of the problem, grouped by the four CFI domains.

    Free text stays in the patient's words: clinicians need the idiom of distress
    ("nervios", "thinking too much") as said, not mapped to a diagnosis at intake.
    """

    # Domain 1: cultural definition of the problem.
    problem_in_own_words: PatientText
    problem_name_used_by_others: PatientText | None = None
    most_troubling_aspect: PatientText | None = None
    #: What the person calls their trouble, in their words ("nervios", "thinking too much").
    own_name_for_trouble: PatientText | None = None
    #: Optional: the glossary idiom a clinician recognises in it (never replaces the words).
    idiom_of_distress: IdiomOfDistress | None = None
    # Domain 2: cultural perceptions of cause, context and support.
    perceived_causes: list[PerceivedCause] = Field(default_factory=list)
    cause_in_own_words: PatientText | None = None
    others_view_of_cause: PatientText | None = None
    current_stressors: PatientText | None = None
    supports_that_help: PatientText | None = None
    identity_relevance: PatientText | None = None
    # Domain 3: cultural factors affecting self-coping and past help seeking.
    self_coping: PatientText | None = None
    past_help_sources: list[HelpSource] = Field(default_factory=list)
    past_help_experience: PatientText | None = None
    past_barriers: PatientText | None = None
    # Domain 4: cultural factors affecting current help seeking.
    help_wanted_now: PatientText | None = None
    others_suggested_help: PatientText | None = None
    worries_about_care: PatientText | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _unique(self.perceived_causes, "perceived_causes")
        _exclusive(self.perceived_causes, PerceivedCause.UNKNOWN, "perceived_causes")
        _unique(self.past_help_sources, "past_help_sources")
        _exclusive(self.past_help_sources, HelpSource.NONE, "past_help_sources")
        if self.past_help_experience is not None and not self.past_help_sources:
            msg = "past_help_experience: only when past_help_sources says where help was sought"
            raise ValueError(msg)
        return self


class SupportPerson(IntakeSection):
    """Someone in the patient's life, with the involvement the patient wants for them.

    A person marked ``do_not_contact`` is recorded so that nobody reaches out to them: the
    model refuses contact details, involvement or sharing for such a person, so no later
    step can accidentally contact or inform them.
    """

    name: ShortText
    relationship: Relationship
    relationship_detail: ShortText | None = None
    do_not_contact: bool = False
    do_not_contact_reason: PatientText | None = None
    phone: PhoneNumber | None = None
    email: EmailAddress | None = None
    involvement: Involvement | None = None
    may_share: list[ShareCategory] = Field(default_factory=list)
    emergency_contact: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _unique(self.may_share, "may_share")
        if self.do_not_contact:
            forbidden = [
                name
                for name, present in (
                    ("phone", self.phone is not None),
                    ("email", self.email is not None),
                    ("involvement", self.involvement not in (None, Involvement.NONE)),
                    ("may_share", bool(self.may_share)),
                    ("emergency_contact", self.emergency_contact),
                )
                if present
            ]
            if forbidden:
                msg = (
                    f"{', '.join(forbidden)}: must be empty for a person who must not be contacted"
                )
                raise ValueError(msg)
            return self
        if self.do_not_contact_reason is not None:
            msg = "do_not_contact_reason: only for a person marked do_not_contact"
            raise ValueError(msg)
        if self.involvement is None:
            msg = "involvement: required for a person who may be contacted"
            raise ValueError(msg)
        if self.involvement is Involvement.NONE and self.may_share:
            msg = "may_share: must be empty when the person is not to be involved"
            raise ValueError(msg)
        return self

    @property
    def contactable(self) -> bool:
        """True when the clinic may reach out to this person at all."""
        return not self.do_not_contact and self.involvement is not Involvement.NONE


class CarePreferences(IntakeSection):
    """The supports and the kind of care the patient wants."""

    preferred_supports: list[SupportType] = Field(default_factory=list)
    preferred_supports_detail: PatientText | None = None
    language_concordant_clinician: PreferenceStrength | None = None
    cultural_background_match: PreferenceStrength | None = None
    clinician_gender: ClinicianGender | None = None
    visit_mode: VisitMode | None = None
    therapy_format: TherapyFormat | None = None
    # Consent to referral: may the clinic refer the patient to community organisations, and
    # what may those organisations receive? Enforced by consent-aware referral bundles.
    referral_consent: bool | None = None
    referral_share: list[ReferralShare] = Field(default_factory=list)
    # True: the patient wants no community referral now (asked only when no support is
    # chosen). Matching then proposes nothing but crisis help, and no referral is built.
    community_referral_declined: bool | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _unique(self.preferred_supports, "preferred_supports")
        _unique(self.referral_share, "referral_share")
        if self.referral_share and self.referral_consent is not True:
            msg = "referral_share: only when referral_consent is true"
            raise ValueError(msg)
        if self.referral_consent is not None and not self.preferred_supports:
            msg = "referral_consent: only when preferred_supports has a choice"
            raise ValueError(msg)
        if self.preferred_supports_detail is not None and not self.preferred_supports:
            msg = "preferred_supports_detail: only when preferred_supports has a choice"
            raise ValueError(msg)
        if self.community_referral_declined is not None and self.preferred_supports:
            msg = "community_referral_declined: only when preferred_supports has no choice"
            raise ValueError(msg)
        return self


class StigmaAndPrivacy(IntakeSection):
    """What the patient fears about seeking care, and how the clinic must contact them."""

    has_concerns: bool | None = None
    concerns: list[StigmaConcern] = Field(default_factory=list)
    concerns_in_own_words: PatientText | None = None
    discreet_contact: list[DiscreetContact] = Field(default_factory=list)
    safe_contact_notes: PatientText | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _unique(self.discreet_contact, "discreet_contact")
        _gated(
            self.has_concerns, self.concerns, self.concerns_in_own_words, "has_concerns", "concerns"
        )
        return self


class AccessBarriers(IntakeSection):
    """What makes it hard to get to, or pay for, care."""

    has_barriers: bool | None = None
    barriers: list[AccessBarrier] = Field(default_factory=list)
    details: PatientText | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _gated(self.has_barriers, self.barriers, self.details, "has_barriers", "barriers")
        return self


class Intake(IntakeSection):
    """One completed intake for one patient.

    ``intake_id`` is the clinic's stable identifier for this intake; with the patient
    identifier it seeds every FHIR id the library derives, so re-sending the same intake
    never creates anything twice.
    """

    intake_id: StableId
    patient: PatientIdentity
    authored: Instant
    respondent: Respondent = Respondent.PATIENT
    language: LanguageAndIdentity
    formulation: CulturalFormulation
    decision_style: DecisionStyle | None = None
    support_persons: list[SupportPerson] = Field(default_factory=list, max_length=30)
    care: CarePreferences = Field(default_factory=CarePreferences)
    privacy: StigmaAndPrivacy = Field(default_factory=StigmaAndPrivacy)
    barriers: AccessBarriers = Field(default_factory=AccessBarriers)
    # Every instrument administered, by instrument id (see ``commcare_ext.instruments``).
    measures: dict[str, InstrumentAnswers] = Field(default_factory=dict, max_length=50)
    identity: IdentityAndCommunication = Field(default_factory=IdentityAndCommunication)
    # Optional, so intakes written before it existed read and extract exactly as before.
    practical: PracticalAccess | None = None
    #: The clinic's suicide-risk screen; ``None``: not screened in this intake.
    safety_screen: SuicideRiskScreen | None = None

    @field_validator("safety_screen")
    @classmethod
    def _empty_screen_is_absent(cls, value: SuicideRiskScreen | None) -> SuicideRiskScreen | None:
        return None if value is not None and not value.answers else value

    @model_validator(mode="before")
    @classmethod
    def _lift_legacy_fields(cls, data: Any) -> Any:
        return lift_legacy_fields(data)

    @field_validator("measures")
    @classmethod
    def _check_measures(cls, value: dict[str, InstrumentAnswers]) -> dict[str, InstrumentAnswers]:
        return check_measures(value)

    @property
    def social_support(self) -> MosSocialSupport | None:
        """The MOS-SSS answers (``measures["mos-sss"]``), as the survey model."""
        given = self.measures.get("mos-sss")
        return None if given is None else MosSocialSupport(answers=given.answers)

    @field_validator("practical")
    @classmethod
    def _empty_practical_is_absent(cls, value: PracticalAccess | None) -> PracticalAccess | None:
        return None if value is not None and value.is_empty else value

    def contactable_persons(self) -> list[SupportPerson]:
        """Support persons the clinic may reach out to."""
        return [p for p in self.support_persons if p.contactable]

    def do_not_contact_persons(self) -> list[SupportPerson]:
        """Support persons nobody may contact or inform."""
        return [p for p in self.support_persons if p.do_not_contact]
