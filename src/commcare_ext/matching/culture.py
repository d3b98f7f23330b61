"""Words for faith traditions and cultural communities, so a ranking can compare them.

Directories name traditions and communities with lower-case taxonomy words (``islam``,
``latino``, ``dine``); people describe their own in their own words and language. This small
table folds the common English and Spanish forms onto the directory's words. It only ever
*raises* a service in the ranking or adds a caution: a word it does not know changes nothing,
and no hard constraint reads it.
"""

import re
import unicodedata
from collections.abc import Iterable

from commcare_ext.directory import primary_language

_WORD = re.compile(r"[a-z]+")

#: A word a person may use -> the directory's word for the tradition.
FAITH_WORDS = {
    "catholic": "catholic", "catolica": "catholic", "catolico": "catholic",
    "muslim": "islam", "islam": "islam", "islamic": "islam", "musulman": "islam",
    "musulmana": "islam", "buddhist": "buddhism", "buddhism": "buddhism", "budista": "buddhism",
    "lutheran": "lutheran", "luterana": "lutheran", "luterano": "lutheran",
    "presbyterian": "presbyterian", "presbiteriana": "presbyterian",
    "presbiteriano": "presbyterian", "jewish": "judaism", "judaism": "judaism",
    "judia": "judaism", "judio": "judaism", "hindu": "hinduism", "hinduism": "hinduism",
    "sikh": "sikhism", "evangelical": "evangelical", "evangelica": "evangelical",
    "evangelico": "evangelical", "pentecostal": "pentecostal", "orthodox": "orthodox",
    "ortodoxa": "orthodox", "ortodoxo": "orthodox", "baptist": "baptist",
    "bautista": "baptist", "methodist": "methodist", "metodista": "methodist",
}  # fmt: skip

#: A word a person may use -> the directory's word for the community.
CULTURE_WORDS = {
    "latino": "latino", "latina": "latino", "latinx": "latino", "hispanic": "latino",
    "hispana": "latino", "hispano": "latino", "mexicana": "latino", "mexicano": "latino",
    "mexican": "latino", "somali": "somali", "hmong": "hmong", "vietnamese": "vietnamese",
    "vietnamita": "vietnamese", "viet": "vietnamese", "korean": "korean", "coreana": "korean",
    "coreano": "korean", "chinese": "chinese", "china": "chinese", "chino": "chinese",
    "arab": "arab", "arabic": "arab", "arabe": "arab", "oromo": "oromo", "karen": "karen",
    "navajo": "dine", "dine": "dine", "filipino": "filipino", "filipina": "filipino",
}  # fmt: skip

#: A primary language subtag -> the community most directories associate with it.
LANGUAGE_CULTURES = {
    "es": "latino", "so": "somali", "hmn": "hmong", "vi": "vietnamese", "ko": "korean",
    "zh": "chinese", "yue": "chinese", "cmn": "chinese", "ar": "arab", "om": "oromo",
    "nv": "dine", "ksw": "karen", "tl": "filipino",
}  # fmt: skip


def words(text: str | None) -> frozenset[str]:
    """Lower-case ASCII words of ``text`` (accents folded: "Diné" -> "dine")."""
    if not text:
        return frozenset()
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return frozenset(_WORD.findall(folded))


def faith_traditions(text: str | None) -> frozenset[str]:
    """The directory words for the traditions ``text`` names (empty when none is known)."""
    return frozenset(FAITH_WORDS[w] for w in words(text) if w in FAITH_WORDS)


def communities(text: str | None, languages: Iterable[str]) -> frozenset[str]:
    """The directory words for the communities ``text`` and the person's languages suggest."""
    named = {CULTURE_WORDS[w] for w in words(text) if w in CULTURE_WORDS}
    spoken = {LANGUAGE_CULTURES.get(primary_language(tag)) for tag in languages}
    return frozenset(named | {c for c in spoken if c is not None})
