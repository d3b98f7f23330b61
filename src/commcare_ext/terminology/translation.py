"""The FHIR translation extension, which carries a string's text in another language."""

from typing import Any

from commcare_ext.terminology.systems import TRANSLATION_EXTENSION


def translated(language: str, text: str) -> dict[str, Any]:
    """Return the ``_element`` JSON holding ``text`` as the ``language`` translation."""
    return {
        "extension": [
            {
                "url": TRANSLATION_EXTENSION,
                "extension": [
                    {"url": "lang", "valueCode": language},
                    {"url": "content", "valueString": text},
                ],
            }
        ]
    }
