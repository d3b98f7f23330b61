"""'Supports and care you would like': community supports, referral consent, preferences."""

from commcare_ext.questionnaire.form.common import BOOLEAN, choice, own_words
from commcare_ext.questionnaire.spec import Item, Text, When
from commcare_ext.terminology import questions as q
from commcare_ext.terminology.answers import (
    CLINICIAN_GENDER,
    PREFERENCE_STRENGTH,
    REFERRAL_SHARE,
    SUPPORT_TYPE,
    THERAPY_FORMAT,
    VISIT_MODE,
)

CARE = Item(
    "care",
    Text("Supports and care you would like", "Los apoyos y la atención que desea"),
    field="care",
    children=(
        Item(
            "care.supports",
            Text(
                "Which of these would you like to be part of your care? Choose all that apply.",
                "¿Cuáles de estos le gustaría que formaran parte de su atención? Marque todo lo "
                "que corresponda.",
            ),
            choice(SUPPORT_TYPE),
            "preferred_supports",
            repeats=True,
            control="check-box",
            code=q.PREFERRED_SUPPORTS,
            observation_extract=True,
        ),
        own_words(
            "care.supports-detail",
            "preferred_supports_detail",
            "Tell us more, for example the name of a group, place of worship or centre.",
            "Cuéntenos más, por ejemplo el nombre de un grupo, templo o centro.",
            enable_when=(When("care.supports", "exists", True),),
        ),
        Item(
            "care.referral-consent",
            Text(
                "May we refer you to the community supports you chose, such as a group or centre?",
                "¿Podemos derivarle a los apoyos comunitarios que eligió, como un grupo o centro?",
            ),
            BOOLEAN,
            "referral_consent",
            code=q.REFERRAL_CONSENT,
            enable_when=(When("care.supports", "exists", True),),
        ),
        Item(
            "care.referral-share",
            Text(
                "What may we tell the organisation we refer you to? Choose all that apply.",
                "¿Qué podemos contarle a la organización a la que le derivemos? Marque todo lo "
                "que corresponda.",
            ),
            choice(REFERRAL_SHARE),
            "referral_share",
            repeats=True,
            control="check-box",
            code=q.REFERRAL_SHARE,
            enable_when=(When("care.referral-consent", "=", True),),
        ),
        Item(
            "care.language-concordant",
            Text(
                "How important is it that your clinician speaks your language?",
                "¿Qué tan importante es que su profesional hable su idioma?",
            ),
            choice(PREFERENCE_STRENGTH),
            "language_concordant_clinician",
            control="radio-button",
            code=q.LANGUAGE_CONCORDANT_CLINICIAN,
            observation_extract=True,
        ),
        Item(
            "care.cultural-match",
            Text(
                "How important is it that your clinician shares or knows your culture?",
                "¿Qué tan importante es que su profesional comparta o conozca su cultura?",
            ),
            choice(PREFERENCE_STRENGTH),
            "cultural_background_match",
            control="radio-button",
            code=q.CULTURAL_BACKGROUND_MATCH,
            observation_extract=True,
        ),
        Item(
            "care.clinician-gender",
            Text(
                "Would you feel more comfortable with a clinician who is…",
                "Se sentiría más cómodo/a con un profesional que sea…",
            ),
            choice(CLINICIAN_GENDER),
            "clinician_gender",
            control="radio-button",
            code=q.CLINICIAN_GENDER,
            observation_extract=True,
        ),
        Item(
            "care.visit-mode",
            Text("How would you prefer to meet?", "¿Cómo prefiere reunirse?"),
            choice(VISIT_MODE),
            "visit_mode",
            control="radio-button",
            code=q.VISIT_MODE,
            observation_extract=True,
        ),
        Item(
            "care.format",
            Text("Would you prefer sessions…", "Preferiría sesiones…"),
            choice(THERAPY_FORMAT),
            "therapy_format",
            control="radio-button",
            code=q.THERAPY_FORMAT,
            observation_extract=True,
        ),
    ),
)
