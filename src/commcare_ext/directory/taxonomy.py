"""What kind of help a service gives: directory taxonomy terms mapped to the intake's supports.

Directories classify services with a taxonomy: the open Open Eligibility taxonomy, a 211's
licensed one, or their own. A :class:`TaxonomyMapping` says which :class:`SupportType` each
known term means. A term no mapping knows is kept on the service as unmapped and, when a
service ends up with no support type at all, reported with its terms: a kind of help is never
guessed from a name or a description.
"""

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from commcare_ext.directory.vocabulary import DIRECTORY_TAXONOMY, CrisisKind, Gender, Population
from commcare_ext.intake.vocabulary import SupportType

_SPACES = re.compile(r"[\s_]+")


def normalise_term(text: str) -> str:
    """Term text as compared: lower case, single spaces, '&' read as 'and'."""
    return sys.intern(_SPACES.sub(" ", text.replace("&", " and ")).strip().lower())


def normalise_taxonomy(name: str | None) -> str:
    """A taxonomy name or URI as compared (``"Open Eligibility"`` -> ``"open eligibility"``)."""
    return normalise_term(name or "")


@dataclass(frozen=True, slots=True)
class TaxonomyTerm:
    """One classification of a service as the directory gave it.

    ``taxonomy`` names the taxonomy (a name or URI, None when the directory did not say);
    ``code`` is the term's code in it, ``name`` its label.
    """

    name: str
    code: str | None = None
    taxonomy: str | None = None
    #: HSDS ``attribute.link_type`` (lower case): "eligibility" makes a term a restriction.
    link_type: str | None = None

    @property
    def eligibility(self) -> bool:
        """True when the directory links the term as who may use the service."""
        return self.link_type == "eligibility"

    def __str__(self) -> str:
        where = f"{self.taxonomy}: " if self.taxonomy else ""
        code = f"{self.code} " if self.code else ""
        return f"{where}{code}{self.name}".strip()


#: Names of the open Open Eligibility taxonomy as directories spell them.
OPEN_ELIGIBILITY_NAMES: frozenset[str] = frozenset(
    {
        "open eligibility", "openeligibility", "open eligibility taxonomy", "oe",
        # the project's site, as FHIR coding systems name it
        "https://openeligibility.org", "http://openeligibility.org",
        "https://www.openeligibility.org", "http://www.openeligibility.org",
    }
)  # fmt: skip

#: Open Eligibility "Human Services" terms that name a community support the intake offers.
#: Clinical terms (Counseling, Group Therapy, Mental Health Care) are deliberately absent:
#: they are not among the intake's community supports and stay unmapped.
OPEN_ELIGIBILITY: Mapping[str, frozenset[SupportType]] = MappingProxyType(
    {
        "support groups": frozenset({SupportType.PEER_SUPPORT_GROUP}),
        "peer support": frozenset({SupportType.PEER_SUPPORT_GROUP}),
        "peer recovery coaching": frozenset({SupportType.PEER_SUPPORT_GROUP}),
        "12-step": frozenset({SupportType.PEER_SUPPORT_GROUP}),
        "spiritual support": frozenset({SupportType.FAITH_COMMUNITY}),
        "community support services": frozenset({SupportType.COMMUNITY_CENTRE}),
        "recreation": frozenset({SupportType.COMMUNITY_CENTRE}),
        "virtual support": frozenset({SupportType.ONLINE_COMMUNITY}),
    }
)

#: Open Eligibility "Human Situations" that name a population or gender the model codes.
#: Read as eligibility when the HSDS attribute's ``link_type`` is "eligibility", otherwise as
#: populations the service welcomes (a gender always restricts).
OPEN_ELIGIBILITY_SITUATIONS: Mapping[str, Population | Gender] = MappingProxyType(
    {
        "refugees": Population.REFUGEES,
        "immigrants": Population.IMMIGRANTS,
        "undocumented": Population.IMMIGRANTS,
        "lgbtq": Population.LGBTQ,
        "lgbtq+": Population.LGBTQ,
        "lgbtqia+": Population.LGBTQ,
        "transgender or non-binary": Population.LGBTQ,
        "transgender": Population.LGBTQ,
        "young adults": Population.YOUTH,
        "veterans": Population.VETERANS,
        "teens": Population.YOUTH,
        "seniors": Population.OLDER_ADULTS,
        "caregivers": Population.PARENTS_AND_CAREGIVERS,
        "parents": Population.PARENTS_AND_CAREGIVERS,
        "domestic violence survivors": Population.SURVIVORS_OF_VIOLENCE,
        "sexual assault survivors": Population.SURVIVORS_OF_VIOLENCE,
        "all disabilities": Population.PEOPLE_WITH_DISABILITIES,
        "women": Gender.WOMEN,
        "female": Gender.WOMEN,
        "men": Gender.MEN,
        "male": Gender.MEN,
    }
)

