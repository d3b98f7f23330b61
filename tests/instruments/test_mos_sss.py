"""The instrument's definition: items, subscales, answer scale and wording (no codes here)."""

from commcare_ext.instruments import (
    MOS_SSS_INSTRUCTIONS_EN,
    MOS_SSS_ITEMS,
    MOS_SSS_MAX_VALUE,
    MOS_SSS_MIN_VALUE,
    MOS_SSS_SCALE,
    MOS_SSS_SUBSCALE_ITEMS,
    MOS_SSS_SUBSCALE_NAMES,
    MosSubscale,
)


def test_there_are_nineteen_items_in_form_order_with_stable_keys() -> None:
    assert [item.number for item in MOS_SSS_ITEMS] == list(range(1, 20))
    assert [item.key for item in MOS_SSS_ITEMS] == [f"mos-sss-{n:02d}" for n in range(1, 20)]


def test_subscale_membership_matches_rand() -> None:
    # RAND's grouping, renumbered 1-19 (RAND's form numbers these 2-20).
    assert MOS_SSS_SUBSCALE_ITEMS == {
        MosSubscale.EMOTIONAL_INFORMATIONAL: (2, 3, 7, 8, 12, 15, 16, 18),
        MosSubscale.TANGIBLE: (1, 4, 11, 14),
        MosSubscale.AFFECTIONATE: (5, 9, 19),
        MosSubscale.POSITIVE_SOCIAL_INTERACTION: (6, 10, 17),
    }
    sizes = [len(numbers) for numbers in MOS_SSS_SUBSCALE_ITEMS.values()]
    assert sizes == [8, 4, 3, 3]
    # 18 items in subscales plus the one additional item make the overall index's 19.
    additional = [item.number for item in MOS_SSS_ITEMS if item.subscale is None]
    assert additional == [13]
    assert sum(sizes) + len(additional) == len(MOS_SSS_ITEMS) == 19


def test_every_item_agrees_with_the_subscale_table() -> None:
    for subscale, numbers in MOS_SSS_SUBSCALE_ITEMS.items():
        for number in numbers:
            assert MOS_SSS_ITEMS[number - 1].subscale is subscale


def test_scale_runs_one_to_five_with_distinct_labels() -> None:
    # Other languages' labels live in the catalogues (tests/i18n checks them).
    assert list(MOS_SSS_SCALE) == list(range(MOS_SSS_MIN_VALUE, MOS_SSS_MAX_VALUE + 1))
    assert len(set(MOS_SSS_SCALE.values())) == 5
    assert MOS_SSS_SCALE[1] == "None of the time"
    assert MOS_SSS_SCALE[5] == "All of the time"


def test_every_item_has_our_english_wording() -> None:
    for item in MOS_SSS_ITEMS:
        assert item.text_en.strip(), item.number
    assert len({item.text_en for item in MOS_SSS_ITEMS}) == 19
    assert MOS_SSS_INSTRUCTIONS_EN.strip()
    for name in MOS_SSS_SUBSCALE_NAMES.values():
        assert name.strip()
