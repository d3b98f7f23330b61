"""The synthetic population: valid, in five languages, deterministic, with what was planted."""

import itertools
import json
import os
import stat
from collections import Counter
from pathlib import Path

import pytest
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.task import Task

from commcare_ext.cli import main
from commcare_ext.followup.lifecycle import Actor, TaskStatus, allowed
from commcare_ext.intake import SupportType
from commcare_ext.population import (
    ClosureGap,
    OptionError,
    OutcomeOptions,
    PlantedEffect,
    synthesize,
    synthetic_person,
)
from commcare_ext.population.outcomes import Fate, referrals
from commcare_ext.population.people import person_random
from commcare_ext.population.synth import DIRECTORY_SYSTEM
from commcare_ext.questionnaire import response_to_intake


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def population(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    options = OutcomeOptions(effects=(PlantedEffect.parse("peer-group:phq9:3"),))
    synthesize(400, out, seed=7, options=options)
    return out


def test_every_response_reads_back_to_the_intake_it_was_written_from(population: Path) -> None:
    responses = _lines(population / "QuestionnaireResponse.ndjson")
    assert len(responses) == 400
    for index, response in enumerate(responses):
        assert response_to_intake(response) == synthetic_person(7, index).intake


def test_all_five_form_languages_and_the_stated_shares(population: Path) -> None:
    languages = Counter(
        str(r["questionnaire"]).split("|")[0].rsplit("-", 1)[-1].replace("Hans", "zh-Hans")
        for r in _lines(population / "QuestionnaireResponse.ndjson")
    )
    assert set(languages) == {"intake", "es", "vi", "zh-Hans", "ar"}  # English has no suffix
    assert 0.35 < languages["intake"] / 400 < 0.55  # English: 45 %
    assert 0.22 < languages["es"] / 400 < 0.38  # Spanish: 30 %


def test_same_seed_same_bytes_other_seed_other_people(tmp_path: Path) -> None:
    synthesize(30, tmp_path / "a", seed=1)
    synthesize(30, tmp_path / "b", seed=1)
    synthesize(30, tmp_path / "c", seed=2)
    for name in ("QuestionnaireResponse.ndjson", "outcomes/Task.history.ndjson"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
        assert (tmp_path / "a" / name).read_bytes() != (tmp_path / "c" / name).read_bytes()


def test_files_are_private(population: Path) -> None:
    for path in population.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path


def test_task_histories_follow_the_referral_lifecycle_and_are_valid_r4(population: Path) -> None:
    versions: dict[str, list[dict[str, object]]] = {}
    for task in _lines(population / "outcomes" / "Task.history.ndjson"):
        Task.model_validate(task)
        versions.setdefault(str(task["id"]), []).append(task)
    latest = {str(t["id"]): t for t in _lines(population / "outcomes" / "Task.ndjson")}
    assert versions.keys() == latest.keys()
    for task_id, history in versions.items():
        assert [v["meta"]["versionId"] for v in history] == [  # type: ignore[index]
            str(n) for n in range(1, len(history) + 1)
        ]
        assert history[0]["status"] == "requested"
        assert history[-1] == latest[task_id]
        for before, after in itertools.pairwise(history):
            moves = (TaskStatus(str(before["status"])), TaskStatus(str(after["status"])))
            assert allowed(Actor.PERFORMER, *moves) or allowed(Actor.REQUESTER, *moves)
            assert str(before["lastModified"]) <= str(after["lastModified"])


def test_scores_are_valid_r4_and_inside_each_instrument(population: Path) -> None:
    ranges = {"44261-6": (0, 27), "70274-6": (0, 21), "91663-5": (1, 5)}
    for observation in _lines(population / "outcomes" / "Observation.ndjson"):
        Observation.model_validate(observation)
        code = observation["code"]["coding"][0]["code"]  # type: ignore[index]
        low, high = ranges[code]
        assert low <= observation["valueQuantity"]["value"] <= high  # type: ignore[index]


def test_baselines_are_in_the_responses_and_follow_ups_in_the_outcomes(population: Path) -> None:
    responses = _lines(population / "QuestionnaireResponse.ndjson")
    screened = [response_to_intake(r) for r in responses]
    phq9 = [sum(i.measures["phq-9"].answers.values()) for i in screened if "phq-9" in i.measures]
    assert 0.8 < len(phq9) / len(screened) < 0.97  # 90 % screened
    assert 10 < sum(phq9) / len(phq9) < 18  # a clinic population: moderate on average
    moments = {
        (o["subject"]["reference"], o["code"]["coding"][0]["code"], o["effectiveDateTime"])  # type: ignore[index]
        for o in _lines(population / "outcomes" / "Observation.ndjson")
    }
    authored = {str(r["authored"]) for r in responses}
    assert not {m for m in moments if m[2] in authored}  # no baseline written twice


def test_a_closure_gap_halves_one_groups_completions(tmp_path: Path) -> None:
    directory = {kind: (DIRECTORY_SYSTEM, kind.value) for kind in SupportType}
    gap = OutcomeOptions(closure=(ClosureGap.parse("es:0.5"),))
    done: dict[tuple[bool, str], list[bool]] = {}
    for index in range(3000):
        person = synthetic_person(5, index)
        for options, planted in ((OutcomeOptions(), False), (gap, True)):
            rng = person_random(5, index, "outcomes")
            for referral in referrals(person.intake, person.form_language, directory, options, rng):
                key = (planted, "es" if person.form_language == "es" else "other")
                done.setdefault(key, []).append(referral.fate is Fate.COMPLETED)

    def share(key: tuple[bool, str]) -> float:
        return sum(done[key]) / len(done[key])

    assert 0.44 < share((False, "es")) < 0.56  # base: half complete
    assert 0.19 < share((True, "es")) < 0.31  # planted: half as often
    assert abs(share((True, "other")) - share((False, "other"))) < 1e-9  # others untouched


def test_the_planted_effect_is_realised_and_reported(population: Path) -> None:
    truth = json.loads((population / "truth.json").read_text("utf-8"))
    (realised,) = truth["realised_effects_at_6_months"]
    assert realised["people"] > 20
    assert -3.0 <= realised["mean_change"] < -2.5  # clamping at 0 shrinks it a little


def test_no_effect_planted_means_none_realised(tmp_path: Path) -> None:
    summary = synthesize(50, tmp_path, seed=7)
    assert summary.realised == []
    assert json.loads((tmp_path / "truth.json").read_text("utf-8"))["effects"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("peer-group:phq9", "SUPPORT:MEASURE:POINTS"),
        ("peer-group:bdi:3", "MEASURE is one of"),
        ("choir:phq9:3", "SUPPORT is one of"),
        ("peer-group:phq9:lots", "not a number"),
    ],
)
def test_bad_effect_options_say_what_is_expected(text: str, expected: str) -> None:
    with pytest.raises(OptionError, match=expected):
        PlantedEffect.parse(text)


@pytest.mark.parametrize("text", ["es", "es:3", ":0.5", "es:half"])
def test_bad_closure_options_say_what_is_expected(text: str) -> None:
    with pytest.raises(OptionError, match=r"LANGUAGE:RATIO|not a number"):
        ClosureGap.parse(text)


def test_the_command_writes_a_population(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "synth",
            "--patients",
            "20",
            "--out",
            str(tmp_path),
            "--seed",
            "4",
            "--effect",
            "family:gad7:2",
        ]
    )
    assert code == 0
    assert "wrote 20 people" in capsys.readouterr().err
    assert len(_lines(tmp_path / "QuestionnaireResponse.ndjson")) == 20
    assert main(["synth", "--patients", "2", "--out", str(tmp_path), "--closure", "es"]) == 2
