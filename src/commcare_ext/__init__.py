"""commcare_ext: culturally informed mental-health intake, carried into FHIR R4.

The flow: an :class:`Intake` (validated, FHIR-free) <-> the SDC Questionnaire and its
QuestionnaireResponse; published terminology for everything the form codes.
"""

from commcare_ext.errors import CommcareError
from commcare_ext.instruments import MosScores, MosSocialSupport, score_mos_sss
from commcare_ext.intake import Intake, SupportPerson
from commcare_ext.questionnaire import (
    IntakeResponseError,
    ResponseProblem,
    build_questionnaire,
    intake_to_response,
    response_to_intake,
)
from commcare_ext.terminology.resources import code_system, value_sets

__all__ = [
    "CommcareError",
    "Intake",
    "IntakeResponseError",
    "MosScores",
    "MosSocialSupport",
    "ResponseProblem",
    "SupportPerson",
    "build_questionnaire",
    "code_system",
    "intake_to_response",
    "response_to_intake",
    "score_mos_sss",
    "value_sets",
]
