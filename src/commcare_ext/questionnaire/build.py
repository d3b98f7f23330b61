"""Build the SDC Questionnaire (FHIR R4 JSON) from the form spec."""

from typing import Any, Literal

from commcare_ext.questionnaire.codecs import EnumCodec
from commcare_ext.questionnaire.errors import UnsupportedLanguageError
from commcare_ext.questionnaire.form import FORM
from commcare_ext.questionnaire.publish import value_set
from commcare_ext.questionnaire.spec import Item, Text, When
from commcare_ext.terminology.answers import AnswerSet
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.questions import INTAKE_PANEL
from commcare_ext.terminology.systems import (
    CANONICAL_BASE,
    CONTENT_DATE,
    CONTENT_VERSION,
    QUESTIONNAIRE_ITEM_CONTROL,
    QUESTIONNAIRE_ITEM_CONTROL_SYSTEM,
    SDC_ENTRY_FORMAT,
    SDC_OBSERVATION_EXTRACT,
    SDC_QUESTIONNAIRE_PROFILE,
)
from commcare_ext.terminology.translation import translated

Language = Literal["en", "es"]

#: Canonical URL of the intake Questionnaire (English, with Spanish translations).
QUESTIONNAIRE_URL = f"{CANONICAL_BASE}/Questionnaire/cultural-intake"
#: Canonical URL of the Spanish-first variant (for renderers that ignore translations).
QUESTIONNAIRE_URL_ES = f"{QUESTIONNAIRE_URL}-es"

#: Choice items shown as a drop-down list reference a contained ValueSet (with expansion)
#: instead of listing answerOptions, so long lists stay in one published place.
_CONTAINED_CONTROL = "drop-down"


def check_language(language: str) -> None:
    """Refuse a language the form is not published in (never fall back silently)."""
    if language not in ("en", "es"):
        raise UnsupportedLanguageError


def questionnaire_url(language: Language = "en") -> str:
    """Canonical URL of the Questionnaire variant for ``language``."""
    return QUESTIONNAIRE_URL_ES if language == "es" else QUESTIONNAIRE_URL


def questionnaire_canonical(language: Language = "en") -> str:
    """``url|version``, as ``QuestionnaireResponse.questionnaire`` should cite it."""
    return f"{questionnaire_url(language)}|{CONTENT_VERSION}"


def build_questionnaire(language: Language = "en") -> dict[str, Any]:
    """Return the intake Questionnaire as FHIR R4 JSON.

    ``language`` picks the primary text; the other language travels in the FHIR translation
    extension, so a renderer that honours translations can switch, and one that does not
    still gets the whole form in the chosen language.

    Raises:
        UnsupportedLanguageError: ``language`` is not 'en' or 'es'.

    """
    check_language(language)
    builder = _Builder(language)
    items = [builder.item(item) for item in FORM.items]
    questionnaire: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": "cultural-intake-es" if language == "es" else "cultural-intake",
        "meta": {"profile": [SDC_QUESTIONNAIRE_PROFILE]},
        "language": language,
        "url": questionnaire_url(language),
        "version": CONTENT_VERSION,
        "name": "CulturallyInformedIntakeEs" if language == "es" else "CulturallyInformedIntake",
        "title": FORM.title.get(language),
        "_title": builder.other(FORM.title),
        "status": "active",
        "experimental": False,
        "subjectType": ["Patient"],
        "date": CONTENT_DATE,
        "publisher": "commcare_ext",
        "description": FORM.description.get(language),
        "code": [INTAKE_PANEL.as_coding()],
    }
    if builder.contained:
        questionnaire["contained"] = list(builder.contained.values())
    questionnaire["item"] = items
    return questionnaire


class _Builder:
    """Turns spec items into Questionnaire items for one primary language."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.other_language = "en" if language == "es" else "es"
        self.contained: dict[str, dict[str, Any]] = {}

    def other(self, text: Text) -> dict[str, Any]:
        return translated(self.other_language, text.get(self.other_language))

    def item(self, spec: Item) -> dict[str, Any]:
        out: dict[str, Any] = {"linkId": spec.link_id}
        extensions = self._extensions(spec)
        if extensions:
            out["extension"] = extensions
        if spec.code is not None:
            out["code"] = [spec.code.as_coding()]
        if spec.prefix:
            out["prefix"] = spec.prefix
        out["text"] = spec.text.get(self.language)
        out["_text"] = self.other(spec.text)
        out["type"] = "display" if spec.display else _type(spec)
        if spec.enable_when:
            out["enableWhen"] = [_enable_when(w) for w in spec.enable_when]
            if len(spec.enable_when) > 1:
                out["enableBehavior"] = spec.enable_behavior
        if spec.required:
            out["required"] = True
        if spec.repeats:
            out["repeats"] = True
        if spec.max_length is not None:
            out["maxLength"] = spec.max_length
        if spec.codec is not None:
            self._answers(spec, out)
        if spec.children:
            out["item"] = [self.item(child) for child in spec.children]
        return out

    def _extensions(self, spec: Item) -> list[dict[str, Any]]:
        extensions: list[dict[str, Any]] = []
        if spec.control is not None:
            extensions.append(
                {
                    "url": QUESTIONNAIRE_ITEM_CONTROL,
                    "valueCodeableConcept": {
                        "coding": [
                            {"system": QUESTIONNAIRE_ITEM_CONTROL_SYSTEM, "code": spec.control}
                        ]
                    },
                }
            )
        if spec.observation_extract:
            extensions.append({"url": SDC_OBSERVATION_EXTRACT, "valueBoolean": True})
        if spec.entry_format is not None:
            extensions.append(
                {"url": SDC_ENTRY_FORMAT, "valueString": spec.entry_format.get(self.language)}
            )
        return extensions

    def _answers(self, spec: Item, out: dict[str, Any]) -> None:
        codec = spec.codec
        if isinstance(codec, EnumCodec) and spec.control == _CONTAINED_CONTROL:
            answer_set = codec.answer_set
            if answer_set.id not in self.contained:
                self.contained[answer_set.id] = _contained_value_set(answer_set, self.language)
            out["answerValueSet"] = f"#{answer_set.id}"
            return
        options = codec.options(self.language) if codec is not None else []
        if options:
            out["answerOption"] = options


def _type(spec: Item) -> str:
    """A question's type comes from its codec; an item without one is a group."""
    return spec.codec.item_type if spec.codec is not None else "group"


def _enable_when(when: When) -> dict[str, Any]:
    condition: dict[str, Any] = {"question": when.question, "operator": when.operator}
    if isinstance(when.answer, Code):
        condition["answerCoding"] = {"system": when.answer.system, "code": when.answer.code}
    else:
        condition["answerBoolean"] = when.answer
    return condition


def _contained_value_set(answer_set: AnswerSet, language: Language) -> dict[str, Any]:
    """A contained copy of the published ValueSet, expansion displays in ``language``."""
    resource = value_set(answer_set)
    resource.pop("url")
    resource.pop("version")
    if language == "es":
        spanish = {a.code.code: a.display_es for a in answer_set.answers.values()}
        for entry in resource["expansion"]["contains"]:
            entry["display"] = spanish[entry["code"]]
    return resource
