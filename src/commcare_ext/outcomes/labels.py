"""Group labels as a clinic director reads them, in the report's language."""

from commcare_ext.intake.vocabulary import SupportType
from commcare_ext.outcomes.words import word
from commcare_ext.summary import language_name
from commcare_ext.terminology.answers import coding_for
from commcare_ext.terminology.catalogue import code_display

_PLAIN = {"all", "yes", "no", "unknown"}


def group_label(breakdown: str, group: str, language: str) -> str:
    """The label of ``group`` within ``breakdown`` (support type, language, yes/no, ...)."""
    if group in _PLAIN:
        return word(language, group)
    if breakdown in ("support_type", "subgroup"):
        try:
            return code_display(coding_for(SupportType(group)), language)
        except ValueError:
            return group
    if breakdown == "language":
        return language_name(group, language)
    return group
