"""Answers of the 'About you' section: who answered the intake."""

from commcare_ext.intake.vocabulary import Respondent
from commcare_ext.terminology.answers.base import answer_set

RESPONDENT = answer_set(
    Respondent,
    "respondent",
    "Who answered",
    "Who answered the intake.",
    {
        Respondent.PATIENT: ("The patient", "The patient answered alone."),
        Respondent.PATIENT_WITH_CLINICIAN: (
            "The patient, with a clinician",
            "A clinician asked the questions and recorded the patient's answers.",
        ),
        Respondent.PATIENT_WITH_INTERPRETER: (
            "The patient, with an interpreter",
            "The patient answered through an interpreter.",
        ),
        Respondent.INFORMANT: (
            "A family member or other informant",
            "Someone close to the patient answered on their behalf.",
        ),
    },
)
