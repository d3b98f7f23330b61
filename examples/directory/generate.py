"""Write the example community directory: HSDS 3.0 JSON and a FHIR HSDS Bundle of a subset.

    .venv/bin/python examples/directory/generate.py

Deterministic: the same code writes the same bytes (ids are UUID-5 of stable names). Every
organisation, site, phone number and web address here is fictional; the towns and their
coordinates are real so that distances mean something. Four regions: an urban area with a
large East African and Hmong population (Minneapolis-Saint Paul), an urban area with Korean,
Chinese, Vietnamese, Arab and Latino communities (Los Angeles and Orange County), a rural
Hispano and farmworker valley (San Luis Valley, Colorado) and the Navajo Nation.
"""

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from commcare_ext.directory import DIRECTORY_TAXONOMY

HERE = Path(__file__).resolve().parent
NAMESPACE = uuid.UUID("6f1c2b9e-4a57-4d0e-9a51-3c1d2e7b8a10")
OPEN_ELIGIBILITY = "Open Eligibility"
HUMAN_SERVICES = "https://directory.example.org/fhir"


def uid(*parts: str) -> str:
    """A stable UUID for a named thing."""
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


@dataclass(frozen=True)
class Region:
    time_zone: str
    utc_offset: int
    area: str
    postal_codes: tuple[str, ...]
    state: str


REGIONS = {
    "msp": Region("America/Chicago", -6, "Hennepin and Ramsey Counties, MN",
                  ("55404", "55406", "55407", "55411", "55454", "55104", "55106"), "MN"),
    "la": Region("America/Los_Angeles", -8, "Los Angeles and Orange Counties, CA",
                 ("90005", "90006", "90010", "90012", "90020", "90057", "92683", "92844",
                  "92804", "90026"), "CA"),
    "slv": Region("America/Denver", -7, "San Luis Valley, CO",
                  ("81101", "81102", "81144", "81125", "81152", "81120", "81140", "81132"), "CO"),
    "nav": Region("America/Denver", -7, "Navajo Nation",
                  ("86515", "86503", "87420", "86045", "87301", "87313", "86504", "86511"), "AZ"),
}  # fmt: skip


@dataclass(frozen=True)
class Site:
    name: str
    latitude: float
    longitude: float
    street: str
    city: str
    state: str
    postal_code: str
    region: str
    access: tuple[str, ...] = ()


SITES = {
    "cedar": Site("Cedar-Riverside Community Room", 44.9686, -93.2493, "1501 S 4th St",
                  "Minneapolis", "MN", "55454", "msp", ("access-wheelchair", "access-transit")),
    "lake": Site("Lake Street Neighbourhood Centre", 44.9486, -93.2622, "920 E Lake St",
                 "Minneapolis", "MN", "55407", "msp", ("access-wheelchair", "access-transit")),
    "north": Site("Northside Gathering House", 44.9998, -93.2990, "2100 W Broadway Ave",
                  "Minneapolis", "MN", "55411", "msp", ("access-transit",)),
    "frogtown": Site("Frogtown Family House", 44.9601, -93.1290, "590 University Ave W",
                     "Saint Paul", "MN", "55104", "msp", ("access-wheelchair", "access-parking")),
    "eastside": Site("East Side Hall", 44.9680, -93.0630, "1100 Payne Ave", "Saint Paul",
                     "MN", "55106", "msp", ("access-parking",)),
    "ktown": Site("Koreatown Commons", 34.0618, -118.3004, "3250 W 6th St", "Los Angeles",
                  "CA", "90020", "la", ("access-wheelchair", "access-transit")),
    "wilshire": Site("Wilshire Fellowship Hall", 34.0617, -118.3090, "3700 Wilshire Blvd",
                     "Los Angeles", "CA", "90010", "la", ("access-wheelchair",)),
    "chinatown": Site("Chinatown Elders Hall", 34.0623, -118.2383, "800 N Broadway",
                      "Los Angeles", "CA", "90012", "la", ("access-transit",)),
    "westlake": Site("Westlake Community Room", 34.0577, -118.2770, "700 S Alvarado St",
                     "Los Angeles", "CA", "90057", "la", ("access-transit",)),
    "silverlake": Site("Sunset Junction Rooms", 34.0901, -118.2772, "3900 Sunset Blvd",
                       "Los Angeles", "CA", "90026", "la", ("access-wheelchair",)),
    "saigon": Site("Little Saigon Family Centre", 33.7590, -117.9890, "9200 Bolsa Ave",
                   "Westminster", "CA", "92683", "la", ("access-wheelchair", "access-parking")),
    "gardengrove": Site("Garden Grove Parish Hall", 33.7739, -117.9414, "12700 Brookhurst St",
                        "Garden Grove", "CA", "92844", "la", ("access-parking",)),
    "anaheim": Site("Brookhurst Community House", 33.8170, -117.9560, "600 S Brookhurst St",
                    "Anaheim", "CA", "92804", "la", ("access-wheelchair", "access-parking")),
    "alamosa": Site("Alamosa Valley Commons", 37.4695, -105.8700, "410 Main St", "Alamosa",
                    "CO", "81101", "slv", ("access-wheelchair", "access-parking")),
    "montevista": Site("Monte Vista Parish Hall", 37.5792, -106.1481, "220 2nd Ave",
                       "Monte Vista", "CO", "81144", "slv", ("access-parking",)),
    "center": Site("Center Community House", 37.7530, -106.1086, "180 S Worth St", "Center",
                   "CO", "81125", "slv", ("access-parking", "access-childcare")),
    "sanluis": Site("San Luis Plaza Rooms", 37.2011, -105.4239, "400 Main St", "San Luis",
                    "CO", "81152", "slv", ("access-parking",)),
    "antonito": Site("Antonito Casa de Salud", 37.0792, -106.0095, "720 Main St", "Antonito",
                     "CO", "81120", "slv", ()),
    "windowrock": Site("Window Rock Family Lodge", 35.6803, -109.0526, "Route 264",
                       "Window Rock", "AZ", "86515", "nav", ("access-wheelchair",)),
    "chinle": Site("Chinle Gathering Hogan", 36.1544, -109.5526, "Route 191", "Chinle", "AZ",
                   "86503", "nav", ("access-parking",)),
    "shiprock": Site("Shiprock Community Room", 36.7856, -108.6870, "Highway 491", "Shiprock",
                     "NM", "87420", "nav", ("access-wheelchair", "access-parking")),
    "tubacity": Site("Tuba City Elders Centre", 36.1350, -111.2399, "Main St", "Tuba City",
                     "AZ", "86045", "nav", ("access-wheelchair",)),
    "gallup": Site("Gallup Commons", 35.5281, -108.7426, "200 W Aztec Ave", "Gallup", "NM",
                   "87301", "nav", ("access-wheelchair", "access-transit")),
    "crownpoint": Site("Crownpoint Women's Lodge", 35.6781, -108.1512, "Navajo Route 9",
                       "Crownpoint", "NM", "87313", "nav", ("access-parking",)),
}  # fmt: skip

