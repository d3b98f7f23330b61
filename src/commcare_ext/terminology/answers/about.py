"""Answers of the 'About you' section: who answered the intake."""

from commcare_ext.intake.vocabulary import Respondent
from commcare_ext.terminology.answers.base import answer_set

RESPONDENT = answer_set(
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
