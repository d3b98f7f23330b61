"""The SDC intake Questionnaire, and QuestionnaireResponse <-> intake in both directions."""

from commcare_ext.questionnaire.build import (
    QUESTIONNAIRE_URL,
    QUESTIONNAIRE_URL_ES,
    build_questionnaire,
    questionnaire_canonical,
)
from commcare_ext.questionnaire.errors import IntakeResponseError, ProblemKind, ResponseProblem
from commcare_ext.questionnaire.read import response_to_intake
from commcare_ext.questionnaire.write import UnrepresentableIntakeError, intake_to_response

__all__ = [
    "QUESTIONNAIRE_URL",
    "QUESTIONNAIRE_URL_ES",
    "IntakeResponseError",
    "ProblemKind",
    "ResponseProblem",
    "UnrepresentableIntakeError",
    "build_questionnaire",
    "intake_to_response",
    "questionnaire_canonical",
    "response_to_intake",
]
