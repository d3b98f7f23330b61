"""The followup package's public face (the lead adds it to tests/test_exports.py on merge)."""

from commcare_ext import followup


def test_all_is_sorted_unique_and_public() -> None:
    exported = list(followup.__all__)
    assert exported == sorted(exported, key=lambda n: (not n.isupper(), n))
    assert len(exported) == len(set(exported))
    for symbol in exported:
        assert not symbol.startswith("_")
        value = getattr(followup, symbol)
        assert getattr(value, "__module__", "commcare_ext").startswith("commcare_ext"), symbol
