"""The intake form's content: every item, its wording (ours, English and Spanish), its mapping.

Question wording follows the domains of the DSM-5 Cultural Formulation Interview and
common psychosocial intake practice, written in plain language for patients; no
instrument text is copied. linkIds are stable API: renderers, saved responses and
extraction all depend on them, so never rename one, only add.
"""

from enum import StrEnum
from typing import Literal

from commcare_ext.instruments import (
    MOS_SSS_ANSWERS,
    MOS_SSS_INSTRUCTIONS_EN,
    MOS_SSS_INSTRUCTIONS_ES,
    MOS_SSS_ITEMS,
    MOS_SSS_PANEL,
    MosItem,
)
from commcare_ext.intake.vocabulary import Involvement, SpiritualImportance
from commcare_ext.questionnaire.codecs import (
    BooleanCodec,
    DateCodec,
    EnumCodec,
    LanguageCodec,
    OrdinalCodec,
    OrdinalOption,
    TextCodec,
)
from commcare_ext.questionnaire.languages import COMMON_LANGUAGES
from commcare_ext.questionnaire.spec import FormSpec, Item, Text, When
from commcare_ext.terminology import answers as sets
from commcare_ext.terminology import questions as q
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.standard import INTERPRETER_NEEDED, PREFERRED_LANGUAGE

STRING = TextCodec("string")
TEXT = TextCodec("text")
BOOLEAN = BooleanCodec()
DATE = DateCodec()
LANGUAGE = LanguageCodec(COMMON_LANGUAGES)


def _choice(answer_set: sets.AnswerSet) -> EnumCodec:
    return EnumCodec(answer_set)


def _code(member: StrEnum) -> Code:
    return sets.coding_for(member)


def _own_words(
    link_id: str,
    field: str,
    en: str,
    es: str,
    *,
    required: bool = False,
    enable_when: tuple[When, ...] = (),
    enable_behavior: Literal["all", "any"] = "all",
) -> Item:
    """A paragraph in the patient's own words."""
    return Item(
        link_id,
        Text(en, es),
        TEXT,
        field,
        max_length=4000,
        required=required,
        enable_when=enable_when,
        enable_behavior=enable_behavior,
    )


ABOUT = Item(
    "about",
    Text("About you", "Sobre usted"),
    children=(
        Item(
            "about.given-name",
            Text("First name", "Nombre"),
            STRING,
            "patient.given_name",
            max_length=200,
        ),
        Item(
            "about.family-name",
            Text("Family name", "Apellido(s)"),
            STRING,
            "patient.family_name",
            max_length=200,
        ),
        Item(
            "about.birth-date",
            Text("Date of birth", "Fecha de nacimiento"),
            DATE,
            "patient.birth_date",
        ),
        Item(
            "about.respondent",
            Text("Who is answering these questions?", "¿Quién está respondiendo estas preguntas?"),
            _choice(sets.RESPONDENT),
            "respondent",
            required=True,
            control="radio-button",
        ),
    ),
)

LANGUAGE_SECTION = Item(
    "language",
    Text("Language, culture and faith", "Idioma, cultura y fe"),
    field="language",
    children=(
        Item(
            "language.preferred",
            Text(
                "In which language do you prefer to talk about your health?",
                "¿En qué idioma prefiere hablar sobre su salud?",
            ),
            LANGUAGE,
            "preferred_language",
            required=True,
            code=PREFERRED_LANGUAGE,
        ),
        Item(
            "language.interpreter-needed",
            Text(
                "Would you like an interpreter for your visits?",
                "¿Desea un intérprete para sus consultas?",
            ),
            BOOLEAN,
            "interpreter_needed",
            required=True,
            code=INTERPRETER_NEEDED,
        ),
        Item(
            "language.other",
            Text("Other languages you speak", "Otros idiomas que habla"),
            LANGUAGE,
            "other_languages",
            repeats=True,
        ),
        _own_words(
            "language.cultural-identity",
            "cultural_identity",
            "How would you describe your cultural or ethnic background, in your own words?",
            "¿Cómo describiría su origen cultural o étnico, con sus propias palabras?",
        ),
        Item(
            "language.religion",
            Text(
                "Do you have a religion or spiritual tradition? If so, which one?",
                "¿Tiene una religión o tradición espiritual? Si es así, ¿cuál?",
            ),
            STRING,
            "religion_or_spirituality",
            max_length=200,
        ),
        Item(
            "language.spiritual-importance",
            Text(
                "How much does faith or spirituality help you cope with difficulties?",
                "¿Cuánto le ayuda la fe o la espiritualidad a sobrellevar las dificultades?",
            ),
            _choice(sets.SPIRITUAL_IMPORTANCE),
            "spirituality_importance",
            control="radio-button",
            code=q.SPIRITUAL_IMPORTANCE,
            observation_extract=True,
        ),
        _own_words(
            "language.spiritual-role",
            "spirituality_role",
            "How does your faith or spirituality help you?",
            "¿De qué manera le ayuda su fe o espiritualidad?",
            enable_when=(
                When(
                    "language.spiritual-importance",
                    "=",
                    _code(SpiritualImportance.SOMEWHAT_IMPORTANT),
                ),
                When(
                    "language.spiritual-importance", "=", _code(SpiritualImportance.VERY_IMPORTANT)
                ),
            ),
            enable_behavior="any",
        ),
    ),
)