#: Open Eligibility "Human Situations" naming a faith (its Sectors terms Christians, Muslims,
#: Jews, and other faiths named the same way), as our faith-tradition words.
OPEN_ELIGIBILITY_FAITHS: Mapping[str, str] = MappingProxyType(
    {
        "muslims": "islam", "christians": "christian", "jews": "judaism",
        "buddhists": "buddhism", "catholics": "catholic", "hindus": "hinduism",
        "sikhs": "sikhism",
    }
)  # fmt: skip

#: 211/AIRS Taxonomy codes for crisis help (checked against 211 directories' published code
#: lists): RP-1500 Crisis Intervention, RP-1500.1400 Crisis Intervention Hotlines/Helplines,
#: -250 General Crisis Intervention Hotlines, -500 Mental Health Hotlines, -800 Suicide
#: Prevention Hotlines. Codes are read in any taxonomy: the AIRS code form is unambiguous.
AIRS_CRISIS_CODES: Mapping[str, CrisisKind] = MappingProxyType(
    {
        "rp-1500": CrisisKind.CRISIS_INTERVENTION,
        "rp-1500.1400": CrisisKind.CRISIS_LINE,
        "rp-1500.1400-250": CrisisKind.CRISIS_LINE,
        "rp-1500.1400-500": CrisisKind.CRISIS_LINE,
        "rp-1500.1400-800": CrisisKind.CRISIS_LINE,
    }
)

#: Names directories give crisis help (Open Eligibility "Psychiatric Emergency Services" and
#: "Emergency Helplines"; the AIRS names of the codes above; the usual names of mobile crisis
#: teams and crisis stabilisation units), read in any taxonomy.
CRISIS_NAMES: Mapping[str, CrisisKind] = MappingProxyType(
    {
        "psychiatric emergency services": CrisisKind.CRISIS_STABILISATION,
        "emergency helplines": CrisisKind.CRISIS_LINE,
        "crisis intervention": CrisisKind.CRISIS_INTERVENTION,
        "crisis intervention hotlines/helplines": CrisisKind.CRISIS_LINE,
        "crisis intervention hotlines": CrisisKind.CRISIS_LINE,
        "general crisis intervention hotlines": CrisisKind.CRISIS_LINE,
        "suicide prevention hotlines": CrisisKind.CRISIS_LINE,
        "suicide prevention": CrisisKind.CRISIS_LINE,
        "mental health hotlines": CrisisKind.CRISIS_LINE,
        "crisis lines": CrisisKind.CRISIS_LINE,
        "crisis line": CrisisKind.CRISIS_LINE,
        "mobile crisis teams": CrisisKind.MOBILE_CRISIS_TEAM,
        "mobile crisis": CrisisKind.MOBILE_CRISIS_TEAM,
        "mobile crisis team": CrisisKind.MOBILE_CRISIS_TEAM,
        "crisis stabilization": CrisisKind.CRISIS_STABILISATION,
        "crisis stabilisation": CrisisKind.CRISIS_STABILISATION,
        "crisis stabilization units": CrisisKind.CRISIS_STABILISATION,
        "crisis residential": CrisisKind.CRISIS_STABILISATION,
        **{kind.value: kind for kind in CrisisKind},
    }
)


def crisis_kind(term: TaxonomyTerm) -> CrisisKind | None:
    """The crisis help a term names, by AIRS code or by name in any taxonomy; else None."""
    if term.code is not None and (kind := AIRS_CRISIS_CODES.get(term.code.strip().lower())):
        return kind
    return CRISIS_NAMES.get(normalise_term(term.name))


#: Our own directory taxonomy names each kind of help by the intake's own code.
OWN_SUPPORT_TERMS: Mapping[str, frozenset[SupportType]] = MappingProxyType(
    {kind.value: frozenset({kind}) for kind in SupportType}
)


