"""The clinic app keeps a visit's safety plan and serves it to print, in the person's language."""

import json

import requests

from commcare_ext.questionnaire import intake_to_response
from tests.examples.conftest import App
from tests.fixtures import load_example

PLAN = {
    "warning_signs": ["Cuando no puedo dormir"],
    "on_my_own": ["Rezar el rosario"],
    "people_who_help": ["Rosa Ramírez"],
}


def _visit(app: App) -> str:
    response = intake_to_response(load_example("maria-garcia"), language="es")
    response.pop("identifier")
    response.pop("subject")
    answer = app.post("/submit", json.dumps(response)).json()
    return str(answer["summary"]).removeprefix("/summary/")


def test_the_plan_is_printed_in_her_language_and_any_other(app: App) -> None:
    key = _visit(app)
    assert requests.get(f"{app.url}/safety-plan/{key}", timeout=30).status_code == 404
    answer = app.post(f"/safety-plan/{key}", json.dumps(PLAN))
    assert answer.status_code == 200
    printout = answer.json()["printout"]
    page = requests.get(f"{app.url}{printout}", timeout=30).text
    assert page.startswith('<!DOCTYPE html><html lang="es" dir="ltr">')
    assert "Mi plan de seguridad" in page
    assert "Rosa Ramírez" in page
    assert "988" in page  # the clinic's crisis line, always
    arabic = requests.get(f"{app.url}{printout}?lang=ar", timeout=30).text
    assert arabic.startswith('<!DOCTYPE html><html lang="ar" dir="rtl">')


def test_a_plan_naming_a_do_not_contact_person_is_refused(app: App) -> None:
    key = _visit(app)
    plan = {**PLAN, "people_who_help": ["Ernesto García"]}
    answer = app.post(f"/safety-plan/{key}", json.dumps(plan))
    assert answer.status_code == 422
    assert "must not be contacted" in answer.text
    assert "Ernesto" not in answer.text
    assert requests.get(f"{app.url}/safety-plan/{key}", timeout=30).status_code == 404
