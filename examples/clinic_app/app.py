"""A small clinic web app: the intake form (LHC-Forms) -> summary -> referral Bundles.

    ./scripts/clinic-app            # then open http://127.0.0.1:8000/

The standard library's ``http.server`` is enough for a single-clinician demo and adds no
dependency; an embedding application would put the same four calls behind its own
framework: ``response_to_intake``, ``extract``, ``summary_html``, ``transaction_bundle``.
"""

import argparse
import json
import threading
import uuid
from dataclasses import dataclass
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from commcare_ext.client import FhirClient, FhirClientError
from commcare_ext.extract import ExtractionContext, Organization, ReferralTarget, extract
from commcare_ext.intake import Intake
from commcare_ext.questionnaire import IntakeResponseError, build_questionnaire, response_to_intake
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from commcare_ext.summary import summary_html
from examples.clinic_app.assets import lforms_dir

HERE = Path(__file__).resolve().parent
CLINIC = Organization(
    name="Riverside Community Clinic",
    identifier_system="http://hl7.org/fhir/sid/us-npi",
    identifier_value="1234567893",
)
#: The demo's patient: a real app takes this from its EHR context (e.g. SMART launch).
DEMO_PATIENT = ("https://clinic.example.org/fhir/mrn", "MRN-DEMO-0001")


def directory(kind_value: str) -> Organization:
    """The demo's referral directory: one partner organisation per kind of support."""
    return Organization(
        name=f"{kind_value.removeprefix('support-').replace('-', ' ').title()} Partners",
        identifier_system="https://directory.example.org/organizations",
        identifier_value=kind_value,
    )


@dataclass
class Visit:
    """One submitted intake and what it became."""

    intake: Intake
    transaction: dict[str, Any]
    messages: dict[str, dict[str, Any]]


class Store:
    """Submitted intakes, in memory (a real app keeps them in its own database)."""

    def __init__(self) -> None:
        self.visits: dict[str, Visit] = {}
        self.lock = threading.Lock()

    def add(self, response: dict[str, Any]) -> str:
        key = uuid.uuid4().hex[:12]
        intake = response_to_intake(
            response, intake_id=f"demo-{key}", patient_identifier=DEMO_PATIENT
        )
        referrals = tuple(
            ReferralTarget(kind=kind, organization=directory(kind.value))
            for kind in intake.care.preferred_supports
            if intake.care.referral_consent
        )
        extracted = extract(
            intake, context=ExtractionContext(clinic=CLINIC, referrals=referrals), response=response
        )
        messages = {
            target.kind.value: referral_message_bundle(
                extracted, directory(target.kind.value), clinic=CLINIC
            )
            for target in referrals
        }
        with self.lock:
            self.visits[key] = Visit(intake, transaction_bundle(extracted), messages)
        return key


def _summary_page(key: str, visit: Visit, posted: str = "") -> str:
    links = [
        f'<li><a href="/bundle/{key}/transaction.json" download>'
        "Transaction Bundle for the EHR</a></li>"
    ]
    links += [
        f'<li><a href="/bundle/{key}/{escape(kind)}.json" download>Referral message: '
        f"{escape(kind.removeprefix('support-').replace('-', ' '))}</a></li>"
        for kind in visit.messages
    ]
    actions = (
        '<section aria-labelledby="fhir"><h2 id="fhir">Referral Bundles</h2>'
        f"<ul>{''.join(links)}</ul>"
        f'<form method="post" action="/post/{key}"><label for="server">FHIR server URL</label> '
        '<input id="server" name="server" type="url" size="40" required> '
        '<button type="submit">Post to FHIR server</button></form>'
        f'<p role="status">{escape(posted)}</p></section>'
    )
    return summary_html(visit.intake).replace("</main>", actions + "</main>")


def make_handler(store: Store) -> type[SimpleHTTPRequestHandler]:
    """The request handler, bound to ``store``."""
    assets = lforms_dir()

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return  # request lines carry ids, never PHI, but keep the console quiet

        def _send(self, status: int, content_type: str, body: bytes | str) -> None:
            data = body.encode("utf-8") if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            path = parts.path
            if path in ("/", "/index.html"):
                self._send(200, "text/html; charset=utf-8", (HERE / "form.html").read_bytes())
            elif path == "/questionnaire.json":
                language = parse_qs(parts.query).get("lang", ["en"])[0]
                questionnaire = build_questionnaire("es" if language == "es" else "en")
                self._send(200, "application/fhir+json", json.dumps(questionnaire))
            elif path.startswith("/summary/") and (visit := store.visits.get(path.split("/")[2])):
                self._send(
                    200, "text/html; charset=utf-8", _summary_page(path.split("/")[2], visit)
                )
            elif path.startswith("/bundle/"):
                _, _, key, name = path.split("/", 3)
                visit = store.visits.get(key)
                bundle = None
                if visit is not None:
                    kind = name.removesuffix(".json")
                    bundle = (
                        visit.transaction if kind == "transaction" else visit.messages.get(kind)
                    )
                if bundle is None:
                    self._send(404, "text/plain", "not found")
                else:
                    self._send(200, "application/fhir+json", json.dumps(bundle, indent=2))
            elif path.startswith("/lforms/"):
                self.directory = str(assets)
                self.path = path.removeprefix("/lforms")
                super().do_GET()
            else:
                self._send(404, "text/plain", "not found")

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            path = urlsplit(self.path).path
            if path == "/submit":
                try:
                    key = store.add(json.loads(body))
                except IntakeResponseError as error:
                    problems = [
                        {"path": p.path, "kind": p.kind, "message": p.message}
                        for p in error.problems
                    ]
                    self._send(422, "application/json", json.dumps({"problems": problems}))
                    return
                self._send(200, "application/json", json.dumps({"summary": f"/summary/{key}"}))
            elif path.startswith("/post/") and (visit := store.visits.get(path.split("/")[2])):
                server = parse_qs(body.decode("utf-8")).get("server", [""])[0]
                try:
                    result = FhirClient(server, max_transaction_entries=8).submit(visit.transaction)
                    posted = f"Posted: {len(result.references)} resources ({result.mode})."
                except (FhirClientError, ValueError) as error:
                    posted = f"Not posted: {type(error).__name__}. Nothing was lost; try again."
                self._send(
                    200,
                    "text/html; charset=utf-8",
                    _summary_page(path.split("/")[2], visit, posted),
                )
            else:
                self._send(404, "text/plain", "not found")

    return Handler


def serve(port: int = 8000) -> ThreadingHTTPServer:
    """Create the server on 127.0.0.1:``port`` (0 picks a free port)."""
    return ThreadingHTTPServer(("127.0.0.1", port), make_handler(Store()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = serve(args.port)
    print(f"clinic app: http://127.0.0.1:{server.server_address[1]}/")
    server.serve_forever()


if __name__ == "__main__":
    main()
