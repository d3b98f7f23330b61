"""Which wording an instrument was shown in: on the form, in the response, into the intake.

:func:`apply_wording` puts a clinic's exact wording (checked by
``instruments.load_wording``) into a built intake Questionnaire: the instrument's items and
answers take the exact texts (in the wording's one language, so our translations of the
paraphrase go), our paraphrased instructions go, and the group carries the
``instrument-wording`` extension naming the source. The response's group carries the same
extension, so :func:`response_to_intake` records ``wording_kind = exact`` and the source in
``Intake.measures``, and every score downstream (Observations, summary) says which wording
was used. Without the extension the wording is our paraphrase.
"""

import copy
from collections.abc import Mapping, MutableMapping
from typing import Any

from commcare_ext.instruments import ExactWording, WordingSource, instrument, registered
from commcare_ext.terminology.systems import INSTRUMENT_WORDING_EXTENSION


def wording_extension(source: str) -> dict[str, str]:
    """The extension that names the exact wording's source."""
    return {"url": INSTRUMENT_WORDING_EXTENSION, "valueCanonical": source}


def apply_wording(questionnaire: Mapping[str, Any], *wordings: ExactWording) -> dict[str, Any]:
    """A copy of ``questionnaire`` showing each instrument in its exact wording."""
    out = copy.deepcopy(dict(questionnaire))
    for wording in wordings:
        measured = instrument(wording.instrument)
        group = next((i for i in out.get("item", []) if i.get("linkId") == measured.link_id), None)
        if group is None:
            continue
        group["text"] = wording.title or measured.name_en
        group.pop("_text", None)
        group["extension"] = [
            *(
                e
                for e in group.get("extension", [])
                if e.get("url") != INSTRUMENT_WORDING_EXTENSION
            ),
            wording_extension(wording.source),
        ]
        keys = {f"{measured.link_id}.{measured.item_key(i)}": i.number for i in measured.items}
        kept = []
        for child in group.get("item", []):
            number = keys.get(str(child.get("linkId")))
            if number is None:
                continue  # our paraphrased instructions: not part of the exact wording
            child["text"] = wording.item_texts[number]
            child.pop("_text", None)
            for option in child.get("answerOption", []):
                coding = option["valueCoding"]
                exact = wording.answer_texts.get((coding["system"], coding["code"]))
                if exact is not None:
                    coding["display"] = exact
                    coding.pop("_display", None)
            kept.append(child)
        group["item"] = kept
    return out


def mark_response_wording(items: list[dict[str, Any]], measures: Mapping[str, Any]) -> None:
    """Add the wording extension to each response group answered in exact wording."""
    by_link = {i.link_id: i.id for i in registered()}
    for item in items:
        given = measures.get(by_link.get(str(item.get("linkId")), ""))
        if given is not None and given.wording.is_exact and given.wording.source:
            item["extension"] = [wording_extension(given.wording.source)]


def read_response_wording(response_items: Any, data: MutableMapping[str, Any]) -> None:
    """Record in ``data["measures"]`` the wording each instrument's group says it used."""
    if not isinstance(response_items, list):
        return
    by_link = {i.link_id: i.id for i in registered()}
    measures = data.get("measures")
    if not isinstance(measures, MutableMapping):
        return
    for item in response_items:
        link_id = item.get("linkId") if isinstance(item, Mapping) else None
        if not isinstance(link_id, str) or link_id not in by_link:  # a list is no linkId
            continue
        source = next(
            (
                e.get("valueCanonical")
                for e in item.get("extension", []) or []
                if isinstance(e, Mapping) and e.get("url") == INSTRUMENT_WORDING_EXTENSION
            ),
            None,
        )
        given = measures.get(by_link[link_id])
        if isinstance(source, str) and source and isinstance(given, MutableMapping):
            given["wording_kind"] = WordingSource.EXACT.value
            given["wording_source"] = source
