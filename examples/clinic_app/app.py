"""A small clinic web app: the intake form (LHC-Forms) -> summary -> referral Bundles.

    ./scripts/clinic-app --fhir-server https://fhir.example.org/R4   # then open http://127.0.0.1:8000/

What integrators copy is the middle: four library calls (``response_to_intake``, ``extract``,
``summary_html``, ``transaction_bundle``/``referral_message_bundle``) and ``FhirClient.submit``;
the summary also lists the community services ``match`` finds in the example directory, with
why and what to check in the form's language (``matches_section``).
This module answers requests that have already passed the checks in ``guard.py`` (host, origin,
CSRF token, JSON, size); ``server.py`` is the HTTP plumbing. Patient data never appears in a
URL, a log line or an error answer; the Bundles go only to the FHIR server fixed at start.
"""

import json
import logging
import re
import secrets
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from pydantic import ValidationError

from commcare_ext import CommcareError
from commcare_ext.client import FhirClient
from commcare_ext.directory import Directory, read_hsds
from commcare_ext.extract import (
    Clinician,
    ExtractionContext,
    Organization,
    ReferralTarget,
    extract,
)
from commcare_ext.intake import Intake, SafetyPlan, SafetyPlanError, SupportType, check_people
from commcare_ext.matching import MatchResult, match
from commcare_ext.questionnaire import (
    IntakeResponseError,
    build_questionnaire,
    problem_messages,
    response_to_intake,
    variant_language,
)
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from commcare_ext.summary import clinician_label, matches_section, safety_plan_html, summary_html
from commcare_ext.terminology import (
    FormLanguage,
    UnsupportedLanguageError,
    form_language,
    text_direction,
)
from examples.clinic_app.assets import Asset
from examples.clinic_app.config import AppConfig
from examples.clinic_app.texts import APP_TEXTS, app_text, chrome_words

HERE = Path(__file__).resolve().parent
#: The community directory the demo matches against (a real app reads its 211's or its own).
DIRECTORY_FILE = HERE.parent / "directory" / "hsds" / "services.json"
logger = logging.getLogger("examples.clinic_app")

CLINIC = Organization(
    name="Riverside Community Clinic",
    identifier_system="http://hl7.org/fhir/sid/us-npi",
    identifier_value="1234567893",
    phone="+1 555 010 0100",
    endpoint="https://fhir.riverside-clinic.example.org/messaging",
)
#: The clinician signing referrals (BSeR names a PractitionerRole as sender); a real app takes
#: this from its login.
CLINICIAN = Clinician(
    family_name="Okafor",
    given_names=("Adaeze",),
    identifier_system="http://hl7.org/fhir/sid/us-npi",
    identifier_value="1245319599",
)
#: The demo's patient: a real app takes this from its EHR context (e.g. SMART launch).
DEMO_PATIENT = ("https://clinic.example.org/fhir/mrn", "MRN-DEMO-0001")
#: Visits kept in memory; the oldest is forgotten first (a real app uses its own database).
MAX_VISITS = 500

_KEY = r"[0-9a-f]{32}"
_SUMMARY = re.compile(rf"/summary/({_KEY})")
_BUNDLE = re.compile(rf"/bundle/({_KEY})/([a-z0-9-]{{1,64}})\.json")
_POST = re.compile(rf"/post/({_KEY})")
_PLAN = re.compile(rf"/safety-plan/({_KEY})")


def directory(kind_value: str) -> Organization:
    """The demo's referral directory: one partner organisation per kind of support."""
    return Organization(
        name=f"{kind_value.removeprefix('support-').replace('-', ' ').title()} Partners",
        identifier_system="https://directory.example.org/organizations",
        identifier_value=kind_value,
        phone="+1 555 020 0100",
    )


@dataclass(frozen=True)
class Answer:
    """What the app answers: status, media type, body, and any extra headers."""

    status: HTTPStatus
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
    cacheable: bool = False

    @classmethod
    def json(
        cls, status: HTTPStatus, value: Any, content_type: str = "application/json"
    ) -> "Answer":
        """A JSON answer."""
        return cls(status, content_type, json.dumps(value, indent=2).encode("utf-8"))

    @classmethod
    def html(cls, text: str) -> "Answer":
        """A 200 HTML page."""
        return cls(HTTPStatus.OK, "text/html; charset=utf-8", text.encode("utf-8"))

    @classmethod
    def error(cls, status: HTTPStatus, reason: str) -> "Answer":
        """An error: the status and a fixed reason, never anything the request carried."""
        return cls.json(status, {"error": reason})


