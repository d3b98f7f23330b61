"""'Your safety': the clinic's suicide-risk screen, and crisis help shown the moment it is positive.

The screen's questions are our paraphrase (labelled so on the form); their codes come from
``terminology.safety``. The crisis-help display items are enabled by any "yes", whatever
else the person answered, so a renderer shows them before the form is submitted; the
builder fills in the clinic's own crisis resources after the heading.
"""

from commcare_ext.instruments.suicide_screen import (
    PARAPHRASE_NOTE_EN,
    SCREENS,
    ScreenItem,
    ScreenKind,
    SuicideScreen,
)
from commcare_ext.questionnaire.form.common import BOOLEAN
from commcare_ext.questionnaire.spec import Item, Text, When
from commcare_ext.terminology.safety import SCREEN_ITEM_CODES, SCREEN_PANELS

#: Shown above the clinic's crisis resources when the screen is positive.
CRISIS_HEADING_EN = (
    "Thank you for telling us. You do not have to face this alone: please tell the staff now, "
    "or reach one of these services at any time, day or night. If you are in danger right now, "
    "call your local emergency number."
)
#: linkId of the crisis-help heading; each resource follows as ``<this>.<resource key>``.
CRISIS_HELP_LINK_ID = "safety.crisis-help"


def section_link_id(screen: SuicideScreen) -> str:
    """The section's linkId: ``safety`` for the ASQ (the default), else ``safety-<screen>``."""
    return "safety" if screen.kind is ScreenKind.ASQ else f"safety-{screen.kind.value}"


def screen_link_id(screen: SuicideScreen, item: ScreenItem) -> str:
    """The linkId of one screen question (``safety.asq-3``)."""
    return f"safety.{screen.kind.value}-{item.number}"


def _any_yes(screen: SuicideScreen, items: tuple[ScreenItem, ...]) -> tuple[When, ...]:
    return tuple(When(screen_link_id(screen, i), "=", True) for i in items)


def _question(screen: SuicideScreen, item: ScreenItem) -> Item:
    core = tuple(i for i in screen.items if not i.acuity and i.asked_after is None)
    if item.acuity:
        enable: tuple[When, ...] = _any_yes(screen, core)
    elif item.asked_after is not None:
        enable = (When(screen_link_id(screen, screen.item(item.asked_after)), "=", True),)
    else:
        enable = ()
    return Item(
        screen_link_id(screen, item),
        Text(item.text_en),
        BOOLEAN,
        ("answers", item.number),
        code=SCREEN_ITEM_CODES[screen.kind][item.number],
        prefix=f"{item.number}.",
        enable_when=enable,
        enable_behavior="any",
    )


def screen_section(screen: SuicideScreen) -> Item:
    """The form section for ``screen``: note, questions, then crisis help on any "yes"."""
    section = section_link_id(screen)
    return Item(
        section,
        Text("Your safety"),
        field="safety_screen",
        code=SCREEN_PANELS[screen.kind],
        variant=("screen", screen.kind.value),
        children=(
            Item(f"{section}.wording", Text(PARAPHRASE_NOTE_EN), display=True),
            *(_question(screen, item) for item in screen.items),
            Item(
                f"{section}.crisis-help",
                Text(CRISIS_HEADING_EN),
                display=True,
                enable_when=_any_yes(screen, screen.items),
                enable_behavior="any",
                crisis_help=True,
            ),
        ),
    )


#: One section per screen a clinic may choose; the form shows the chosen one only.
SAFETY = tuple(screen_section(screen) for screen in SCREENS.values())