@dataclass(frozen=True, slots=True)
class TaxonomyMapping:
    """Which support types each taxonomy term means, per taxonomy.

    Terms are looked up by code first, then by normalised name, within the term's taxonomy;
    a term without a taxonomy is looked up in the taxonomy named ``default_taxonomy``.
    Integrators add their own taxonomy with :meth:`extend`, which returns a new mapping.
    """

    by_taxonomy: Mapping[str, Mapping[str, frozenset[SupportType]]] = field(default_factory=dict)
    aliases: Mapping[str, str] = field(default_factory=dict)
    default_taxonomy: str | None = None

    @classmethod
    def open_eligibility(cls) -> "TaxonomyMapping":
        """The built-in mapping: Open Eligibility and our own directory taxonomy."""
        aliases = dict.fromkeys(OPEN_ELIGIBILITY_NAMES, "open eligibility")
        return cls(
            {
                "open eligibility": OPEN_ELIGIBILITY,
                normalise_taxonomy(DIRECTORY_TAXONOMY): OWN_SUPPORT_TERMS,
            },
            aliases,
            default_taxonomy="open eligibility",
        )

    def extend(
        self,
        taxonomy: str,
        terms: Mapping[str, Iterable[SupportType]],
        *,
        aliases: Iterable[str] = (),
    ) -> "TaxonomyMapping":
        """A mapping that also knows ``terms`` (code or name -> support types) of ``taxonomy``.

        Terms already known for that taxonomy are replaced, so an integrator can also correct
        a built-in mapping. ``aliases`` are other names or URIs the taxonomy goes by.
        """
        key = normalise_taxonomy(taxonomy)
        key = self.aliases.get(key, key)
        merged = {name: dict(known) for name, known in self.by_taxonomy.items()}
        table = merged.setdefault(key, {})
        for term, kinds in terms.items():
            table[normalise_term(term)] = frozenset(kinds)
        new_aliases = dict(self.aliases)
        for alias in aliases:
            new_aliases[normalise_taxonomy(alias)] = key
        frozen = {name: MappingProxyType(known) for name, known in merged.items()}
        return TaxonomyMapping(frozen, new_aliases, self.default_taxonomy)

    def _table(self, taxonomy: str | None) -> Mapping[str, frozenset[SupportType]] | None:
        key = normalise_taxonomy(taxonomy) if taxonomy else self.default_taxonomy
        if key is None:
            return None
        return self.by_taxonomy.get(self.aliases.get(key, key))

    def support_types(self, term: TaxonomyTerm) -> frozenset[SupportType] | None:
        """The support types ``term`` means; None when this mapping does not know the term."""
        table = self._table(term.taxonomy)
        if table is None:
            return None
        if term.code is not None and (found := table.get(normalise_term(term.code))):
            return found
        return table.get(normalise_term(term.name))

    def situation(self, term: TaxonomyTerm) -> Population | Gender | None:
        """The population or gender an Open Eligibility "Human Situation" term names, if any."""
        key = normalise_taxonomy(term.taxonomy) if term.taxonomy else self.default_taxonomy
        if key is None or self.aliases.get(key, key) != "open eligibility":
            return None
        return OPEN_ELIGIBILITY_SITUATIONS.get(normalise_term(term.name))

    def faith(self, term: TaxonomyTerm) -> str | None:
        """The faith tradition an Open Eligibility "Human Situation" term names, if any."""
        key = normalise_taxonomy(term.taxonomy) if term.taxonomy else self.default_taxonomy
        if key is None or self.aliases.get(key, key) != "open eligibility":
            return None
        return OPEN_ELIGIBILITY_FAITHS.get(normalise_term(term.name))

    def classify(
        self, terms: Iterable[TaxonomyTerm]
    ) -> tuple[frozenset[SupportType], tuple[TaxonomyTerm, ...]]:
        """The support types of all ``terms`` together, and the terms that mapped to none."""
        kinds: set[SupportType] = set()
        unmapped: list[TaxonomyTerm] = []
        for term in terms:
            found = self.support_types(term)
            if found:
                kinds |= found
            else:
                unmapped.append(term)
        return frozenset(kinds), tuple(unmapped)