@dataclass
class Visit:
    """One submitted intake and what it became."""

    intake: Intake
    transaction: dict[str, Any]
    messages: dict[str, dict[str, Any]]
    matched: MatchResult
    #: The safety plan the clinician wrote with the person, once posted.
    safety_plan: SafetyPlan | None = None


class Store:
    """Submitted intakes, in memory (a real app keeps them in its own database)."""

    def __init__(self, directory: Directory) -> None:
        self.visits: dict[str, Visit] = {}
        self.lock = threading.Lock()
        self.directory = directory

    def add(self, response: dict[str, Any]) -> str:
        """Read, extract and bundle one QuestionnaireResponse; the key of its visit."""
        key = secrets.token_hex(16)  # also the intake id: letters and digits only
        intake = response_to_intake(
            response, intake_id=f"demo-{key}", patient_identifier=DEMO_PATIENT
        )
        referrals = tuple(
            ReferralTarget(kind=kind, organization=directory(kind.value))
            for kind in intake.care.preferred_supports
            if intake.care.referral_consent
        )
        extracted = extract(
            intake,
            context=ExtractionContext(
                clinic=CLINIC, referrals=referrals, referring_clinician=CLINICIAN
            ),
            response=response,
        )
        messages = {
            target.kind.value: referral_message_bundle(
                extracted, directory(target.kind.value), clinic=CLINIC
            )
            for target in referrals
        }
        matched = match(intake, self.directory)
        with self.lock:
            self.visits[key] = Visit(intake, transaction_bundle(extracted), messages, matched)
            while len(self.visits) > MAX_VISITS:
                del self.visits[next(iter(self.visits))]
        return key

    def get(self, key: str) -> Visit | None:
        """The visit under ``key``, if still kept."""
        with self.lock:
            return self.visits.get(key)


#: Each language's name in that language, for the language switch (not translated).
ENDONYMS = {
    FormLanguage.EN: "English",
    FormLanguage.ES: "Español",
    FormLanguage.VI: "Tiếng Việt",
    FormLanguage.ZH_HANS: "简体中文",
    FormLanguage.AR: "العربية",
}


def _texts_json(lang: str) -> str:
    """The app's texts for the page's scripts, safe inside a <script> data block."""
    texts = {key: app_text(lang, key) for key in APP_TEXTS}
    return json.dumps(texts, ensure_ascii=False).replace("<", "\\u003c")


def form_page(template: str, lang: str, csrf_token: str) -> str:
    """The intake page in ``lang``: its own words, ``lang``/``dir``, and the language switch."""
    options = "".join(
        f'<option value="{language.value}" lang="{language.value}" '
        f'dir="{text_direction(language)}"{" selected" if language.value == lang else ""}>'
        f"{ENDONYMS[language]}</option>"
        for language in FormLanguage
    )
    values = {
        "lang": lang,
        "dir": text_direction(lang),
        "csrf_token": csrf_token,
        "language_options": options,
        "texts": _texts_json(lang),
        **{
            name: escape(app_text(lang, key))
            for name, key in (
                ("page_title", "page-title"),
                ("heading", "heading"),
                ("language_label", "language"),
                ("change", "change-language"),
                ("skip", "skip"),
                ("loading", "loading"),
                ("sections", "sections"),
                ("submit", "submit"),
            )
        },
    }
    page = template
    for name, value in values.items():
        page = page.replace("{{" + name + "}}", value)
    return page


