"""Cultural concepts of distress (DSM-5-TR glossary), described in our own plain words.

A clinician may code the idiom a person's words describe; the code never replaces those
words. No standard code for these concepts could be confirmed in a published source (SNOMED
CT, LOINC or ICD), so each is a concept of our own CodeSystem with our own description; the
names are the glossary's, the descriptions are ours, not the APA's text.
"""

from commcare_ext.intake.vocabulary import IdiomOfDistress
from commcare_ext.terminology.answers.base import answer_set

_I = IdiomOfDistress

IDIOM_OF_DISTRESS = answer_set(
    IdiomOfDistress,
    "idiom-of-distress",
    "Cultural concept of distress",
    "Idioms people use for their trouble, named in the DSM-5-TR glossary of cultural concepts "
    "of distress, for a clinician to recognise in the person's own words.",
    {
        _I.ATAQUE_DE_NERVIOS: (
            "Ataque de nervios",
            "An episode of intense emotional upset, often after a family conflict, a loss or "
            "another shock: shouting, crying, trembling, heat rising to the head, sometimes "
            "fainting or aggression; afterwards the person feels like themselves again. "
            "Described among people of Latin American, especially Caribbean, heritage.",
        ),
        _I.NERVIOS: (
            "Nervios",
            "A lasting sense of being vulnerable to life's stresses: worry, irritability, "
            "headaches and other aches, poor sleep and concentration, being easily upset; "
            "mild to severe. Described among people of Latin American heritage.",
        ),
        _I.SUSTO: (
            "Susto",
            "An illness put down to a frightening event that is felt to have made the soul "
            "leave the body: sadness, sickness, poor appetite and sleep, trouble with daily "
            "life. Described among people of Latin American heritage.",
        ),
        _I.KHYAL_CAP: (
            "Khyâl cap (wind attacks)",
            "Attacks of panic-like symptoms (racing heart, dizziness, breathlessness, cold hands "
            "and feet) with the fear that a wind-like force rising in the body could do serious "
            "harm. Described among Cambodians.",
        ),
        _I.KUFUNGISISA: (
            "Kufungisisa (thinking too much)",
            "Dwelling on troubling thoughts and worries, felt to cause anxiety, low mood and "
            "bodily problems such as headaches. A Shona idiom from Zimbabwe.",
        ),
        _I.MALADI_MOUN: (
            "Maladi moun (humanly caused illness)",
            "The belief that illness or misfortune was sent by other people's envy or ill will, "
            "through sorcery. Described in Haiti and among Haitians abroad.",
        ),
        _I.SHENJING_SHUAIRUO: (
            "Shenjing shuairuo (weakness of the nervous system)",
            "Tiredness, poor concentration, headaches, poor sleep and irritability that the "
            "person links to pressure at work or in the family, or to loss of face. A Mandarin "
            "Chinese idiom.",
        ),
        _I.TAIJIN_KYOFUSHO: (
            "Taijin kyofusho (fear of offending others)",
            "A strong worry that one's looks, gaze, smell, blushing or manner embarrass or "
            "offend other people. Described in Japan.",
        ),
        _I.DHAT: (
            "Dhat syndrome",
            "Worry, weakness and tiredness the person puts down to losing semen (for example "
            "in urine or at night). Described in South Asia.",
        ),
    },
)
