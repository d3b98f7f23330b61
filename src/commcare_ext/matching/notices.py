"""What the directory asks everyone to read, and what it cannot tell us, as cautions.

HSDS keeps some facts as text for people: ``alert`` (closed this week, moved),
``eligibility_description`` ("women only", "must live in the county"), eligibility terms no
mapping reads, ``required_documents`` and ``cost_options`` wording. Matching never parses these
into a decision; it puts them in front of the clinician with every proposal they concern. A
counsellor-gender preference is a caution too: directories do not say who leads a service.
"""

from commcare_ext.directory import Service
from commcare_ext.matching.constraints import Notes
from commcare_ext.matching.findings import CautionCode, caution
from commcare_ext.matching.person import Person

#: At most this many directory texts of one kind are carried (the record has the rest).
_MAX_TEXTS = 3


def add_notices(service: Service, person: Person, found: Notes) -> None:
    """Add the directory's own notices about ``service`` to ``found``."""
    add = found.cautions.append
    if service.alert:
        add(caution(CautionCode.ALERT, text=service.alert))
    rule = service.eligibility
    if rule.note:
        add(caution(CautionCode.ELIGIBILITY_DESCRIBED, text=rule.note))
    if rule.unread_terms:
        add(caution(CautionCode.ELIGIBILITY_TERMS_UNREAD, terms=rule.unread_terms[:_MAX_TEXTS]))
    if service.required_documents:
        documents = service.required_documents[:_MAX_TEXTS]
        add(caution(CautionCode.REQUIRED_DOCUMENTS, documents=documents))
    if service.cost.options:
        add(caution(CautionCode.COST_OPTIONS, options=service.cost.options[:_MAX_TEXTS]))
    if person.clinician_gender is not None and not service.crisis:
        add(caution(CautionCode.CLINICIAN_GENDER_NOT_STATED, preference=person.clinician_gender))