def _summary_page(
    key: str, visit: Visit, fhir_server: str | None, csrf_token: str, lang: str
) -> str:
    links = [
        f'<li><a href="/bundle/{key}/transaction.json" download>'
        f"{escape(app_text(lang, 'transaction'))}</a></li>"
    ]
    links += [
        f'<li><a href="/bundle/{key}/{escape(kind)}.json" download>'
        + escape(app_text(lang, "referral", kind=clinician_label(SupportType(kind), lang)))
        + "</a></li>"
        for kind in visit.messages
    ]
    if fhir_server is None:
        post = f"<p>{escape(app_text(lang, 'no-server'))}</p>"
    else:
        post = (
            f"<p>{escape(app_text(lang, 'server'))} "
            f'<code dir="ltr">{escape(fhir_server)}</code></p>'
            f'<button id="post" type="button" data-key="{key}">'
            f"{escape(app_text(lang, 'post'))}</button>"
        )
    actions = (
        f'<section aria-labelledby="fhir"><h2 id="fhir">{escape(app_text(lang, "bundles"))}</h2>'
        f'<ul>{"".join(links)}</ul>{post}<p role="status" id="posted"></p></section>'
    )
    head = (
        f'<meta name="csrf-token" content="{csrf_token}">'
        f'<script type="application/json" id="texts">{_texts_json(lang)}</script>'
        '<script src="/app/summary.js" defer></script>'
    )
    services = matches_section(visit.matched, language=lang)
    page = summary_html(visit.intake, language=lang, extra_sections=[services])
    page = page.replace("</main>", actions + "</main>", 1)
    return page.replace("</head>", head + "</head>", 1)


def _language(query: str) -> str | None:
    """The page language a query asks for (``lang=``), English by default; None if refused."""
    try:
        asked = parse_qs(query, max_num_fields=4).get("lang", ["en"])[0]
        return form_language(asked).value
    except (ValueError, UnsupportedLanguageError):
        return None


