"""Words for faith traditions and cultural communities, so a ranking can compare them.

Directories name traditions and communities with lower-case taxonomy words (``islam``,
``latino``, ``dine``); people describe their own in their own words and language. The words
for each faith tradition live in the library's catalogues (context ``matching:faith:<word>``,
comma-separated), so a person writing "Phật giáo", "佛教" or "budista" is recognised as
Buddhist in any of the form's five languages. Community words fold common English and
Spanish forms. A word nobody listed changes nothing; these words only raise a service, add a
caution, or (when the person asked for a community of their own tradition) keep another
tradition's community out with that reason.
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache

from commcare_ext.directory import primary_language
from commcare_ext.terminology import FormLanguage
from commcare_ext.terminology.catalogue import translate

_WORD = re.compile(r"[a-z]+")

#: The directory's word for a tradition -> the English words a person may use for it.
FAITH_WORDS = {
    "catholic": "Catholic, Catholicism",
    "christian": "Christian, Christianity",
    "islam": "Muslim, Islam, Islamic",
    "buddhism": "Buddhist, Buddhism",
    "lutheran": "Lutheran",
    "presbyterian": "Presbyterian",
    "judaism": "Jewish, Judaism",
    "hinduism": "Hindu, Hinduism",
    "sikhism": "Sikh, Sikhism",
    "evangelical": "Evangelical",
    "pentecostal": "Pentecostal",
    "orthodox": "Orthodox",
    "baptist": "Baptist",
    "methodist": "Methodist",
}


def faith_strings() -> Iterator[tuple[str, str, str]]:
    """(context, English, note) of every tradition's words, for the catalogues."""
    note = (
        "Words a person may write for this faith, separated by commas (all forms people "
        "use: adjective, noun, feminine)"
    )
    for tradition, english in FAITH_WORDS.items():
        yield f"matching:faith:{tradition}", english, note


def fold(text: str) -> str:
    """Lower case without accents ("Phật" -> "phat", "Diné" -> "dine"); other scripts kept."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def _faith_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    patterns = []
    for tradition, english in FAITH_WORDS.items():
        found: set[str] = set()
        for language in FormLanguage:
            words = translate(language.value, english, f"matching:faith:{tradition}")
            listed = re.split("[,\u060c\u3001\uff0c]", words)  # commas of every script
            found.update(w for w in (fold(w).strip() for w in listed) if w)
        parts = []
        for word in sorted(found, key=len, reverse=True):
            escaped = re.escape(word)
            # Latin-script words stand alone; Chinese and Arabic words attach to others.
            parts.append(rf"(?<![a-z]){escaped}(?![a-z])" if word.isascii() else escaped)
        patterns.append((tradition, re.compile("|".join(parts))))
    return tuple(patterns)


def words(text: str | None) -> frozenset[str]:
    """Lower-case ASCII words of ``text`` (accents folded: "Diné" -> "dine")."""
    if not text:
        return frozenset()
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return frozenset(_WORD.findall(folded))


def faith_traditions(text: str | None) -> frozenset[str]:
    """The directory words for the traditions ``text`` names, in any form language."""
    if not text:
        return frozenset()
    folded = fold(text)
    return frozenset(t for t, pattern in _faith_patterns() if pattern.search(folded))


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


def communities(text: str | None, languages: Iterable[str]) -> frozenset[str]:
    """The directory words for the communities ``text`` and the person's languages suggest."""
    named = {CULTURE_WORDS[w] for w in words(text) if w in CULTURE_WORDS}
    spoken = {LANGUAGE_CULTURES.get(primary_language(tag)) for tag in languages}
    return frozenset(named | {c for c in spoken if c is not None})