FORMULATION = Item(
    "formulation",
    Text("Your understanding of what is happening", "Cómo entiende lo que le está pasando"),
    field="formulation",
    children=(
        Item(
            "formulation.definition",
            Text("The problem in your words", "El problema en sus palabras"),
            children=(
                _own_words(
                    "formulation.problem",
                    "problem_in_own_words",
                    "What brings you here today? Please describe it the way you would to "
                    "someone close to you.",
                    "¿Qué le trae hoy por aquí? Descríbalo como se lo contaría a alguien cercano.",
                    required=True,
                ),
                _own_words(
                    "formulation.problem-others-name",
                    "problem_name_used_by_others",
                    "How do your family, friends or community talk about this kind of problem?",
                    "¿Cómo hablan su familia, sus amistades o su comunidad de este tipo de "
                    "problema?",
                ),
                _own_words(
                    "formulation.most-troubling",
                    "most_troubling_aspect",
                    "What troubles you most about it?",
                    "¿Qué es lo que más le preocupa de esto?",
                ),
            ),
        ),
        Item(
            "formulation.causes",
            Text("Causes, stresses and supports", "Causas, tensiones y apoyos"),
            children=(
                Item(
                    "formulation.perceived-causes",
                    Text(
                        "What do you think is causing it? Choose all that apply.",
                        "¿Qué cree que lo está causando? Marque todo lo que corresponda.",
                    ),
                    _choice(sets.PERCEIVED_CAUSE),
                    "perceived_causes",
                    repeats=True,
                    control="check-box",
                    code=q.PERCEIVED_CAUSES,
                    observation_extract=True,
                ),
                _own_words(
                    "formulation.cause-own-words",
                    "cause_in_own_words",
                    "In your own words, why do you think this is happening to you?",
                    "Con sus propias palabras, ¿por qué cree que le está pasando esto?",
                ),
                _own_words(
                    "formulation.others-view",
                    "others_view_of_cause",
                    "What do people close to you think is causing it?",
                    "¿Qué creen las personas cercanas a usted que lo está causando?",
                ),
                _own_words(
                    "formulation.stressors",
                    "current_stressors",
                    "What is making things harder for you right now (for example at home, "
                    "work, money, or with other people)?",
                    "¿Qué le está haciendo las cosas más difíciles ahora (por ejemplo en casa, "
                    "el trabajo, el dinero o con otras personas)?",
                ),
                _own_words(
                    "formulation.supports-that-help",
                    "supports_that_help",
                    "Who or what makes things easier for you?",
                    "¿Quién o qué le hace las cosas más llevaderas?",
                ),
                _own_words(
                    "formulation.identity-relevance",
                    "identity_relevance",
                    "Is there anything about your background, beliefs or identity that you "
                    "would like us to understand about this problem?",
                    "¿Hay algo de su origen, sus creencias o su identidad que le gustaría que "
                    "entendiéramos sobre este problema?",
                ),
            ),
        ),
        Item(
            "formulation.coping",
            Text(
                "Coping and help you have tried", "Cómo lo ha sobrellevado y qué ayuda ha buscado"
            ),
            children=(
                _own_words(
                    "formulation.self-coping",
                    "self_coping",
                    "What have you done on your own to cope with it?",
                    "¿Qué ha hecho por su cuenta para sobrellevarlo?",
                ),
                Item(
                    "formulation.past-help",
                    Text(
                        "Where have you looked for help before? Choose all that apply.",
                        "¿Dónde ha buscado ayuda antes? Marque todo lo que corresponda.",
                    ),
                    _choice(sets.HELP_SOURCE),
                    "past_help_sources",
                    repeats=True,
                    control="check-box",
                    code=q.PAST_HELP_SOURCES,
                    observation_extract=True,
                ),
                _own_words(
                    "formulation.past-help-experience",
                    "past_help_experience",
                    "What was helpful, or not helpful, about that help?",
                    "¿Qué le sirvió y qué no le sirvió de esa ayuda?",
                    enable_when=(When("formulation.past-help", "exists", True),),
                ),
                _own_words(
                    "formulation.past-barriers",
                    "past_barriers",
                    "Has anything kept you from getting the help you needed?",
                    "¿Algo le ha impedido recibir la ayuda que necesitaba?",
                ),
            ),
        ),
        Item(
            "formulation.current",
            Text("The help you want now", "La ayuda que desea ahora"),
            children=(
                _own_words(
                    "formulation.help-wanted",
                    "help_wanted_now",
                    "What kind of help would be most useful to you now?",
                    "¿Qué tipo de ayuda le sería más útil ahora?",
                ),
                _own_words(
                    "formulation.others-suggested",
                    "others_suggested_help",
                    "Have people close to you suggested other kinds of help?",
                    "¿Las personas cercanas le han sugerido otro tipo de ayuda?",
                ),
                _own_words(
                    "formulation.worries-about-care",
                    "worries_about_care",
                    "Is there anything that worries you about getting care here, for example "
                    "that we might not understand your background?",
                    "¿Hay algo que le preocupe de recibir atención aquí, por ejemplo que no "
                    "comprendamos su origen?",
                ),
            ),
        ),
    ),
)

