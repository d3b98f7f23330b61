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
    Text("Supports and care you would like"),
    field="care",
    children=(
        Item(
            "care.supports",
            Text(
                "Which of these would you like to be part of your care? Choose all that apply.",
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
            enable_when=(When("care.supports", "exists", True),),
        ),
        Item(
            "care.referral-consent",
            Text(
                "May we refer you to the community supports you chose, such as a group or centre?",
            ),
            BOOLEAN,
            "referral_consent",
            code=q.REFERRAL_CONSENT,
            enable_when=(When("care.supports", "exists", True),),
        ),
        Item(
            "care.no-community-referral",
            Text(
                "Would you rather not be referred to any community support for now?",
            ),
            BOOLEAN,
            "community_referral_declined",
            code=q.COMMUNITY_REFERRAL_DECLINED,
            enable_when=(When("care.supports", "exists", False),),
        ),
        Item(
            "care.referral-share",
            Text(
                "What may we tell the organisation we refer you to? Choose all that apply.",
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
            ),
            choice(CLINICIAN_GENDER),
            "clinician_gender",
            control="radio-button",
            code=q.CLINICIAN_GENDER,
            observation_extract=True,
        ),
        Item(
            "care.visit-mode",
            Text("How would you prefer to meet?"),
            choice(VISIT_MODE),
            "visit_mode",
            control="radio-button",
            code=q.VISIT_MODE,
            observation_extract=True,
        ),
        Item(
            "care.format",
            Text("Would you prefer sessions…"),
            choice(THERAPY_FORMAT),
            "therapy_format",
            control="radio-button",
            code=q.THERAPY_FORMAT,
            observation_extract=True,
        ),
    ),
)
