"""The words for every finding, in English and Spanish, keyed by code.

Placeholders are filled by :mod:`.messages` from the finding's parameters, already in words
(``{languages}``, ``{kinds}``, ``{ages}``...). Spanish is a draft that needs review by a
native speaker before patients read it (:data:`NEEDS_REVIEW`).
"""

from typing import Final

from commcare_ext.matching.findings import CautionCode, ReasonCode, UnmetCode

#: Catalogue languages whose wording has not yet been reviewed by a native speaker.
NEEDS_REVIEW: Final = frozenset({"es"})

UNMET: Final[dict[UnmetCode, tuple[str, str]]] = {
    UnmetCode.NOT_RUNNING: (
        "the service is not running ({status})",
        "el servicio no está funcionando ({status})",
    ),
    UnmetCode.KIND_NOT_WANTED: (
        "offers {offered}, not what the person asked for ({wanted})",
        "ofrece {offered}, no lo que la persona pidió ({wanted})",
    ),
    UnmetCode.KIND_UNKNOWN: (
        "the directory does not say what kind of help it is (asked for: {wanted})",
        "el directorio no dice qué tipo de ayuda es (se pidió: {wanted})",
    ),
    UnmetCode.LANGUAGE_NOT_SPOKEN: (
        "staff speak {staff}, not {needs}, and no interpreter is offered",
        "el personal habla {staff}, no {needs}, y no ofrece intérprete",
    ),
    UnmetCode.LANGUAGES_NOT_LISTED: (
        "the directory does not list the languages staff speak or any interpreter, and the "
        "person needs {needs}",
        "el directorio no indica qué idiomas habla el personal ni si hay intérprete, y la "
        "persona necesita {needs}",
    ),
    UnmetCode.CHARGES_FEE: (
        "charges a fee{fee} and has no sliding scale, while cost is a barrier",
        "cobra una tarifa{fee} y no tiene escala móvil, y el costo es un obstáculo",
    ),
    UnmetCode.COST_NOT_STATED: (
        "the directory does not say what it costs, while cost is a barrier",
        "el directorio no dice cuánto cuesta, y el costo es un obstáculo",
    ),
    UnmetCode.AGE_OUTSIDE_RANGE: (
        "only for {ages}; the person's age is outside that range",
        "solo para {ages}; la edad de la persona está fuera de ese rango",
    ),
    UnmetCode.AGE_NOT_RECORDED: (
        "only for {ages}; the intake has no birth date to check",
        "solo para {ages}; la entrevista no tiene fecha de nacimiento para comprobarlo",
    ),
    UnmetCode.GENDER_NOT_ELIGIBLE: (
        "only for {genders}",
        "solo para {genders}",
    ),
    UnmetCode.GENDER_NOT_RECORDED: (
        "only for {genders}; the intake does not say whether this fits the person",
        "solo para {genders}; la entrevista no dice si corresponde a la persona",
    ),
    UnmetCode.POPULATION_NOT_ELIGIBLE: (
        "only for {populations}; the intake does not record the person as one of them",
        "solo para {populations}; la entrevista no registra que la persona pertenezca",
    ),
    UnmetCode.OUTSIDE_SERVICE_AREA: (
        "serves only postal codes {postal_codes}, not the person's",
        "atiende solo los códigos postales {postal_codes}, no el de la persona",
    ),
    UnmetCode.BREAKS_DISCREET_RULE: (
        "contacts people in a way the person asked us to avoid: {rules}",
        "contacta a las personas de una forma que la persona pidió evitar: {rules}",
    ),
    UnmetCode.REMOTE_ONLY: (
        "only {modes}, and digital access is a barrier for the person",
        "solo {modes}, y el acceso digital es un obstáculo para la persona",
    ),
    UnmetCode.NO_USABLE_MODE: (
        "offered {offered}; the person can take part {usable}",
        "se ofrece {offered}; la persona puede participar {usable}",
    ),
    UnmetCode.TOO_FAR: (
        "nearest site {nearest_km} km away, beyond the person's {limit_km} km",
        "el sitio más cercano está a {nearest_km} km, más allá de los {limit_km} km de la persona",
    ),
    UnmetCode.DISTANCE_UNKNOWN: (
        "in person only, and its distance cannot be checked against the person's "
        "{limit_km} km (no coordinates or matching postal code)",
        "solo en persona, y no se puede comprobar su distancia frente a los {limit_km} km de "
        "la persona (sin coordenadas ni código postal coincidente)",
    ),
    UnmetCode.HOURS_DO_NOT_FIT: (
        "not open at the times the person can take part",
        "no está abierto en los horarios en que la persona puede participar",
    ),
    UnmetCode.HOURS_NOT_STATED: (
        "the directory lists no hours to compare with the person's times",
        "el directorio no indica horarios para compararlos con los de la persona",
    ),
}

