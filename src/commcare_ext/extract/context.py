"""What extraction needs besides the intake: who sends, who receives, which patient record."""

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from commcare_ext.intake.vocabulary import SupportType

_REFERENCE = re.compile(r"^Patient/[A-Za-z0-9\-.]{1,64}$")


def _patient_reference(value: str) -> str:
    if not _REFERENCE.match(value):
        msg = "expected a literal reference such as 'Patient/123'"
        raise ValueError(msg)
    return value


class Organization(BaseModel):
    """An organisation: the sending clinic or a referral's performer."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=200)]
    identifier_system: Annotated[str, Field(pattern=r"^(urn:(oid|uuid):|https?://)\S+$")]
    identifier_value: Annotated[str, Field(min_length=1, max_length=64)]
    phone: str | None = None
    endpoint: str | None = None


class ReferralTarget(BaseModel):
    """A community support the patient is referred to, and the organisation that provides it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: SupportType
    organization: Organization | None = None
    note: str | None = None


class ExtractionContext(BaseModel):
    """The sending clinic, the referrals to make, and optionally the patient's existing record.

    With ``patient_reference`` the intake is filed against that Patient and no Patient is
    written (a full PUT would overwrite the EHR's demographics); language and interpreter
    needs still travel as Observations.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    clinic: Organization
    patient_reference: Annotated[str, AfterValidator(_patient_reference)] | None = None
    referrals: tuple[ReferralTarget, ...] = ()
