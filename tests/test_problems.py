"""One located-problem shape: every reader's problems are LocatedProblems, like pydantic errors."""

import pytest
from pydantic import BaseModel, ValidationError

from commcare_ext import LocatedProblem
from commcare_ext.directory import read_hsds
from commcare_ext.followup import ReferralTaskError, parse_referral_task
from commcare_ext.questionnaire import IntakeResponseError, intake_to_response, response_to_intake
from tests.fixtures import load_example


class _Pydantic(BaseModel):
    age: int


def _pydantic_keys() -> set[str]:
    try:
        _Pydantic.model_validate({"age": "x"})
    except ValidationError as error:
        return set(error.errors(include_input=False, include_url=False, include_context=False)[0])
    raise AssertionError


def test_response_problems_are_located_like_pydantic_errors() -> None:
    response = intake_to_response(load_example("maria-garcia"))
    response["status"] = "in-progress"
    response["item"][0]["linkId"] = "no-such-item"
    with pytest.raises(IntakeResponseError) as caught:
        response_to_intake(response)
    errors = caught.value.errors()
    assert errors
    assert all(isinstance(p, LocatedProblem) for p in caught.value.problems)
    assert {frozenset(e) for e in errors} == {frozenset(_pydantic_keys())}
    assert any(e["loc"][:1] == ("no-such-item",) for e in errors), errors


def test_follow_up_and_directory_problems_have_the_same_shape() -> None:
    with pytest.raises(ReferralTaskError) as caught:
        parse_referral_task({"resourceType": "Task", "id": "t1"})
    report = read_hsds([{"id": "s1"}])[1]
    problems = [*caught.value.problems, *report.problems]
    assert problems
    for problem in problems:
        assert isinstance(problem, LocatedProblem)
        error = problem.as_error()
        assert set(error) == _pydantic_keys()
        assert error["loc"]
        assert all(isinstance(part, str | int) for part in error["loc"])
        assert error["msg"]
    assert report.errors()[0]["loc"][1:3] == ("service", "s1")
