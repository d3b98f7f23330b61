"""The SDC intake Questionnaire, QuestionnaireResponse <-> intake, and our published terminology.

``build_questionnaire`` and the CodeSystem/ValueSets it uses (``code_system``,
``value_sets``) are published together, as files or as a FHIR package
(``write_fhir_package``); ``response_to_intake`` and ``intake_to_response`` walk the same
form definition, so the form and the mapping cannot drift apart.
"""

from commcare_ext.questionnaire.build import (
    QUESTIONNAIRE_URL,
    QUESTIONNAIRE_URL_ES,
    QUESTIONNAIRE_URLS,
    build_questionnaire,
    questionnaire_canonical,
    variant_language,
)
from commcare_ext.questionnaire.errors import (
    IntakeResponseError,
    ProblemKind,
    ResponseProblem,
    UnrepresentableIntakeError,
    UnsupportedLanguageError,
)
from commcare_ext.questionnaire.messages import ProblemMessage, problem_messages
from commcare_ext.questionnaire.package import (
    FHIR_PACKAGE_NAME,
    fhir_package,
    published_resources,
    write_fhir_package,
    write_published,
)
from commcare_ext.questionnaire.publish import code_system, value_set, value_set_url, value_sets
from commcare_ext.questionnaire.read import response_to_intake
from commcare_ext.questionnaire.wording import apply_wording
from commcare_ext.questionnaire.write import intake_to_response

__all__ = [
    "FHIR_PACKAGE_NAME",
    "QUESTIONNAIRE_URL",
    "QUESTIONNAIRE_URLS",
    "QUESTIONNAIRE_URL_ES",
    "IntakeResponseError",
    "ProblemKind",
    "ProblemMessage",
    "ResponseProblem",
    "UnrepresentableIntakeError",
    "UnsupportedLanguageError",
    "apply_wording",
    "build_questionnaire",
    "code_system",
    "fhir_package",
    "intake_to_response",
    "problem_messages",
    "published_resources",
    "questionnaire_canonical",
    "response_to_intake",
    "value_set",
    "value_set_url",
    "value_sets",
    "variant_language",
    "write_fhir_package",
    "write_published",
]