ORGANIZATIONS = {
    "sahan": "Sahan Somali Women's Wellness Collective",
    "darsalam": "Dar al-Salam Community Center",
    "oromo": "Oromo Community Circle of the Twin Cities",
    "hmongfam": "Frogtown Hmong Family Network",
    "karen": "Karen Youth and Family Association",
    "rainbow": "Twin Cities Rainbow Peer Circle",
    "vets": "Northside Veterans Coffee Circle",
    "mplscc": "Lake Street Neighbourhood Centre",
    "latinomsp": "Casa de Hermanos Saint Paul",
    "newcomers": "Arab Newcomers Support Network",
    "recoverymsp": "Midtown Recovery Coaching Cooperative",
    "gracelutheran": "Grace Lutheran Congregation (fictional)",
    "warmline": "North Star Peer Warmline",
    "vietmsp": "Saint Paul Vietnamese Community House",
    "hanmaum": "Hanmaum Family Ministry",
    "ktowncc": "Koreatown Commons",
    "chinatown": "Chinatown Elders Mutual Aid Society",
    "jadeonline": "Jade Bridge Online Community",
    "lotus": "Lotus Light Temple (fictional)",
    "saigonfam": "Little Saigon Family Services",
    "stjoseph": "Saint Joseph Vietnamese Parish (fictional)",
    "brookhurst": "Brookhurst Arab Community House",
    "nur": "Nur Family Wellness Circle",
    "westlake": "Westlake Apoyo Entre Pares",
    "promotoras": "Promotoras de Bienestar LA",
    "rainbowla": "Sunset Rainbow Youth Network",
    "westside": "Westside Wellness Circle LLC",
    "bayanihan": "Bayanihan Filipino Community Centre",
    "valle": "Valle Unido Peer Network",
    "slvparish": "San Luis Valley Catholic Parishes (fictional)",
    "campesino": "Center Farmworker Community House",
    "slvhealth": "Valley Counseling and Peer Services",
    "costilla": "Costilla County Community Rooms",
    "casasalud": "Casa de Salud Antonito",
    "slvvets": "Valley Veterans Phone Circle",
    "slvyouth": "Valley Youth Drop-In",
    "dinefamily": "Dine Family Healing Circle",
    "chinlehealing": "Chinle Traditional Wellness Program",
    "chinlechapter": "Chinle Community Gathering",
    "shiprockpeer": "Shiprock Peer Support Network",
    "wrfellowship": "Window Rock Christian Fellowship (fictional)",
    "navwarmline": "Navajo Language Warmline",
    "gallupyouth": "Gallup Native Youth Council",
    "gallupcc": "Gallup Commons",
    "tubaelders": "Tuba City Elders Circle",
    "crownpoint": "Crownpoint Women's Talking Circle",
    "navtele": "Four Corners Telehealth Peer Group",
    "gallupcoach": "Red Rock Recovery Coaching",
    "multilingual": "Many Tongues Online Peer Community",
}


@dataclass(frozen=True)
class Spec:
    """One service in a few lines; ``hours`` are (days, opens, closes[, "MONTHLY"])."""

    key: str
    org: str
    name: str
    description: str
    kinds: tuple[str, ...]
    region: str
    sites: tuple[str, ...] = ()
    hours: tuple[tuple[str, ...], ...] = ()
    languages: tuple[str, ...] = ("en",)
    interpretation: tuple[str, ...] = ()
    fee: float = 0.0
    codes: tuple[str, ...] = ()  # our taxonomy's value-less codes
    valued: tuple[tuple[str, str], ...] = ()  # our taxonomy's valued terms
    eligibility: tuple[str, ...] = ()  # codes read as restrictions
    ages: tuple[int | None, int | None] = (None, None)
    verified: str = "2026-09-15"
    status: str = "active"
    nationwide: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


FREE = ("free",)
DISCREET = ("unmarked-site", "no-mail", "neutral-caller-name", "client-initiates-contact",
            "outreach-none")  # fmt: skip

