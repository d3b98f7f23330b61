"""The intake form's content: every item, its wording (ours, English and Spanish), its mapping.

One module per section, in form order; ``common`` holds the codecs and item shapes they
share. Question wording follows the domains of the DSM-5 Cultural Formulation Interview and
common psychosocial intake practice, written in plain language for patients; no
instrument text is copied. linkIds are stable API: renderers, saved responses and
extraction all depend on them, so never rename one, only add.
"""

from commcare_ext.questionnaire.form.about import ABOUT
from commcare_ext.questionnaire.form.barriers import BARRIERS
from commcare_ext.questionnaire.form.care import CARE
from commcare_ext.questionnaire.form.formulation import FORMULATION
from commcare_ext.questionnaire.form.identity import IDENTITY
from commcare_ext.questionnaire.form.instruments import INSTRUMENT_SECTIONS
from commcare_ext.questionnaire.form.language import LANGUAGE_SECTION
from commcare_ext.questionnaire.form.network import NETWORK
from commcare_ext.questionnaire.form.practical import PRACTICAL
from commcare_ext.questionnaire.form.privacy import PRIVACY
from commcare_ext.questionnaire.form.safety import SAFETY
from commcare_ext.questionnaire.spec import FormSpec, Text

FORM = FormSpec(
    items=(
        ABOUT,
        LANGUAGE_SECTION,
        IDENTITY,
        FORMULATION,
        *SAFETY,
        NETWORK,
        CARE,
        PRIVACY,
        BARRIERS,
        PRACTICAL,
        *INSTRUMENT_SECTIONS,
    ),
    title=Text(
        "Getting to know you: a culturally informed mental-health intake",
    ),
    description=Text(
        "Helps your care team understand how you see what you are going through, who supports "
        "you, what care you want, and what could get in the way. Skip anything you prefer not "
        "to answer, except where marked required.",
    ),
)

__all__ = ["FORM"]
