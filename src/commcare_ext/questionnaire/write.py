"""Write an intake back as a QuestionnaireResponse: for pre-fill, storage and round trips."""

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from commcare_ext.intake import Intake
from commcare_ext.questionnaire.build import questionnaire_canonical
from commcare_ext.questionnaire.codecs import BooleanCodec
from commcare_ext.questionnaire.enablement import Scope, is_enabled
from commcare_ext.questionnaire.errors import UnrepresentableIntakeError
from commcare_ext.questionnaire.form import FORM
from commcare_ext.questionnaire.identifiers import INTAKE_IDENTIFIER_SYSTEM
from commcare_ext.questionnaire.spec import Item
from commcare_ext.questionnaire.wording import mark_response_wording
from commcare_ext.terminology.languages import FormLanguage, form_language


def intake_to_response(
    intake: Intake, *, language: str = "en", status: str = "completed"
) -> dict[str, Any]:
    """Return ``intake`` as QuestionnaireResponse JSON for the ``language`` (BCP-47) variant.

    Reading the result with :func:`response_to_intake` gives back an equal intake.

    Raises:
        UnsupportedLanguageError: ``language`` is not a published language.
        UnrepresentableIntakeError: a value sits behind a question its form would disable.

    """
    chosen = form_language(language)
    response: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "identifier": {"system": INTAKE_IDENTIFIER_SYSTEM, "value": intake.intake_id},
        "questionnaire": questionnaire_canonical(chosen),
        "status": status,
        "subject": {
            "identifier": {
                "system": intake.patient.identifier_system,
                "value": intake.patient.identifier_value,
            }
        },
        "authored": intake.authored.isoformat(),
    }
    items = _Writer(chosen).items(FORM.items, intake, Scope())
    mark_response_wording(items, intake.measures)
    if items:
        response["item"] = items
    return response


class _Writer:
    def __init__(self, language: FormLanguage) -> None:
        self.language = language

    def items(self, specs: Sequence[Item], source: Any, scope: Scope) -> list[dict[str, Any]]:
        encoded: dict[str, list[dict[str, Any]]] = {}
        for spec in specs:
            if not spec.is_group and not spec.display:
                answers = self._answers(spec, _get(source, spec.path))
                encoded[spec.link_id] = answers
                scope.set(spec.link_id, answers)
        out: list[dict[str, Any]] = []
        for spec in specs:
            if spec.display:
                continue
            if spec.is_group:
                out.extend(self._group(spec, source, scope))
                continue
            answers = encoded[spec.link_id]
            if not answers:
                continue
            if not is_enabled(spec, scope):
                if _is_default(_get(source, spec.path)):
                    continue
                raise UnrepresentableIntakeError(
                    spec.link_id, "the value cannot be shown because the question is disabled"
                )
            out.append(
                {"linkId": spec.link_id, "text": spec.text_in(self.language), "answer": answers}
            )
        return out

    def _group(self, spec: Item, source: Any, scope: Scope) -> list[dict[str, Any]]:
        value = _get(source, spec.path)
        instances = value if spec.repeats else [value]
        out = []
        for instance in instances or []:
            if instance is None or not _holds(spec, instance):
                continue
            children = self.items(
                spec.children, instance, scope if not spec.path else scope.child()
            )
            if children:
                out.append(
                    {"linkId": spec.link_id, "text": spec.text_in(self.language), "item": children}
                )
        return out

    def _answers(self, spec: Item, value: Any) -> list[dict[str, Any]]:
        assert spec.codec is not None  # noqa: S101 - questions always have a codec
        if value is None:
            return []
        values = list(value) if spec.repeats else [value]
        try:
            if isinstance(spec.codec, BooleanCodec):
                return [spec.codec.encode_in(v, self.language) for v in values]
            return [spec.codec.encode(v) for v in values]
        except (TypeError, ValueError, LookupError):
            # Only an intake built without validation gets here (model_construct, copies).
            raise UnrepresentableIntakeError(
                spec.link_id, "the value is not an answer this question offers"
            ) from None


def _get(source: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        if source is None:
            return None
        if isinstance(source, BaseModel):
            source = getattr(source, str(part))
        elif isinstance(source, dict):
            source = source.get(part)
        else:
            msg = f"cannot follow {part!r} into {type(source).__name__}"
            raise TypeError(msg)
    return source


def _holds(spec: Item, instance: Any) -> bool:
    """Whether this group is the form ``instance`` takes (see ``Item.variant``)."""
    if spec.variant is None:
        return True
    field, value = spec.variant
    return str(_get(instance, (field,))) == value


def _is_default(value: Any) -> bool:
    return value is None or value is False or value == []