# One service per entry, positional fields in Spec order: a table is easier to review here.
# fmt: off
SPECS: tuple[Spec, ...] = (
    # --- Minneapolis-Saint Paul -------------------------------------------------------
    Spec("sahan-circle", "sahan", "Sahan Women's Circle",
         "A Somali-speaking peer circle for women: tea, talk and support, led by women from "
         "the community.", ("Support Groups",), "msp", ("cedar",), (("SA", "10:00", "12:00"),),
         ("so", "en"), (), 0, (*FREE, "peer-led", "mode-in-person"),
         (("cultural-focus", "somali"),), ("gender-women",), (18, None), "2026-09-10"),
    Spec("quiet-room", "darsalam", "The Quiet Room",
         "Private spiritual support with an imam or a woman chaplain; nothing is mailed home "
         "and the centre never leaves voicemail.", ("Spiritual Support", "Counseling"), "msp",
         ("cedar",), (("TH", "18:30", "20:30"), ("SU", "14:00", "16:00")), ("so", "ar", "en"),
         (), 0, (*FREE, "no-mail", "neutral-caller-name", "outreach-phone-call",
                 "mode-in-person", "mode-phone", "self-referral"),
         (("faith-tradition", "islam"), ("cultural-focus", "somali")), (), (None, None),
         "2026-05-20"),
    Spec("oromo-evening", "oromo", "Oromo Evening Circle",
         "Peer support in Afaan Oromoo after work.", ("Peer Support",), "msp", ("lake",),
         (("TU", "19:00", "21:00"),), ("om", "en"), (), 0,
         (*FREE, "peer-led", "mode-in-person"), (("cultural-focus", "oromo"),),
         verified="2026-02-03"),
    Spec("hmong-elders", "hmongfam", "Hmong Elders and Families Together",
         "Family-centred gatherings where elders, adult children and grandchildren talk about "
         "worry and sadness together, with Hmong-speaking staff.",
         ("support-family", "Community Support Services"), "msp", ("frogtown",),
         (("WE", "10:00", "13:00"), ("SA", "13:00", "16:00")), ("hmn", "en"),
         ("interpretation-phone",), 0, (*FREE, "mode-in-person", "population-older-adults"),
         (("cultural-focus", "hmong"),), verified="2025-08-14"),
    Spec("txiv-neeb", "hmongfam", "Traditional Healer Introductions",
         "Staff introduce families to a respected traditional healer (txiv neeb) and help "
         "plan care alongside the clinic.", ("support-traditional-healer",), "msp",
         ("frogtown",), (("SA", "09:00", "15:00"),), ("hmn",), (), 20,
         ("sliding-scale", "waitlist", "mode-in-person", "client-initiates-contact"),
         (("cultural-focus", "hmong"), ("wait-weeks", "3")), verified="2026-06-30"),
    Spec("karen-dropin", "karen", "Karen Youth Drop-In",
         "After-school drop-in and peer support for Karen young people.",
         ("Community Support Services", "Recreation"), "msp", ("eastside",),
         (("FR", "16:00", "19:00"),), ("ksw", "en"), (), 0, (*FREE, "mode-in-person"),
         (("cultural-focus", "karen"),), (), (14, 24), "2026-01-22"),
    Spec("rainbow-circle", "rainbow", "Rainbow Peer Circle",
         "A peer-led group for LGBTQ+ adults, in person or by video. The room is unmarked and "
         "the group never contacts members first.", ("Support Groups",), "msp", ("north",),
         (("MO", "19:00", "20:30"),), ("en", "es"), (), 0,
         (*FREE, *DISCREET, "peer-led", "mode-in-person", "mode-video", "population-lgbtq"),
         (), (), (18, None), "2026-10-02"),
    Spec("vets-coffee", "vets", "Veterans Coffee Circle",
         "Veterans supporting veterans over Saturday coffee.", ("Peer Support",), "msp",
         ("north",), (("SA", "08:00", "10:00"),), ("en",), (), 0,
         (*FREE, "peer-led", "mode-in-person"), (), ("population-veterans",),
         verified="2025-11-18"),
    Spec("lake-street-centre", "mplscc", "Lake Street Neighbourhood Centre Drop-In",
         "Community centre with a lounge, classes and a welcome desk in three languages.",
         ("Community Support Services", "Recreation"), "msp", ("lake",),
         (("MO,TU,WE,TH,FR", "09:00", "21:00"), ("SA", "10:00", "16:00")),
         ("en", "so", "es"), ("interpretation-phone",), 0, (*FREE, "mode-in-person"),
         verified="2026-08-01"),
    Spec("somali-online", "sahan", "Somali Peer Circle Online",
         "Video and phone peer group in Somali for people who cannot come in.",
         ("Virtual Support", "Peer Support"), "msp", (), (("SU", "20:00", "21:30"),), ("so",),
         (), 0, (*FREE, "peer-led", "mode-video", "mode-phone", "neutral-caller-name",
                 "outreach-none"), (("cultural-focus", "somali"),), (), (18, None),
         "2026-07-07"),
    Spec("hermanos", "latinomsp", "Grupo de Hombres",
         "Spanish-speaking men's peer group.", ("Support Groups",), "msp", ("eastside",),
         (("WE", "18:30", "20:00"),), ("es",), (), 0, (*FREE, "peer-led", "mode-in-person"),
         (("cultural-focus", "latino"),), ("gender-men",), (18, None), "2026-03-12"),
    Spec("arab-newcomers", "newcomers", "Newcomers' Circle",
         "Arabic-speaking support group for refugees in their first years here.",
         ("Support Groups",), "msp", ("lake",), (("TU", "17:30", "19:00"),), ("ar", "en"),
         ("interpretation-in-person",), 0, (*FREE, "mode-in-person"),
         (("cultural-focus", "arab"),), ("population-refugees",), verified="2025-12-09"),
    Spec("recovery-coaching", "recoverymsp", "Peer Recovery Coaching",
         "One-to-one coaching by people in recovery; billed to insurance where possible.",
         ("Peer Recovery Coaching",), "msp", ("lake",), (("MO,TU,WE,TH,FR", "08:00", "17:00"),),
         ("en", "es"), ("interpretation-phone",), 40,
         ("sliding-scale", "insurance-medicaid", "insurance-private", "waitlist",
          "peer-led", "mode-in-person", "mode-phone", "outreach-phone-call",
          "outreach-voicemail", "outreach-mail"), (("wait-weeks", "6"),),
         verified="2026-04-28"),
    Spec("grace-grief", "gracelutheran", "Grace Grief Group",
         "A church-hosted grief group open to people of any faith or none.",
         ("Spiritual Support", "Support Groups"), "msp", ("north",),
         (("TH", "19:00", "20:30"),), ("en",), (), 0, (*FREE, "mode-in-person"),
         (("faith-tradition", "lutheran"),), verified="2025-06-05"),
    Spec("walking-group", "sahan", "Women's Walking Group",
         "Walking and talking together; paused for the winter.",
         ("Community Support Services",), "msp", ("cedar",), (("WE", "09:00", "10:00"),),
         ("so", "en"), (), 0, (*FREE, "mode-in-person"), (), ("gender-women",),
         verified="2026-10-20", status="temporarily closed"),
    Spec("north-star-warmline", "warmline", "North Star Peer Warmline",
         "Call or text a peer every evening; we never call you first.",
         ("Peer Support", "Virtual Support"), "msp", (),
         (("MO,TU,WE,TH,FR,SA,SU", "17:00", "23:00"),), ("en", "es", "so"), (), 0,
         (*FREE, "peer-led", "mode-phone", "mode-text", "neutral-caller-name",
          "client-initiates-contact", "outreach-none", "self-referral"),
         verified="2026-11-02"),
    Spec("viet-msp", "vietmsp", "Vietnamese Community House Saint Paul",
         "Community centre for Vietnamese families: elders' mornings and family evenings.",
         ("Community Support Services", "support-family"), "msp", ("frogtown",),
         (("TU,TH", "10:00", "14:00"), ("FR", "18:00", "21:00")), ("vi", "en"), (), 0,
         (*FREE, "mode-in-person"), (("cultural-focus", "vietnamese"),),
         verified="2024-08-19"),
    # --- Los Angeles and Orange County -----------------------------------------------
    Spec("hanmaum-family", "hanmaum", "Hanmaum Family Care",
         "Korean-speaking family support hosted by a church: parents, grandparents and "
         "children meet with a trained lay counsellor.", ("Spiritual Support", "support-family"),
         "la", ("wilshire",), (("SA", "14:00", "16:00"), ("SU", "13:00", "15:00")),
         ("ko", "en"), (), 0, (*FREE, "mode-in-person"),
         (("faith-tradition", "presbyterian"), ("cultural-focus", "korean")),
         verified="2026-08-22"),
    Spec("ktown-elders", "ktowncc", "Koreatown Elders' Circle",
         "Peer group in Korean for older adults.", ("Support Groups",), "la", ("ktown",),
         (("TU,TH", "10:00", "12:00"),), ("ko",), (), 0,
         (*FREE, "peer-led", "mode-in-person"), (("cultural-focus", "korean"),),
         ("population-older-adults",), (60, None), "2026-05-16"),
    Spec("ktown-commons", "ktowncc", "Koreatown Commons Drop-In",
         "Community centre with Korean- and Spanish-speaking staff.",
         ("Community Support Services",), "la", ("ktown",),
         (("MO,TU,WE,TH,FR,SA", "09:00", "20:00"),), ("ko", "es", "en"),
         ("interpretation-phone",), 0, (*FREE, "mode-in-person"), verified="2026-09-30"),
    Spec("chinatown-elders", "chinatown", "Elders' Mutual Support",
         "Cantonese and Mandarin peer support for older adults.", ("Peer Support",), "la",
         ("chinatown",), (("MO,WE,FR", "09:30", "11:30"),), ("yue", "cmn", "zh"), (), 0,
         (*FREE, "peer-led", "mode-in-person"), (("cultural-focus", "chinese"),),
         ("population-older-adults",), (55, None), "2026-03-03"),
    Spec("jade-online", "jadeonline", "Jade Bridge Evening Community",
         "Chinese-language video and chat peer community every evening.",
         ("Virtual Support",), "la", (), (("MO,TU,WE,TH,FR,SA,SU", "20:00", "22:00"),),
         ("zh",), (), 0, (*FREE, *DISCREET, "peer-led", "mode-video", "mode-text"),
         (("cultural-focus", "chinese"),), verified="2026-10-11", nationwide=True),
    Spec("lotus-circle", "lotus", "Lotus Light Sunday Circle",
         "Meditation followed by a support circle, in Chinese, Vietnamese and English.",
         ("Spiritual Support",), "la", ("chinatown",), (("SU", "10:00", "12:00"),),
         ("zh", "vi", "en"), (), 0, (*FREE, "mode-in-person"),
         (("faith-tradition", "buddhism"),), verified="2025-10-01"),
    Spec("saigon-family", "saigonfam", "Vietnamese Family Support",
         "Family sessions and counselling in Vietnamese; Medi-Cal accepted.",
         ("support-family", "Counseling"), "la", ("saigon",),
         (("TU,WE,TH,FR,SA", "10:00", "19:00"),), ("vi", "en"), (), 30,
         ("sliding-scale", "insurance-medicaid", "waitlist", "mode-in-person", "mode-video",
          "outreach-phone-call", "outreach-mail"),
         (("cultural-focus", "vietnamese"), ("wait-weeks", "4")), verified="2026-07-19"),
    Spec("stjoseph-elders", "stjoseph", "Parish Elders' Circle",
         "Vietnamese Catholic elders meet to pray and support one another.",
         ("Spiritual Support", "Support Groups"), "la", ("gardengrove",),
         (("SA", "09:00", "11:00"),), ("vi",), (), 0, (*FREE, "peer-led", "mode-in-person"),
         (("faith-tradition", "catholic"), ("cultural-focus", "vietnamese")),
         ("population-older-adults",), verified="2025-04-04"),
    Spec("viet-youth-online", "saigonfam", "Vietnamese Youth Peer Group Online",
         "Video peer group for young people; families are not contacted.",
         ("Virtual Support", "Peer Support"), "la", (), (("WE", "19:00", "20:30"),),
         ("vi", "en"), (), 0, (*FREE, *DISCREET, "peer-led", "mode-video"),
         (("cultural-focus", "vietnamese"),), (), (14, 21), "2026-09-09"),
    Spec("brookhurst-house", "brookhurst", "Brookhurst Community House",
         "Arab-American community centre with Arabic-speaking staff and interpreters.",
         ("Community Support Services",), "la", ("anaheim",),
         (("MO,TU,WE,TH,FR", "10:00", "18:00"),), ("ar", "en"),
         ("interpretation-in-person",), 0, (*FREE, "mode-in-person"),
         (("cultural-focus", "arab"),), verified="2026-06-12"),
    Spec("nur-circle", "nur", "Nur Women's Family Circle",
         "Muslim women support each other and their families; the meeting place is unmarked "
         "and nothing is mailed.", ("Spiritual Support", "support-family"), "la",
         ("anaheim",), (("SA", "18:00", "20:00"),), ("ar", "so", "en"), (), 0,
         (*FREE, "unmarked-site", "no-mail", "neutral-caller-name", "outreach-text",
          "mode-in-person"), (("faith-tradition", "islam"), ("cultural-focus", "arab")),
         ("gender-women",), (18, None), "2026-08-08"),
    Spec("arab-refugees-online", "brookhurst", "Arabic Refugee Peer Group (Video)",
         "Video peer group in Arabic for refugees across Southern California.",
         ("Virtual Support", "Support Groups"), "la", (), (("TH", "18:00", "19:30"),),
         ("ar",), (), 0, (*FREE, "peer-led", "mode-video"), (), ("population-refugees",),
         verified="2026-02-26"),
    Spec("westlake-pares", "westlake", "Grupo de Apoyo Entre Pares",
         "Spanish-speaking peer group; everyone welcome regardless of immigration status.",
         ("Support Groups",), "la", ("westlake",), (("MO,TH", "19:00", "20:30"),), ("es",),
         (), 0, (*FREE, "peer-led", "no-mail", "mode-in-person", "population-immigrants"),
         (("cultural-focus", "latino"),), verified="2026-07-01"),
    Spec("promotoras-line", "promotoras", "Línea de Apoyo de Promotoras",
         "Community health workers call you back in Spanish at the time you choose.",
         ("Peer Support",), "la", (), (("MO,TU,WE,TH,FR", "17:00", "21:00"),
                                        ("SA", "10:00", "14:00")), ("es", "en"), (), 0,
         (*FREE, "peer-led", "mode-phone", "neutral-caller-name", "outreach-phone-call",
          "outreach-voicemail"), (("cultural-focus", "latino"),), verified="2026-10-15"),
    Spec("acompanamiento", "slvparish", "Acompañamiento en el Duelo (Los Angeles)",
         "Catholic grief accompaniment group in Spanish and English.", ("Spiritual Support",),
         "la", ("westlake",), (("WE", "19:00", "20:30"),), ("es", "en"), (), 0,
         (*FREE, "mode-in-person"), (("faith-tradition", "catholic"),),
         verified="2025-09-30"),
    Spec("rainbow-youth-online", "rainbowla", "Rainbow Youth Online",
         "Text and video peer community for LGBTQ+ young people; no family contact, ever.",
         ("Virtual Support", "Peer Support"), "la", (),
         (("MO,TU,WE,TH,FR,SA,SU", "15:00", "22:00"),), ("en", "es"), (), 0,
         (*FREE, *DISCREET, "peer-led", "mode-text", "mode-video", "population-lgbtq"),
         (), (), (13, 24), "2026-11-10", nationwide=True),
    Spec("westside-circle", "westside", "Westside Evening Circle",
         "Facilitated evening support group; private insurance or self-pay.",
         ("Support Groups",), "la", ("silverlake",), (("TU", "18:00", "19:30"),), ("en",),
         (), 60, ("insurance-private", "waitlist", "mode-in-person", "outreach-mail",
                  "outreach-voicemail"), (("wait-weeks", "5"),), verified="2024-07-02"),
    Spec("bayanihan", "bayanihan", "Bayanihan Saturday Centre",
         "Filipino community centre: Saturday gatherings and a listening table.",
         ("Community Support Services",), "la", ("westlake",), (("SA", "10:00", "15:00"),),
         ("tl", "en"), (), 0, (*FREE, "mode-in-person"), (("cultural-focus", "filipino"),),
         verified="2026-04-09"),
    Spec("korean-buddhist", "lotus", "Korean Temple Tea and Talk",
         "Korean-speaking Buddhist support circle.", ("Spiritual Support",), "la", ("ktown",),
         (("SU", "15:00", "17:00"),), ("ko",), (), 0, (*FREE, "mode-in-person"),
         (("faith-tradition", "buddhism"), ("cultural-focus", "korean")),
         verified="2026-01-15"),
    # --- San Luis Valley, Colorado (rural) --------------------------------------------
    Spec("alamosa-pares", "valle", "Grupo de Apoyo Alamosa",
         "Spanish and English peer group that starts after the work day.",
         ("Support Groups",), "slv", ("alamosa",), (("TU", "19:30", "21:00"),), ("es", "en"),
         (), 0, (*FREE, "peer-led", "mode-in-person"), (("cultural-focus", "hispano"),),
         verified="2026-09-25"),
    Spec("valle-phone", "valle", "Valle Unido Phone Peer Line",
         "Peer support by phone for the whole valley, evenings and weekends.",
         ("Peer Support",), "slv", (), (("MO,TU,WE,TH,FR", "18:00", "22:00"),
                                         ("SA,SU", "12:00", "20:00")), ("es", "en"), (), 0,
         (*FREE, "peer-led", "mode-phone", "neutral-caller-name", "client-initiates-contact",
          "outreach-none", "self-referral"), verified="2026-10-28"),
    Spec("montevista-parish", "slvparish", "Monte Vista Faith Support",
         "Parish support group after Sunday Mass.", ("Spiritual Support",), "slv",
         ("montevista",), (("SU", "11:30", "13:00"),), ("es", "en"), (), 0,
         (*FREE, "mode-in-person"), (("faith-tradition", "catholic"),),
         verified="2026-03-29"),
    Spec("campesino-house", "campesino", "Casa Campesina",
         "Community house for farmworker families: Sunday gatherings and Wednesday nights.",
         ("Community Support Services",), "slv", ("center",),
         (("SU", "14:00", "17:00"), ("WE", "19:00", "21:00")), ("es",),
         ("interpretation-phone",), 0,
         (*FREE, "mode-in-person", "population-farmworkers", "population-immigrants",
          "no-mail"), (("cultural-focus", "mexican"),), verified="2026-05-05"),
    Spec("alamosa-women-day", "valle", "Grupo de Mujeres (mañanas)",
         "Morning peer group for women, in Spanish.", ("Support Groups",), "slv",
         ("alamosa",), (("MO", "10:00", "11:30"),), ("es",), (), 0,
         (*FREE, "peer-led", "mode-in-person"), (), ("gender-women",),
         verified="2026-06-18"),
    Spec("alamosa-english-evening", "slvhealth", "Thursday Evening Group",
         "English-language evening support group.", ("Support Groups",), "slv", ("alamosa",),
         (("TH", "19:00", "20:30"),), ("en",), (), 0, (*FREE, "mode-in-person"),
         verified="2026-02-11"),
    Spec("slv-connect", "valle", "SLV Connect Video Group",
         "Weekly video peer group for people far from town.",
         ("Virtual Support", "Peer Support"), "slv", (), (("WE", "20:00", "21:00"),),
         ("en", "es"), (), 0, (*FREE, "peer-led", "mode-video"), verified="2026-08-27"),
    Spec("costilla-rooms", "costilla", "Costilla County Community Rooms",
         "Daytime community rooms in San Luis.", ("Community Support Services",), "slv",
         ("sanluis",), (("MO,TU,WE,TH,FR", "08:00", "17:00"),), ("es", "en"), (), 0,
         (*FREE, "mode-in-person"), (("cultural-focus", "hispano"),), verified="2025-07-07"),
    Spec("curandera", "casasalud", "Curanderismo Consultations",
         "Traditional Hispano healing consultations, by arrangement on Saturdays.",
         ("support-traditional-healer",), "slv", ("antonito",), (("SA", "10:00", "14:00"),),
         ("es",), (), 15, ("sliding-scale", "waitlist", "mode-in-person"),
         (("cultural-focus", "hispano"), ("wait-weeks", "2")), verified="2026-04-21"),
    Spec("doce-pasos", "valle", "Doce Pasos Alamosa",
         "Spanish-language 12-step meeting.", ("12-Step",), "slv", ("alamosa",),
         (("FR", "19:00", "20:00"),), ("es",), (), 0, (*FREE, "peer-led", "mode-in-person"),
         verified="2026-01-30"),
    Spec("slv-vets-phone", "slvvets", "Valley Veterans Phone Circle",
         "Veterans' peer group by conference call.", ("Peer Support",), "slv", (),
         (("MO", "18:00", "19:00"),), ("en",), (), 0, (*FREE, "peer-led", "mode-phone"), (),
         ("population-veterans",), verified="2026-07-23"),
    Spec("slv-counseling-peer", "slvhealth", "Counseling with Peer Support",
         "Counselling with a peer specialist; Medicaid accepted, sliding scale.",
         ("Counseling", "Peer Support"), "slv", ("alamosa",),
         (("MO,TU,WE,TH", "08:00", "18:00"),), ("en", "es"), ("interpretation-phone",), 25,
         ("sliding-scale", "insurance-medicaid", "insurance-medicare", "waitlist",
          "mode-in-person", "mode-video", "outreach-phone-call", "outreach-voicemail",
          "outreach-mail"), (("wait-weeks", "8"),), verified="2024-09-12"),
    Spec("slv-youth", "slvyouth", "Valley Youth Drop-In",
         "After-school drop-in for young people.", ("Recreation",), "slv", ("alamosa",),
         (("MO,TU,WE,TH,FR", "15:30", "18:30"),), ("en", "es"), (), 0,
         (*FREE, "mode-in-person"), (), (), (12, 18), "2026-08-05"),
    Spec("caregiver-circle", "valle", "Caregivers' Circle (first Tuesday)",
         "Monthly circle for family caregivers.", ("Support Groups",), "slv", ("alamosa",),
         (("1TU", "18:00", "19:30", "MONTHLY"),), ("es", "en"), (), 0,
         (*FREE, "peer-led", "mode-in-person", "population-caregivers"),
         verified="2026-05-27"),
    # --- Navajo Nation ----------------------------------------------------------------
    Spec("dine-family", "dinefamily", "Diné Family Healing Circle",
         "Families come together with Navajo-speaking facilitators; IHS and Medicaid "
         "welcome, no one is turned away.", ("support-family", "Support Groups"), "nav",
         ("windowrock",), (("TU", "17:30", "19:30"),), ("nv", "en"), (), 0,
         (*FREE, "mode-in-person", "insurance-ihs", "insurance-medicaid",
          "population-tribal-members"), (("cultural-focus", "dine"),),
         verified="2026-09-18"),
    Spec("chinle-healer", "chinlehealing", "Traditional Wellness Referrals",
         "Help arranging care with a traditional practitioner; for enrolled tribal members.",
         ("support-traditional-healer",), "nav", ("chinle",),
         (("MO,TU,WE,TH,FR", "09:00", "16:00"),), ("nv",), ("interpretation-in-person",), 0,
         (*FREE, "insurance-ihs", "waitlist", "client-initiates-contact", "mode-in-person"),
         (("cultural-focus", "dine"), ("wait-weeks", "2")), ("population-tribal-members",),
         verified="2026-06-06"),
    Spec("chinle-gathering", "chinlechapter", "Chinle Community Gathering",
         "Thursday evening gathering at the chapter house.",
         ("Community Support Services",), "nav", ("chinle",), (("TH", "18:00", "20:00"),),
         ("nv", "en"), (), 0, (*FREE, "mode-in-person"), (("cultural-focus", "dine"),),
         verified="2025-05-15"),
    Spec("shiprock-peer", "shiprockpeer", "Shiprock Peer Support",
         "Peer support in Navajo and English.", ("Peer Support",), "nav", ("shiprock",),
         (("WE", "18:00", "19:30"),), ("nv", "en"), (), 0,
         (*FREE, "peer-led", "mode-in-person", "population-tribal-members"),
         (("cultural-focus", "dine"),), verified="2026-03-20"),
    Spec("wr-fellowship", "wrfellowship", "Fellowship Support Group",
         "Christian fellowship support group, Sunday afternoons.", ("Spiritual Support",),
         "nav", ("windowrock",), (("SU", "15:00", "16:30"),), ("nv", "en"), (), 0,
         (*FREE, "mode-in-person"), (("faith-tradition", "christian"),),
         verified="2026-02-14"),
    Spec("navajo-warmline", "navwarmline", "Navajo Language Warmline",
         "Talk with a peer in Navajo or English; we never call first.",
         ("Peer Support", "Virtual Support"), "nav", (),
         (("MO,TU,WE,TH,FR,SA,SU", "16:00", "22:00"),), ("nv", "en"), (), 0,
         (*FREE, "peer-led", "mode-phone", "neutral-caller-name", "client-initiates-contact",
          "outreach-none", "self-referral"), (("cultural-focus", "dine"),),
         verified="2026-10-06"),
    Spec("gallup-youth", "gallupyouth", "Native Youth Circle",
         "Peer group for Native young people in Gallup.", ("Support Groups",), "nav",
         ("gallup",), (("FR", "16:00", "18:00"),), ("en", "nv"), (), 0,
         (*FREE, "peer-led", "mode-in-person", "population-tribal-members"), (), (),
         (13, 20), "2026-04-30"),
    Spec("gallup-commons", "gallupcc", "Gallup Commons Drop-In",
         "Community centre open six days a week.", ("Community Support Services",), "nav",
         ("gallup",), (("MO,TU,WE,TH,FR,SA", "08:00", "20:00"),), ("en", "es"),
         ("interpretation-phone",), 0, (*FREE, "mode-in-person"), verified="2026-07-29"),
    Spec("tuba-elders", "tubaelders", "Tuba City Elders' Circle",
         "Elders share stories and support each other in Navajo.", ("Support Groups",),
         "nav", ("tubacity",), (("MO", "10:00", "12:00"),), ("nv", "en"), (), 0,
         (*FREE, "peer-led", "mode-in-person"), (("cultural-focus", "dine"),),
         ("population-older-adults",), (55, None), "2025-08-01"),
    Spec("crownpoint-women", "crownpoint", "Women's Talking Circle",
         "Talking circle for women at an unmarked lodge.", ("Support Groups",), "nav",
         ("crownpoint",), (("TH", "18:30", "20:00"),), ("nv", "en"), (), 0,
         (*FREE, "peer-led", "unmarked-site", "no-mail", "mode-in-person"),
         (("cultural-focus", "dine"),), ("gender-women",), (18, None), "2026-09-03"),
    Spec("four-corners-video", "navtele", "Four Corners Video Peer Group",
         "Video or phone peer group for people living far from a chapter house.",
         ("Virtual Support",), "nav", (), (("TU", "19:00", "20:00"),), ("nv", "en"), (), 0,
         (*FREE, "peer-led", "mode-video", "mode-phone", "insurance-ihs"),
         (("cultural-focus", "dine"),), verified="2026-08-12"),
    Spec("shiprock-twelve-step", "shiprockpeer", "Shiprock Saturday 12-Step",
         "Twelve-step meeting in English and Navajo.", ("12-Step",), "nav", ("shiprock",),
         (("SA", "18:00", "19:30"),), ("en", "nv"), (), 0,
         (*FREE, "peer-led", "mode-in-person"), verified="2026-01-09"),
    Spec("red-rock-coaching", "gallupcoach", "Red Rock Recovery Coaching",
         "Peer recovery coaching; Medicaid and IHS billed.", ("Peer Recovery Coaching",),
         "nav", ("gallup",), (("MO,TU,WE,TH,FR", "09:00", "17:00"),), ("en", "nv"), (), 35,
         ("insurance-medicaid", "insurance-ihs", "waitlist", "peer-led", "mode-in-person",
          "mode-phone", "outreach-phone-call", "outreach-voicemail"),
         (("wait-weeks", "3"),), verified="2025-03-17"),
    # --- Online, nationwide -----------------------------------------------------------
    Spec("many-tongues", "multilingual", "Many Tongues Online Peer Community",
         "Around-the-clock text and video peer community with volunteers in many languages "
         "and video interpreters for the rest.", ("Virtual Support",), "la", (),
         (("MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00"),),
         ("en", "es", "vi", "zh", "ar", "ko", "so"), ("interpretation-video",), 0,
         (*FREE, *DISCREET, "peer-led", "mode-text", "mode-video"), (), (), (16, None),
         "2026-10-30", nationwide=True),
)
# fmt: on

_LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "so": "Somali", "ar": "Arabic", "om": "Oromo",
    "hmn": "Hmong", "ksw": "S'gaw Karen", "vi": "Vietnamese", "ko": "Korean",
    "yue": "Cantonese", "cmn": "Mandarin", "zh": "Chinese", "tl": "Tagalog", "nv": "Navajo",
}  # fmt: skip
_DAYS_FROM_HSDS = {"MO": "mon", "TU": "tue", "WE": "wed", "TH": "thu", "FR": "fri",
                   "SA": "sat", "SU": "sun"}  # fmt: skip


def _term(code: str, taxonomy: str) -> dict[str, Any]:
    own = taxonomy == DIRECTORY_TAXONOMY
    return {
        "id": uid("term", taxonomy, code),
        **({"code": code} if own else {}),
        "name": code.replace("-", " ") if own else code,
        "description": f"{code} ({'commcare directory' if own else 'Open Eligibility'})",
        "taxonomy": taxonomy,
        "taxonomy_detail": {
            "id": uid("taxonomy", taxonomy),
            "name": "commcare-ext directory taxonomy" if own else OPEN_ELIGIBILITY,
            "description": "Facts about community services that HSDS has no field for"
            if own
            else "The Open Eligibility human services taxonomy",
            **({"uri": DIRECTORY_TAXONOMY} if own else {}),
        },
    }