class ClinicApp:
    """The app's routes. ``csrf_token`` is new at every start and only its own pages carry it.

    The app has no login, so one token per running app is the session; an app with sessions
    keeps one token per session the same way.
    """

    def __init__(self, config: AppConfig, assets: Mapping[str, Asset]) -> None:
        self.config = config
        self.assets = dict(assets)
        self.store = Store(read_hsds(DIRECTORY_FILE)[0])
        self.csrf_token = secrets.token_urlsafe(32)
        self._form = (HERE / "form.html").read_text("utf-8")
        self._fhir = (
            None
            if config.fhir_server is None
            else FhirClient(config.fhir_server, max_transaction_entries=8)
        )
        self._posting = threading.Lock()

    def get(self, path: str, query: str) -> Answer:
        """Answer a GET (or HEAD) for ``path``: the app's pages, Bundles and listed files."""
        answer = self._static(path, query) or self._visit_page(path, query)
        return answer or Answer.error(HTTPStatus.NOT_FOUND, "not found")

    def _static(self, path: str, query: str) -> Answer | None:
        if path in ("/", "/index.html", "/questionnaire.json", "/chrome.json"):
            lang = _language(query)
            if lang is None:
                return Answer.error(HTTPStatus.BAD_REQUEST, "unsupported language")
            if path == "/questionnaire.json":
                return Answer.json(
                    HTTPStatus.OK,
                    build_questionnaire(lang, self.config.crisis.for_country()),
                    "application/fhir+json",
                )
            if path == "/chrome.json":
                return Answer.json(HTTPStatus.OK, chrome_words(lang))
            return Answer.html(form_page(self._form, lang, self.csrf_token))
        if path == "/favicon.ico":
            return Answer(HTTPStatus.NO_CONTENT, "image/x-icon", b"")
        asset = self.assets.get(path)
        return (
            None
            if asset is None
            else Answer(HTTPStatus.OK, asset.content_type, asset.body, cacheable=True)
        )

    def _visit_page(self, path: str, query: str) -> Answer | None:
        if (match := _PLAN.fullmatch(path)) and (visit := self.store.get(match[1])):
            return self._printout(visit, query)
        if (match := _SUMMARY.fullmatch(path)) and (visit := self.store.get(match[1])):
            lang = _language(query)
            if lang is None:
                return Answer.error(HTTPStatus.BAD_REQUEST, "unsupported language")
            page = _summary_page(match[1], visit, self.config.fhir_server, self.csrf_token, lang)
            return Answer.html(page)
        if (match := _BUNDLE.fullmatch(path)) and (visit := self.store.get(match[1])):
            kind = match[2]
            bundle = visit.transaction if kind == "transaction" else visit.messages.get(kind)
            if bundle is not None:
                body = Answer.json(HTTPStatus.OK, bundle).body
                disposition = ("Content-Disposition", f'attachment; filename="{kind}.json"')
                return Answer(HTTPStatus.OK, "application/fhir+json", body, (disposition,))
        return None

    def takes_post(self, path: str) -> bool:
        """Whether ``path`` is one of the app's write routes."""
        return path == "/submit" or any(p.fullmatch(path) for p in (_POST, _PLAN))

    def post(self, path: str, payload: dict[str, Any]) -> Answer:
        """Answer a checked JSON write: submit an intake, or post a visit's Bundle."""
        if path == "/submit":
            return self._submit(payload)
        if (plan_match := _PLAN.fullmatch(path)) is not None:
            return self._safety_plan(plan_match[1], payload)
        match = _POST.fullmatch(path)
        visit = self.store.get(match[1]) if match else None
        if visit is None:
            return Answer.error(HTTPStatus.NOT_FOUND, "not found")
        return self._post_transaction(visit)

    def _printout(self, visit: Visit, query: str) -> Answer | None:
        """The person's safety plan to print, in ``lang=`` or else their own language."""
        if visit.safety_plan is None:
            return None
        lang = _language(query) if "lang=" in query else None
        if "lang=" in query and lang is None:
            return Answer.error(HTTPStatus.BAD_REQUEST, "unsupported language")
        crisis = self.config.crisis.for_country()
        page = safety_plan_html(
            visit.intake, visit.safety_plan, clinic=CLINIC, crisis=crisis, language=lang
        )
        return Answer.html(page)

    def _safety_plan(self, key: str, payload: dict[str, Any]) -> Answer:
        """Keep the safety plan written for a visit; answer where its printout is."""
        visit = self.store.get(key)
        if visit is None:
            return Answer.error(HTTPStatus.NOT_FOUND, "not found")
        try:
            plan = SafetyPlan.model_validate(payload)
            check_people(plan, visit.intake)
        except (ValidationError, SafetyPlanError) as error:
            return Answer.error(HTTPStatus.UNPROCESSABLE_ENTITY, str(error))
        visit.safety_plan = plan
        return Answer.json(HTTPStatus.OK, {"printout": f"/safety-plan/{key}"})

    def _submit(self, response: dict[str, Any]) -> Answer:
        try:
            key = self.store.add(response)
        except IntakeResponseError as error:
            # In the language of the form that was answered, with each question's own text.
            lang = variant_language(response.get("questionnaire")) or FormLanguage.EN
            problems = [
                {
                    "link_id": p.link_id,
                    "instances": list(p.instances),
                    "question": p.question,
                    "message": p.message,
                    "path": p.path,
                }
                for p in problem_messages(error, lang)
            ]
            return Answer.json(HTTPStatus.UNPROCESSABLE_ENTITY, {"problems": problems})
        except CommcareError as error:
            logger.warning("intake not used: %s", type(error).__name__)
            return Answer.error(HTTPStatus.UNPROCESSABLE_ENTITY, type(error).__name__)
        return Answer.json(HTTPStatus.OK, {"summary": f"/summary/{key}"})

    def _post_transaction(self, visit: Visit) -> Answer:
        # The destination is the server configured at start; nothing in the request names it.
        if self._fhir is None:
            message = "Not posted: no FHIR server is configured."
            body = {"posted": False, "message": message, "reason": "no-server"}
            return Answer.json(HTTPStatus.CONFLICT, body)
        try:
            with self._posting:
                result = self._fhir.submit(visit.transaction)
        except CommcareError as error:
            logger.warning("post failed: %s", type(error).__name__)
            message = f"Not posted: {type(error).__name__}. Nothing was lost; try again."
            body = {"posted": False, "message": message, "reason": type(error).__name__}
            return Answer.json(HTTPStatus.BAD_GATEWAY, body)
        message = f"Posted: {len(result.references)} resources ({result.mode})."
        body = {
            "posted": True,
            "message": message,
            "count": len(result.references),
            "mode": result.mode,
        }
        return Answer.json(HTTPStatus.OK, body)
