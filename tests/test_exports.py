"""The public face: every package's __all__ is sorted, importable and free of private names.

Packages are found on disk, so a new package cannot slip in without a public face; examples
and benchmarks may import only what a package exports, so nothing a user copies depends on a
private path.
"""

import ast
import importlib
import inspect
import typing
from pathlib import Path

import pytest

import commcare_ext
from commcare_ext.errors import CommcareError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_ROOT = ROOT / "src" / "commcare_ext"
SUBPACKAGES = sorted(f"commcare_ext.{p.parent.name}" for p in PACKAGE_ROOT.glob("*/__init__.py"))
PACKAGES = ["commcare_ext", *SUBPACKAGES]
USER_CODE = sorted([*(ROOT / "examples").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")])


def test_packages_are_found() -> None:
    assert {"commcare_ext.client", "commcare_ext.summary", "commcare_ext.fhir"} <= set(PACKAGES)


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_sorted_unique_and_importable(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported, f"{name} exports nothing"
    assert exported == sorted(exported, key=lambda n: (not n.isupper(), n))
    assert len(exported) == len(set(exported))
    for symbol in exported:
        assert not symbol.startswith("_")
        value = getattr(module, symbol)
        if typing.get_origin(value) is typing.Annotated:
            continue  # constrained type aliases such as LanguageTag
        assert getattr(value, "__module__", name).startswith("commcare_ext"), symbol


@pytest.mark.parametrize("name", PACKAGES)
def test_every_exported_error_is_a_commcare_error(name: str) -> None:
    module = importlib.import_module(name)
    for symbol in module.__all__:
        value = getattr(module, symbol)
        if inspect.isclass(value) and issubclass(value, BaseException):
            assert issubclass(value, CommcareError), f"{name}.{symbol}"


def test_top_level_names_the_main_flow() -> None:
    for symbol in (
        "Intake",
        "build_questionnaire",
        "response_to_intake",
        "intake_to_response",
        "IntakeResponseError",
        "CommcareError",
        "score_mos_sss",
        "extract",
        "transaction_bundle",
        "referral_message_bundle",
        "FhirClient",
        "Outbox",
        "summary_html",
    ):
        assert symbol in commcare_ext.__all__


def _imports(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("commcare_ext"):
            found.extend((node.module or "", alias.name) for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend(
                (alias.name, "") for alias in node.names if alias.name.startswith("commcare_ext")
            )
    return found


def test_user_code_is_found() -> None:
    assert any(path.name == "demo.py" for path in USER_CODE)
    assert any(_imports(path) for path in USER_CODE)


@pytest.mark.parametrize("path", USER_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_use_only_public_names(path: Path) -> None:
    for module_name, symbol in _imports(path):
        assert module_name in PACKAGES, f"{module_name} is a private path; import the package"
        if symbol:
            exported = importlib.import_module(module_name).__all__
            assert symbol in exported, f"{module_name}.{symbol} is not exported"