def _attribute(owner: str, code: str, taxonomy: str, value: str | None = None,
               link_type: str = "service_type") -> dict[str, Any]:  # fmt: skip
    attribute: dict[str, Any] = {
        "id": uid("attribute", owner, taxonomy, code, value or ""),
        "link_id": owner,
        "link_type": link_type,
        "link_entity": "service",
        "taxonomy_term": _term(code, taxonomy),
    }
    if value is not None:
        attribute["value"] = value
    return attribute


def _location(key: str) -> dict[str, Any]:
    site, region = SITES[key], REGIONS[SITES[key].region]
    location_id = uid("location", key)
    return {
        "id": location_id,
        "location_type": "physical",
        "name": site.name,
        "latitude": site.latitude,
        "longitude": site.longitude,
        "addresses": [{
            "id": uid("address", key), "location_id": location_id, "address_1": site.street,
            "city": site.city, "state_province": site.state, "postal_code": site.postal_code,
            "country": "US", "address_type": "physical",
        }],
        "accessibility": [{
            "id": uid("accessibility", key), "location_id": location_id,
            "description": "See attributes for the arrangements at this site.",
            "attributes": [_attribute(uid("accessibility", key), code, DIRECTORY_TAXONOMY,
                                      link_type="accessibility") for code in site.access],
        }] if site.access else [],
        "attributes": [_attribute(location_id, "time-zone", DIRECTORY_TAXONOMY,
                                  region.time_zone, link_type="location")],
    }  # fmt: skip