_PERSON_DNC = "network.person.do-not-contact"
_MAY_BE_CONTACTED = When(_PERSON_DNC, "=", False)
_INVOLVED = tuple(
    When("network.person.involvement", "=", _code(level))
    for level in (Involvement.INFORMED, Involvement.DECISIONS, Involvement.ATTENDS)
)

NETWORK = Item(
    "network",
    Text("The people in your life", "Las personas en su vida"),
    children=(
        Item(
            "network.decision-style",
            Text(
                "When decisions about your care need to be made, who makes them?",
                "Cuando hay que tomar decisiones sobre su atención, ¿quién las toma?",
            ),
            _choice(sets.DECISION_STYLE),
            "decision_style",
            control="radio-button",
            code=q.DECISION_STYLE,
            observation_extract=True,
        ),
        Item(
            "network.person",
            Text(
                "A person in your life (family, friend, faith or community member)",
                "Una persona en su vida (familiar, amistad, miembro de su fe o comunidad)",
            ),
            field="support_persons",
            repeats=True,
            children=(
                Item(
                    "network.person.name",
                    Text("Name", "Nombre"),
                    STRING,
                    "name",
                    required=True,
                    max_length=200,
                ),
                Item(
                    "network.person.relationship",
                    Text("Who is this person to you?", "¿Quién es esta persona para usted?"),
                    _choice(sets.RELATIONSHIP),
                    "relationship",
                    required=True,
                    control="drop-down",
                ),
                Item(
                    "network.person.relationship-detail",
                    Text(
                        "Anything to add about who they are (for example 'pastor at my church')",
                        "Algo más sobre quién es (por ejemplo 'pastor de mi iglesia')",
                    ),
                    STRING,
                    "relationship_detail",
                    max_length=200,
                ),
                Item(
                    _PERSON_DNC,
                    Text(
                        "Must we never contact or inform this person?",
                        "¿Debemos no contactar ni informar nunca a esta persona?",
                    ),
                    BOOLEAN,
                    "do_not_contact",
                    required=True,
                ),
                _own_words(
                    "network.person.do-not-contact-reason",
                    "do_not_contact_reason",
                    "If you wish, tell us why (this helps us keep you safe).",
                    "Si lo desea, díganos por qué (esto nos ayuda a protegerle).",
                    enable_when=(When(_PERSON_DNC, "=", True),),
                ),
                Item(
                    "network.person.phone",
                    Text("Phone number", "Número de teléfono"),
                    STRING,
                    "phone",
                    enable_when=(_MAY_BE_CONTACTED,),
                    max_length=40,
                    entry_format=Text("+1 555 010 0100", "+1 555 010 0100"),
                ),
                Item(
                    "network.person.email",
                    Text("E-mail", "Correo electrónico"),
                    STRING,
                    "email",
                    enable_when=(_MAY_BE_CONTACTED,),
                    max_length=200,
                ),
                Item(
                    "network.person.emergency-contact",
                    Text(
                        "May we call this person in an emergency?",
                        "¿Podemos llamar a esta persona en caso de emergencia?",
                    ),
                    BOOLEAN,
                    "emergency_contact",
                    enable_when=(_MAY_BE_CONTACTED,),
                ),
                Item(
                    "network.person.involvement",
                    Text(
                        "How involved would you like this person to be in your care?",
                        "¿Cuánto le gustaría que esta persona participe en su atención?",
                    ),
                    _choice(sets.INVOLVEMENT),
                    "involvement",
                    required=True,
                    control="radio-button",
                    enable_when=(_MAY_BE_CONTACTED,),
                ),
                Item(
                    "network.person.may-share",
                    Text(
                        "What may we share with this person? Choose all that apply.",
                        "¿Qué podemos compartir con esta persona? Marque todo lo que corresponda.",
                    ),
                    _choice(sets.SHARE_CATEGORY),
                    "may_share",
                    repeats=True,
                    control="check-box",
                    enable_when=_INVOLVED,
                    enable_behavior="any",
                ),
            ),
        ),
    ),
)

