"""Language codes as directories write them (ISO 639-1, 639-2/3, names) -> BCP-47 tags.

BCP-47 uses the shortest ISO 639 code, so ``spa`` becomes ``es`` and ``nav`` becomes ``nv``;
a code BCP-47 does not know in a shorter form (``haw``) is kept. Names are read only from the
small table below: an unrecognised name is reported, not guessed.
"""

import re
from types import MappingProxyType

_TAG = re.compile(
    r"^[a-z]{2,3}(-[a-z]{4})?(-(?:[a-z]{2}|[0-9]{3}))?(-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*$"
)

#: ISO 639-2/639-3 codes of languages with a two-letter ISO 639-1 code, for the languages US
#: community directories most often list.
_THREE_TO_TWO = MappingProxyType(
    {
        "ara": "ar", "ben": "bn", "bos": "bs", "chi": "zh", "zho": "zh", "deu": "de",
        "ger": "de", "eng": "en", "fas": "fa", "per": "fa", "fra": "fr", "fre": "fr",
        "guj": "gu", "hat": "ht", "heb": "he", "hin": "hi", "hmn": "hmn", "ita": "it",
        "jpn": "ja", "kor": "ko", "khm": "km", "lao": "lo", "nav": "nv", "nep": "ne",
        "pan": "pa", "pol": "pl", "por": "pt", "pus": "ps", "rus": "ru", "som": "so",
        "spa": "es", "swa": "sw", "tgl": "tl", "tir": "ti", "amh": "am", "ukr": "uk",
        "urd": "ur", "vie": "vi", "yid": "yi", "kin": "rw", "orm": "om", "tha": "th",
        "bur": "my", "mya": "my", "kur": "ku", "ase": "ase",
    }
)  # fmt: skip

#: English names (lower case) of the same languages.
_NAMES = MappingProxyType(
    {
        "arabic": "ar", "bengali": "bn", "bosnian": "bs", "chinese": "zh", "mandarin": "cmn",
        "cantonese": "yue", "german": "de", "english": "en", "farsi": "fa", "persian": "fa",
        "dari": "prs", "french": "fr", "gujarati": "gu", "haitian creole": "ht", "hebrew": "he",
        "hindi": "hi", "hmong": "hmn", "italian": "it", "japanese": "ja", "korean": "ko",
        "khmer": "km", "lao": "lo", "navajo": "nv", "dine bizaad": "nv", "nepali": "ne",
        "punjabi": "pa", "polish": "pl", "portuguese": "pt", "pashto": "ps", "russian": "ru",
        "somali": "so", "spanish": "es", "swahili": "sw", "tagalog": "tl", "tigrinya": "ti",
        "amharic": "am", "ukrainian": "uk", "urdu": "ur", "vietnamese": "vi", "karen": "kar",
        "kinyarwanda": "rw", "oromo": "om", "thai": "th", "burmese": "my", "kurdish": "ku",
        "american sign language": "ase", "asl": "ase", "hopi": "hop", "zuni": "zun",
        "lakota": "lkt", "ojibwe": "oj", "cherokee": "chr", "yupik": "esu",
        "british sign language": "bfi", "bsl": "bfi", "mexican sign language": "mfs",
        "lengua de señas mexicana": "mfs", "lsm": "mfs", "sign language": "sgn",
    }
)  # fmt: skip

#: ISO 639-3 codes of sign languages (``sgn`` is the collective code "sign languages"):
#: American, British, Australian, French, Chinese, Mexican, German, Hanoi, Ho Chi Minh City,
#: Haiphong and Jordanian Sign Language.
SIGN_LANGUAGES = frozenset(
    {"sgn", "ase", "bfi", "asf", "fsl", "csl", "mfs", "gsg", "hab", "hos", "haf", "jos"}
)


def is_sign_language(tag: str) -> bool:
    """True when a BCP-47 tag names a sign language (``ase``, ``sgn-US``...)."""
    primary = tag.strip().lower().split("-", 1)[0]
    return primary in SIGN_LANGUAGES


def languages_named(text: str) -> frozenset[str]:
    """The languages a directory's free text names, by the names in the table above.

    Longer names win ("american sign language" is not also "sign language"); a name the
    table does not know names nothing (never guessed).
    """
    lowered = " " + " ".join(re.findall(r"[a-zñ]+", text.lower())) + " "
    found: set[str] = set()
    for name in sorted(_NAMES, key=len, reverse=True):
        needle = f" {name} "
        if needle in lowered:
            found.add(_NAMES[name])
            lowered = lowered.replace(needle, " | ")
    return frozenset(found)


def language_tag(code: str | None, name: str | None = None) -> str | None:
    """The lower-case BCP-47 tag for a directory's ``code`` (or, without one, its ``name``).

    None when neither gives a well-formed tag: the caller reports the record.
    """
    if code is not None and code.strip():
        tag = code.strip().replace("_", "-").lower()
        primary, _, rest = tag.partition("-")
        primary = _THREE_TO_TWO.get(primary, primary)
        tag = f"{primary}-{rest}" if rest else primary
        return tag if _TAG.match(tag) else None
    if name is not None:
        return _NAMES.get(" ".join(name.lower().split()))
    return None