def _phone_number(spec_index: int, region: str) -> str:
    area = {"msp": "612", "la": "213", "slv": "719", "nav": "928"}[region]
    return f"+1 {area}-555-{100 + spec_index:04d}"


#: The day the directory last changed each organisation's record (one day for all: fictional).
ORGANIZATION_CHANGED = "2026-05-04"


def _change(record_id: str, record_type: str, field: str, day: str) -> dict[str, Any]:
    """An HSDS metadata (change log) entry: the record's ``field`` changed on ``day``."""
    return {
        "id": uid("metadata", record_id, field), "resource_id": record_id,
        "resource_type": record_type, "last_action_date": day, "last_action_type": "update",
        "field_name": field, "previous_value": "", "replacement_value": day,
        "updated_by": "Directory team",
    }  # fmt: skip


def hsds_service(index: int, spec: Spec) -> dict[str, Any]:
    """One service in the nested shape of the HSDS 3.0 compiled service schema."""
    service_id = uid("service", spec.key)
    region = REGIONS[spec.region]
    attributes = [
        _attribute(service_id, kind, DIRECTORY_TAXONOMY) if kind.startswith("support-")
        else _attribute(service_id, kind, OPEN_ELIGIBILITY)
        for kind in spec.kinds
    ]  # fmt: skip
    attributes += [
        _attribute(service_id, code, DIRECTORY_TAXONOMY,
                   link_type="eligibility" if code in spec.eligibility else "audience")
        for code in (*spec.codes, *spec.eligibility)
    ]  # fmt: skip
    attributes += [_attribute(service_id, code, DIRECTORY_TAXONOMY, value)
                   for code, value in spec.valued]  # fmt: skip
    attributes.append(_attribute(service_id, "referral-endpoint", DIRECTORY_TAXONOMY,
                                 f"https://referrals.example.org/{spec.key}"))  # fmt: skip
    if spec.interpretation:
        attributes += [_attribute(service_id, code, DIRECTORY_TAXONOMY)
                       for code in spec.interpretation]  # fmt: skip
    virtual = not spec.sites
    schedules = []
    for number, (days, opens, closes, *freq) in enumerate(spec.hours):
        schedules.append({
            "id": uid("schedule", spec.key, str(number)), "service_id": service_id,
            "freq": freq[0] if freq else "WEEKLY", "byday": days, "opens_at": opens,
            "closes_at": closes, "timezone": region.utc_offset,
            "description": f"{days} {opens}-{closes} local time ({region.time_zone})",
        })  # fmt: skip
    org_id = uid("organization", spec.org)
    slug = spec.org.replace("_", "-")
    service: dict[str, Any] = {
        "id": service_id,
        "organization_id": org_id,
        "name": spec.name,
        "description": spec.description,
        "url": f"https://{slug}.example.org/{spec.key}",
        "email": f"hello@{slug}.example.org",
        "status": spec.status,
        "assured_date": spec.verified,
        "assurer_email": "directory@example.org",
        "organization": {
            "id": org_id,
            "name": ORGANIZATIONS[spec.org],
            "description": f"{ORGANIZATIONS[spec.org]} (a fictional organisation).",
            "website": f"https://{slug}.example.org",
            "email": f"hello@{slug}.example.org",
            "metadata": [_change(org_id, "organization", "website", ORGANIZATION_CHANGED)],
        },
        "metadata": [_change(service_id, "service", "assured_date", spec.verified)],
        "phones": [{"id": uid("phone", spec.key), "service_id": service_id,
                    "number": _phone_number(index, spec.region), "type": "voice"}],
        "languages": [{"id": uid("language", spec.key, tag), "service_id": service_id,
                       "name": _LANGUAGE_NAMES[tag], "code": tag} for tag in spec.languages],
        "schedules": schedules,
        "service_areas": [{
            "id": uid("service_area", spec.key), "service_id": service_id,
            "name": "United States" if spec.nationwide else region.area,
            "description": "Open to anyone in the United States" if spec.nationwide
            else f"People living in {region.area}",
            "attributes": [] if spec.nationwide else [
                _attribute(uid("service_area", spec.key), "postal-codes", DIRECTORY_TAXONOMY,
                           " ".join(region.postal_codes), link_type="area")],
        }],
        "service_at_locations": [
            {"id": uid("service_at_location", spec.key, key), "service_id": service_id,
             "location_id": uid("location", key), "location": _location(key)}
            for key in spec.sites
        ] + ([{"id": uid("service_at_location", spec.key, "online"), "service_id": service_id,
               "location_id": uid("location", "online", spec.key),
               "location": {"id": uid("location", "online", spec.key),
                            "location_type": "virtual",
                            "url": f"https://{slug}.example.org/{spec.key}/join"}}]
             if virtual else []),
        "cost_options": [{
            "id": uid("cost_option", spec.key), "service_id": service_id, "currency": "USD",
            "amount": spec.fee, "option": "Everyone" if spec.fee == 0 else "Per session",
        }],
        "attributes": attributes,
    }  # fmt: skip
    if spec.interpretation:
        service["interpretation_services"] = "Interpreters: " + ", ".join(
            code.removeprefix("interpretation-") for code in spec.interpretation
        )
    low, high = spec.ages
    if low is not None:
        service["minimum_age"] = low
    if high is not None:
        service["maximum_age"] = high
    return service


