"""StructureDefinitions of the extensions we define, published in our FHIR package.

A validator that meets an extension it cannot resolve reports it; with these definitions in
the package (and the package among a validator's dependencies) our extensions are checked
like any other: where they may appear (``context``), which value types they take and, for the
complex ones, which parts. Each definition carries a differential and the snapshot generated
from it over R4's ``Extension``, so tools that do not generate snapshots can use it directly.
"""

from dataclasses import dataclass
from typing import Any

from commcare_ext.terminology.followup import HELD_FROM_EXTENSION, OUTCOME_REVIEW_EXTENSION
from commcare_ext.terminology.systems import (
    CONTENT_DATE,
    CONTENT_VERSION,
    DIRECTORY_ATTRIBUTE_EXTENSION,
    DIRECTORY_LAST_VERIFIED_EXTENSION,
    INSTRUMENT_WORDING_EXTENSION,
    TRANSLATION_REVIEW_EXTENSION,
)

_R4_EXTENSION = "http://hl7.org/fhir/StructureDefinition/Extension"
#: R4's short descriptions of the Extension elements we do not describe ourselves.
_SHORT = {
    "Element.id": "Unique id for inter-element referencing",
    "Element.extension": "Additional content defined by implementations",
    "Extension.url": "identifies the meaning of the extension",
    "Extension.value[x]": "Value of extension",
}


@dataclass(frozen=True)
class Part:
    """One sub-extension of a complex extension."""

    name: str
    short: str
    types: tuple[str, ...]
    min: int = 0
    max: str = "1"


@dataclass(frozen=True)
class ExtensionSpec:
    """What one of our extensions is: a value (``types``) or parts, and where it may go."""

    url: str
    title: str
    description: str
    contexts: tuple[str, ...]
    types: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()

    @property
    def id(self) -> str:
        """The StructureDefinition id: the last segment of the url."""
        return self.url.rsplit("/", 1)[1]


EXTENSIONS: tuple[ExtensionSpec, ...] = (
    ExtensionSpec(
        TRANSLATION_REVIEW_EXTENSION,
        "Translation review status",
        "One form language whose wording still needs review by a qualified medical translator.",
        ("Questionnaire",),
        parts=(
            Part("lang", "The language (BCP-47 tag)", ("code",), 1),
            Part("status", "needs-review until a medical translator has reviewed it", ("code",), 1),
            Part("note", "Who made the translation and what review it needs", ("string",)),
        ),
    ),
    ExtensionSpec(
        OUTCOME_REVIEW_EXTENSION,
        "Referral outcome reviewed",
        "The clinic reviewed the outcome a community organisation reported on a referral Task.",
        ("Task",),
        parts=(
            Part("reviewed", "When the clinic reviewed the outcome", ("dateTime",), 1),
            Part("status", "The Task status that was reviewed", ("code",), 1),
            Part("output", "An output the review covered", ("Reference",), 0, "*"),
            Part("reviewer", "Who reviewed it", ("Reference",)),
        ),
    ),
    ExtensionSpec(
        INSTRUMENT_WORDING_EXTENSION,
        "Instrument wording",
        "On an instrument's group: the clinic-supplied Questionnaire whose exact wording was "
        "shown (absent: the library's own paraphrase, which is not the validated wording).",
        ("Questionnaire.item", "QuestionnaireResponse.item"),
        types=("canonical",),
    ),
    ExtensionSpec(
        HELD_FROM_EXTENSION,
        "Referral held from status",
        "The Task status a clinic-side hold paused, so that resuming restores it.",
        ("Task",),
        types=("code",),
    ),
    ExtensionSpec(
        DIRECTORY_LAST_VERIFIED_EXTENSION,
        "Directory record last verified",
        "When a person last checked a directory's record of the service.",
        ("HealthcareService",),
        types=("date", "dateTime"),
    ),
    ExtensionSpec(
        DIRECTORY_ATTRIBUTE_EXTENSION,
        "Directory attribute",
        "One fact of the commcare_ext directory taxonomy about a service, with its value.",
        ("HealthcareService",),
        parts=(
            Part("code", "The directory taxonomy code", ("code",), 1),
            Part("value", "Its value, when the fact has one", ("string",)),
        ),
    ),
)


