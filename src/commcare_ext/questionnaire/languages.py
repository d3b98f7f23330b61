"""Languages offered in the preferred-language pick list (any other BCP-47 tag may be typed).

Chosen to cover the languages most often needing interpreters in US and European
community clinics; the list is a convenience, not a limit.
"""

from commcare_ext.questionnaire.codecs import LanguageOption

COMMON_LANGUAGES: tuple[LanguageOption, ...] = (
    LanguageOption("en", "English", "Inglés"),
    LanguageOption("es", "Spanish", "Español"),
    LanguageOption("zh", "Chinese", "Chino"),
    LanguageOption("yue", "Cantonese", "Cantonés"),
    LanguageOption("vi", "Vietnamese", "Vietnamita"),
    LanguageOption("tl", "Tagalog", "Tagalo"),
    LanguageOption("ar", "Arabic", "Árabe"),
    LanguageOption("ko", "Korean", "Coreano"),
    LanguageOption("ru", "Russian", "Ruso"),
    LanguageOption("ht", "Haitian Creole", "Criollo haitiano"),
    LanguageOption("pt", "Portuguese", "Portugués"),
    LanguageOption("fr", "French", "Francés"),
    LanguageOption("so", "Somali", "Somalí"),
    LanguageOption("am", "Amharic", "Amárico"),
    LanguageOption("ti", "Tigrinya", "Tigriña"),
    LanguageOption("fa", "Persian (Farsi)", "Persa (farsi)"),
    LanguageOption("ps", "Pashto", "Pastún"),
    LanguageOption("hi", "Hindi", "Hindi"),
    LanguageOption("pa", "Punjabi", "Panyabí"),
    LanguageOption("bn", "Bengali", "Bengalí"),
    LanguageOption("ne", "Nepali", "Nepalí"),
    LanguageOption("my", "Burmese", "Birmano"),
    LanguageOption("uk", "Ukrainian", "Ucraniano"),
    LanguageOption("pl", "Polish", "Polaco"),
    LanguageOption("nv", "Navajo", "Navajo"),
    LanguageOption("ase", "American Sign Language", "Lengua de señas americana"),
)