def fhir_resources(service: dict[str, Any]) -> list[dict[str, Any]]:
    """The same service as FHIR HSDS HealthcareService, Organization and Locations."""
    org = service["organization"]
    own, oe = [], []
    for attribute in service["attributes"]:
        term = attribute["taxonomy_term"]
        if term.get("taxonomy") == DIRECTORY_TAXONOMY:
            own.append((term["code"], attribute.get("value"), attribute["link_type"]))
        else:
            oe.append(term["name"])
    for area in service["service_areas"]:
        for attribute in area["attributes"]:
            own.append((attribute["taxonomy_term"]["code"], attribute["value"], "area"))
    for site in service["service_at_locations"]:
        for attribute in site["location"].get("attributes", []):
            own.append((attribute["taxonomy_term"]["code"], attribute.get("value"), "location"))
    locations = [s["location"] for s in service["service_at_locations"]
                 if s["location"]["location_type"] == "physical"]  # fmt: skip
    resources: list[dict[str, Any]] = [{
        "resourceType": "Organization", "id": org["id"],
        "meta": {"lastUpdated": f"{org['metadata'][0]['last_action_date']}T09:30:00Z"},
        "active": True, "name": org["name"],
        "telecom": [{"system": "url", "value": org["website"], "use": "work"},
                    {"system": "email", "value": org["email"], "use": "work"}],
    }]  # fmt: skip
    for location in locations:
        address = location["addresses"][0]
        access = [a["taxonomy_term"]["code"] for x in location["accessibility"]
                  for a in x["attributes"]]  # fmt: skip
        tz = next(a["value"] for a in location["attributes"]
                  if a["taxonomy_term"]["code"] == "time-zone")  # fmt: skip
        resources.append({
            "resourceType": "Location", "id": location["id"], "status": "active",
            "name": location["name"],
            "address": {"use": "work", "line": [address["address_1"]], "city": address["city"],
                        "state": address["state_province"],
                        "postalCode": address["postal_code"], "country": "US"},
            "position": {"latitude": location["latitude"], "longitude": location["longitude"]},
            "managingOrganization": {"reference": f"Organization/{org['id']}"},
            "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/timezone",
                           "valueCode": tz}] + [
                {"url": "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/"
                        "accessibility",
                 "valueCodeableConcept": {"coding": [{"system": DIRECTORY_TAXONOMY,
                                                      "code": code}]}}
                for code in access],
        })  # fmt: skip
    valued = [(c, v) for c, v, _ in own if v is not None and c != "time-zone"]
    plain = [(c, link) for c, v, link in own if v is None]
    schedules = service["schedules"]
    healthcare_service: dict[str, Any] = {
        "resourceType": "HealthcareService",
        "id": service["id"],
        "meta": {"lastUpdated": f"{service['metadata'][0]['last_action_date']}T09:30:00Z"},
        "active": service["status"] == "active",
        "providedBy": {"reference": f"Organization/{org['id']}", "display": org["name"]},
        "category": [{"coding": [{"system": DIRECTORY_TAXONOMY, "code": c}]}
                     for c, _ in plain if c.startswith("support-")]
        # Open Eligibility has no FHIR code system URI: its terms travel as text.
        + [{"text": name} for name in oe],
        "name": service["name"],
        "comment": service["description"],
        "telecom": [{"system": "phone", "value": service["phones"][0]["number"], "use": "work"},
                    {"system": "email", "value": service["email"], "use": "work"},
                    {"system": "url", "value": service["url"], "use": "work"}],
        "location": [{"reference": f"Location/{x['id']}"} for x in locations],
        "coverageArea": [{"display": a["name"]} for a in service["service_areas"]],
        "communication": [{"coding": [{"system": "urn:ietf:bcp:47", "code": x["code"]}],
                           "text": x["name"]} for x in service["languages"]],
        "characteristic": [{"coding": [{"system": DIRECTORY_TAXONOMY, "code": c}]}
                           for c, link in plain
                           if not c.startswith("support-") and link != "eligibility"],
        "eligibility": [{"code": {"coding": [{"system": DIRECTORY_TAXONOMY, "code": c}]}}
                        for c, link in plain if link == "eligibility"],
        "availableTime": [
            {"daysOfWeek": [_DAYS_FROM_HSDS[d] for d in s["byday"].split(",")],
             "availableStartTime": f"{s['opens_at']}:00",
             "availableEndTime": "23:59:59" if s["closes_at"] == "24:00"
             else f"{s['closes_at']}:00"}
            for s in schedules if s["freq"] == "WEEKLY"],
        "extension": [{"url": "https://fhir.commcare-ext.org/StructureDefinition/"
                              "directory-last-verified", "valueDate": service["assured_date"]}]
        + [{"url": "https://fhir.commcare-ext.org/StructureDefinition/directory-attribute",
            "extension": [{"url": "code", "valueCode": c}, {"url": "value", "valueString": v}]}
           for c, v in valued]
        + [{"url": "https://fhir.commcare-ext.org/StructureDefinition/directory-attribute",
            "extension": [{"url": "code", "valueCode": key.replace("_", "-")},
                          {"url": "value", "valueString": str(service[key])}]}
           for key in ("minimum_age", "maximum_age") if key in service],
    }  # fmt: skip
    fee = service["cost_options"][0]["amount"]
    healthcare_service["serviceProvisionCode"] = [{"coding": [{
        "system": "http://terminology.hl7.org/CodeSystem/service-provision-conditions",
        "code": "free" if fee == 0 else "cost"}]}]  # fmt: skip
    if service.get("interpretation_services"):
        healthcare_service["characteristic"].append({"text": service["interpretation_services"]})
    resources.append({k: v for k, v in healthcare_service.items() if v != []})
    return resources


def main() -> None:
    services = [hsds_service(i, spec) for i, spec in enumerate(SPECS)]
    (HERE / "hsds").mkdir(exist_ok=True)
    (HERE / "hsds" / "services.json").write_text(
        json.dumps(services, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    subset = [s for s, spec in zip(services, SPECS, strict=True) if spec.region in ("slv", "nav")]
    seen: set[tuple[str, str]] = set()
    entries = []
    for service in subset:
        for resource in fhir_resources(service):
            key = (resource["resourceType"], resource["id"])
            if key in seen:
                continue
            seen.add(key)
            entries.append({"fullUrl": f"{HUMAN_SERVICES}/{key[0]}/{key[1]}",
                            "resource": resource})  # fmt: skip
    bundle = {"resourceType": "Bundle", "id": uid("bundle", "example"), "type": "collection",
              "entry": entries}  # fmt: skip
    (HERE / "fhir").mkdir(exist_ok=True)
    (HERE / "fhir" / "bundle.json").write_text(
        json.dumps(bundle, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{len(services)} HSDS services; FHIR bundle of {len(subset)} services, "
          f"{len(entries)} resources")  # fmt: skip


if __name__ == "__main__":
    main()