REASONS: Final[dict[ReasonCode, tuple[str, str]]] = {
    ReasonCode.OFFERS_SUPPORT: ("offers {kinds}", "ofrece {kinds}"),
    ReasonCode.STAFF_SPEAK: ("staff speak {language}", "el personal habla {language}"),
    ReasonCode.INTERPRETATION: (
        "offers an interpreter for {language} ({modes})",
        "ofrece intérprete de {language} ({modes})",
    ),
    ReasonCode.FREE: ("free of charge", "gratuito"),
    ReasonCode.SLIDING_SCALE: ("fees on a sliding scale", "tarifas según ingresos"),
    ReasonCode.ELIGIBLE_GROUP: ("for {groups}", "para {groups}"),
    ReasonCode.SERVES_AREA: ("serves the person's area", "atiende la zona de la persona"),
    ReasonCode.KEEPS_DISCREET_RULES: (
        "contact keeps the person's privacy rules: {rules}",
        "el contacto respeta las reglas de privacidad de la persona: {rules}",
    ),
    ReasonCode.NEARBY: ("{km} km away", "a {km} km"),
    ReasonCode.SAME_POSTAL_CODE: (
        "meets in the person's postal code area",
        "se reúne en la zona del código postal de la persona",
    ),
    ReasonCode.REMOTE_WAYS: ("can take part {modes}", "se puede participar {modes}"),
    ReasonCode.FITS_HOURS: (
        "open {day} {start}-{end}, when the person can take part",
        "abierto el {day} de {start} a {end}, cuando la persona puede participar",
    ),
    ReasonCode.FAITH_BASED: ("faith-based ({traditions})", "basado en la fe ({traditions})"),
    ReasonCode.FAITH_TRADITION: (
        "shares the person's faith tradition ({traditions})",
        "comparte la tradición de fe de la persona ({traditions})",
    ),
    ReasonCode.CULTURAL_FOCUS: (
        "focuses on the {communities} community",
        "se centra en la comunidad {communities}",
    ),
    ReasonCode.WELCOMES_GROUP: ("welcomes {groups}", "da la bienvenida a {groups}"),
    ReasonCode.PEER_LED: ("led by peers", "dirigido por pares"),
    ReasonCode.UNMARKED_SITE: ("meets at an unmarked site", "se reúne en un lugar sin letrero"),
    ReasonCode.NEUTRAL_CALLER_NAME: (
        "calls under a neutral name",
        "llama con un nombre neutral",
    ),
    ReasonCode.RECENTLY_VERIFIED: (
        "directory record checked {ago}",
        "registro del directorio verificado {ago}",
    ),
}

CAUTIONS: Final[dict[CautionCode, tuple[str, str]]] = {
    CautionCode.NOT_PREFERRED_LANGUAGE: (
        "staff speak {language}, not {preferred}",
        "el personal habla {language}, no {preferred}",
    ),
    CautionCode.INTERPRETER_REMOTE_ONLY: (
        "interpreter {modes} only",
        "intérprete solo {modes}",
    ),
    CautionCode.LANGUAGES_NOT_LISTED: (
        "the directory does not list the languages staff speak",
        "el directorio no indica los idiomas que habla el personal",
    ),
    CautionCode.CHARGES_FEE: ("charges a fee{fee}", "cobra una tarifa{fee}"),
    CautionCode.AREA_UNCHECKED: (
        "serves only some postal codes; the person's is not recorded",
        "atiende solo algunos códigos postales; el de la persona no está registrado",
    ),
    CautionCode.DISCREET_RULES_UNKNOWN: (
        "the directory does not say whether it keeps: {rules}",
        "el directorio no dice si respeta: {rules}",
    ),
    CautionCode.DISTANCE_BY_POSTAL_CODE: (
        "distance judged by postal code only",
        "distancia estimada solo por código postal",
    ),
    CautionCode.DISTANCE_UNCHECKED: (
        "distance not checked: the person's location is not recorded",
        "distancia no comprobada: no se registró la ubicación de la persona",
    ),
    CautionCode.HOURS_NOT_COMPARED: (
        "work hours are a barrier but the intake gives no free times to compare",
        "el horario de trabajo es un obstáculo pero la entrevista no indica horarios libres",
    ),
    CautionCode.HOURS_NOT_LISTED: (
        "no hours listed",
        "no indica horarios",
    ),
    CautionCode.NOT_EVERY_WEEK: (
        "some sessions are not held every week",
        "algunas sesiones no son semanales",
    ),
    CautionCode.OTHER_FAITH_TRADITION: (
        "rooted in {traditions}, which may not be the person's tradition",
        "basado en {traditions}, que puede no ser la tradición de la persona",
    ),
    CautionCode.WAITLIST: ("waitlist{wait}", "lista de espera{wait}"),
    CautionCode.NOT_ACCEPTING: (
        "not accepting new clients now",
        "no acepta personas nuevas por ahora",
    ),
    CautionCode.NOT_VERIFIED_RECENTLY: (
        "record not verified in {months} months",
        "registro sin verificar desde hace {months} meses",
    ),
    CautionCode.NEVER_VERIFIED: (
        "record never verified",
        "registro nunca verificado",
    ),
    CautionCode.PHONE_MAY_NOT_BE_PRIVATE: (
        "the person shares their phone: calls may not be private",
        "la persona comparte su teléfono: las llamadas pueden no ser privadas",
    ),
}
