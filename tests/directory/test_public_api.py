"""The directory package's public face (tests/test_exports.py checks the other packages)."""

from commcare_ext import directory


def test_all_is_sorted_unique_and_importable() -> None:
    exported = list(directory.__all__)
    assert exported == sorted(exported, key=lambda n: (not n.isupper(), n))
    assert len(exported) == len(set(exported))
    for symbol in exported:
        assert not symbol.startswith("_")
        value = getattr(directory, symbol)
        assert getattr(value, "__module__", "commcare_ext").startswith("commcare_ext"), symbol


def test_reprs_of_services_leave_out_free_text() -> None:
    org = directory.Organization("o", "Org", description="A long story about the organisation")
    service = directory.Service("s", "Name", org, frozenset(), description="Free text here")
    assert "Free text" not in repr(service)
    assert "long story" not in repr(service)