CARE = Item(
    "care",
    Text("Supports and care you would like", "Los apoyos y la atención que desea"),
    field="care",
    children=(
        Item(
            "care.supports",
            Text(
                "Which of these would you like to be part of your care? Choose all that apply.",
                "¿Cuáles de estos le gustaría que formaran parte de su atención? Marque todo lo "
                "que corresponda.",
            ),
            _choice(sets.SUPPORT_TYPE),
            "preferred_supports",
            repeats=True,
            control="check-box",
            code=q.PREFERRED_SUPPORTS,
            observation_extract=True,
        ),
        _own_words(
            "care.supports-detail",
            "preferred_supports_detail",
            "Tell us more, for example the name of a group, place of worship or centre.",
            "Cuéntenos más, por ejemplo el nombre de un grupo, templo o centro.",
            enable_when=(When("care.supports", "exists", True),),
        ),
        Item(
            "care.referral-consent",
            Text(
                "May we refer you to the community supports you chose, such as a group or centre?",
                "¿Podemos derivarle a los apoyos comunitarios que eligió, como un grupo o centro?",
            ),
            BOOLEAN,
            "referral_consent",
            code=q.REFERRAL_CONSENT,
            enable_when=(When("care.supports", "exists", True),),
        ),
        Item(
            "care.referral-share",
            Text(
                "What may we tell the organisation we refer you to? Choose all that apply.",
                "¿Qué podemos contarle a la organización a la que le derivemos? Marque todo lo "
                "que corresponda.",
            ),
            _choice(sets.REFERRAL_SHARE),
            "referral_share",
            repeats=True,
            control="check-box",
            code=q.REFERRAL_SHARE,
            enable_when=(When("care.referral-consent", "=", True),),
        ),
        Item(
            "care.language-concordant",
            Text(
                "How important is it that your clinician speaks your language?",
                "¿Qué tan importante es que su profesional hable su idioma?",
            ),
            _choice(sets.PREFERENCE_STRENGTH),
            "language_concordant_clinician",
            control="radio-button",
            code=q.LANGUAGE_CONCORDANT_CLINICIAN,
            observation_extract=True,
        ),
        Item(
            "care.cultural-match",
            Text(
                "How important is it that your clinician shares or knows your culture?",
                "¿Qué tan importante es que su profesional comparta o conozca su cultura?",
            ),
            _choice(sets.PREFERENCE_STRENGTH),
            "cultural_background_match",
            control="radio-button",
            code=q.CULTURAL_BACKGROUND_MATCH,
            observation_extract=True,
        ),
        Item(
            "care.clinician-gender",
            Text(
                "Would you feel more comfortable with a clinician who is…",
                "Se sentiría más cómodo/a con un profesional que sea…",
            ),
            _choice(sets.CLINICIAN_GENDER),
            "clinician_gender",
            control="radio-button",
            code=q.CLINICIAN_GENDER,
            observation_extract=True,
        ),
        Item(
            "care.visit-mode",
            Text("How would you prefer to meet?", "¿Cómo prefiere reunirse?"),
            _choice(sets.VISIT_MODE),
            "visit_mode",
            control="radio-button",
            code=q.VISIT_MODE,
            observation_extract=True,
        ),
        Item(
            "care.format",
            Text("Would you prefer sessions…", "Preferiría sesiones…"),
            _choice(sets.THERAPY_FORMAT),
            "therapy_format",
            control="radio-button",
            code=q.THERAPY_FORMAT,
            observation_extract=True,
        ),
    ),
)