def _element(  # noqa: PLR0917 - one ElementDefinition, every part spelled out
    eid: str,
    path: str,
    base: str,
    minimum: int,
    maximum: str,
    types: tuple[str, ...] | None,
    **extra: Any,
) -> dict[str, Any]:
    element: dict[str, Any] = {"id": eid, "path": path, **extra}
    element.setdefault("short", _SHORT.get(base, path))
    element["definition"] = element["short"]
    element |= {"min": minimum, "max": maximum}
    base_max = "1" if base.endswith(("url", ".id", "value[x]")) else "*"
    base_min = 1 if base.endswith("url") else 0
    element["base"] = {"path": base, "min": base_min, "max": base_max}
    if types is not None:
        element["type"] = [{"code": t} for t in types]
    return element


def _slicing() -> dict[str, Any]:
    return {"discriminator": [{"type": "value", "path": "url"}], "rules": "open"}


def _snapshot(spec: ExtensionSpec) -> list[dict[str, Any]]:
    """Every element of the extension, R4's Extension constrained by ``spec``."""
    root = _element("Extension", "Extension", "Extension", 0, "*", None, short=spec.title)
    out = [
        root,
        _element("Extension.id", "Extension.id", "Element.id", 0, "1", ("string",)),
    ]
    if spec.parts:
        out.append(
            _element(
                "Extension.extension",
                "Extension.extension",
                "Element.extension",
                1,
                "*",
                ("Extension",),
                slicing=_slicing(),
            )
        )
        for part in spec.parts:
            eid = f"Extension.extension:{part.name}"
            out += [
                _element(
                    eid,
                    "Extension.extension",
                    "Element.extension",
                    part.min,
                    part.max,
                    ("Extension",),
                    sliceName=part.name,
                    short=part.short,
                ),
                _element(f"{eid}.id", "Extension.extension.id", "Element.id", 0, "1", ("string",)),
                _element(
                    f"{eid}.extension",
                    "Extension.extension.extension",
                    "Element.extension",
                    0,
                    "0",
                    ("Extension",),
                ),
                _element(
                    f"{eid}.url",
                    "Extension.extension.url",
                    "Extension.url",
                    1,
                    "1",
                    ("uri",),
                    fixedUri=part.name,
                ),
                _element(
                    f"{eid}.value[x]",
                    "Extension.extension.value[x]",
                    "Extension.value[x]",
                    1,
                    "1",
                    part.types,
                ),
            ]
    else:
        out.append(
            _element(
                "Extension.extension",
                "Extension.extension",
                "Element.extension",
                0,
                "0",
                ("Extension",),
            )
        )
    out.append(
        _element(
            "Extension.url", "Extension.url", "Extension.url", 1, "1", ("uri",), fixedUri=spec.url
        )
    )
    value_max = "0" if spec.parts else "1"
    value_types = spec.types or ("string",)
    out.append(
        _element(
            "Extension.value[x]",
            "Extension.value[x]",
            "Extension.value[x]",
            0 if spec.parts else 1,
            value_max,
            value_types,
        )
    )
    return out


def _differential(snapshot: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The snapshot without the elements left as R4 has them (``id``s)."""
    return [
        {k: v for k, v in e.items() if k != "base"} for e in snapshot if not e["id"].endswith(".id")
    ]


def extension_definition(spec: ExtensionSpec) -> dict[str, Any]:
    """The StructureDefinition of one of our extensions (FHIR R4 JSON)."""
    snapshot = _snapshot(spec)
    return {
        "resourceType": "StructureDefinition",
        "id": spec.id,
        "url": spec.url,
        "version": CONTENT_VERSION,
        "name": "".join(word.title() for word in spec.id.split("-")),
        "title": spec.title,
        "status": "active",
        "experimental": False,
        "date": CONTENT_DATE,
        "publisher": "commcare_ext",
        "description": spec.description,
        "fhirVersion": "4.0.1",
        "kind": "complex-type",
        "abstract": False,
        "context": [{"type": "element", "expression": c} for c in spec.contexts],
        "type": "Extension",
        "baseDefinition": _R4_EXTENSION,
        "derivation": "constraint",
        "snapshot": {"element": snapshot},
        "differential": {"element": _differential(snapshot)},
    }


def extension_definitions() -> list[dict[str, Any]]:
    """The StructureDefinition of every extension we define."""
    return [extension_definition(spec) for spec in EXTENSIONS]
