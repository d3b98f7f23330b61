"""The FHIR translation extension, which carries a string's text in other languages.

The texts come from the catalogues (``catalogue.translate``); this module only shapes them.
"""

from collections.abc import Mapping
from typing import Any

from commcare_ext.terminology.systems import TRANSLATION_EXTENSION


def translation_extension(language: str, text: str) -> dict[str, Any]:
    """One ``translation`` extension holding ``text`` in ``language``."""
    return {
        "url": TRANSLATION_EXTENSION,
        "extension": [
            {"url": "lang", "valueCode": language},
            {"url": "content", "valueString": text},
        ],
    }


def translated(texts: Mapping[str, str]) -> dict[str, Any]:
    """The ``_element`` JSON carrying each (language -> text) as a translation extension."""
    return {"extension": [translation_extension(lang, text) for lang, text in texts.items()]}