PRIVACY = Item(
    "privacy",
    Text("Privacy and worries about care", "Privacidad y preocupaciones sobre la atención"),
    field="privacy",
    children=(
        Item(
            "privacy.has-concerns",
            Text(
                "Do you worry about what could happen if others knew you were getting "
                "mental-health care?",
                "¿Le preocupa lo que podría pasar si otras personas supieran que recibe "
                "atención de salud mental?",
            ),
            BOOLEAN,
            "has_concerns",
        ),
        Item(
            "privacy.concerns",
            Text(
                "What worries you? Choose all that apply.",
                "¿Qué le preocupa? Marque todo lo que corresponda.",
            ),
            _choice(sets.STIGMA_CONCERN),
            "concerns",
            repeats=True,
            required=True,
            control="check-box",
            code=q.STIGMA_CONCERNS,
            observation_extract=True,
            enable_when=(When("privacy.has-concerns", "=", True),),
        ),
        _own_words(
            "privacy.concerns-own-words",
            "concerns_in_own_words",
            "Tell us more if you wish.",
            "Cuéntenos más si lo desea.",
            enable_when=(When("privacy.has-concerns", "=", True),),
        ),
        Item(
            "privacy.discreet-contact",
            Text(
                "How should we contact you so your care stays private? Choose all that apply.",
                "¿Cómo debemos contactarle para que su atención siga siendo privada? Marque todo "
                "lo que corresponda.",
            ),
            _choice(sets.DISCREET_CONTACT),
            "discreet_contact",
            repeats=True,
            control="check-box",
            code=q.DISCREET_CONTACT,
            observation_extract=True,
        ),
        _own_words(
            "privacy.safe-contact-notes",
            "safe_contact_notes",
            "Anything else about how or when it is safe to contact you?",
            "¿Algo más sobre cómo o cuándo es seguro contactarle?",
        ),
    ),
)

BARRIERS = Item(
    "barriers",
    Text("Getting to care", "Acceso a la atención"),
    field="barriers",
    children=(
        Item(
            "barriers.any",
            Text(
                "Does anything make it hard for you to get to or pay for care?",
                "¿Hay algo que le dificulte llegar a la atención o pagarla?",
            ),
            BOOLEAN,
            "has_barriers",
        ),
        Item(
            "barriers.list",
            Text(
                "What makes it hard? Choose all that apply.",
                "¿Qué lo dificulta? Marque todo lo que corresponda.",
            ),
            _choice(sets.ACCESS_BARRIER),
            "barriers",
            repeats=True,
            required=True,
            control="check-box",
            code=q.ACCESS_BARRIERS,
            observation_extract=True,
            enable_when=(When("barriers.any", "=", True),),
        ),
        _own_words(
            "barriers.details",
            "details",
            "Tell us more, so we can look for ways around it.",
            "Cuéntenos más, para buscar cómo resolverlo.",
            enable_when=(When("barriers.any", "=", True),),
        ),
    ),
)


MOS_ANSWER = OrdinalCodec(
    tuple(OrdinalOption(answer.value, answer.code, answer.display_es) for answer in MOS_SSS_ANSWERS)
)


def _mos_item(item: MosItem) -> Item:
    return Item(
        f"social-support.{item.key}",
        Text(item.text_en, item.text_es),
        MOS_ANSWER,
        ("answers", item.number),
        control="radio-button",
        code=item.code,
        observation_extract=True,
        prefix=f"{item.number}.",
    )


SOCIAL_SUPPORT = Item(
    "social-support",
    Text("Support in your life (MOS Social Support Survey)", "El apoyo en su vida (encuesta MOS)"),
    field="social_support",
    code=MOS_SSS_PANEL,
    children=(
        Item(
            "social-support.instructions",
            Text(MOS_SSS_INSTRUCTIONS_EN, MOS_SSS_INSTRUCTIONS_ES),
            display=True,
        ),
        *(_mos_item(item) for item in MOS_SSS_ITEMS),
    ),
)

FORM = FormSpec(
    items=(ABOUT, LANGUAGE_SECTION, FORMULATION, NETWORK, CARE, PRIVACY, BARRIERS, SOCIAL_SUPPORT),
    title=Text(
        "Getting to know you: a culturally informed mental-health intake",
        "Para conocerle: entrevista de ingreso de salud mental con enfoque cultural",
    ),
    description=Text(
        "Helps your care team understand how you see what you are going through, who supports "
        "you, what care you want, and what could get in the way. Skip anything you prefer not "
        "to answer, except where marked required.",
        "Ayuda a su equipo de atención a entender cómo ve lo que está viviendo, quién le apoya, "
        "qué atención desea y qué podría dificultarla. Puede omitir lo que prefiera no "
        "responder, salvo lo marcado como obligatorio.",
    ),
)
