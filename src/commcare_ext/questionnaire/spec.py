"""The declarative item tree that both builds the Questionnaire and maps responses to the model.

One ``Item`` describes a Questionnaire item *and* where its answer lives in the intake
model (``field``: the attribute on the enclosing group's model). Building, reading and
writing all walk the same tree, so the form and the mapping cannot drift apart.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from commcare_ext.questionnaire.codecs import AnswerCodec
from commcare_ext.terminology.catalogue import translate
from commcare_ext.terminology.code import Code


@dataclass(frozen=True, slots=True)
class Text:
    """Wording shown to the person filling the form, in English (ours).

    Every other language lives in the catalogues only, under a context naming where the
    text is used (the item's linkId), so no wording is ever written twice.
    """

    en: str

    def get(self, language: str, context: str) -> str:
        """The text in ``language`` (a published BCP-47 tag), as used at ``context``."""
        return translate(language, self.en, context)


Operator = Literal["exists", "=", "!="]


@dataclass(frozen=True, slots=True)
class When:
    """An ``enableWhen`` condition on a question in the same group or an ancestor group.

    ``answer`` is a bool (boolean questions, or ``exists``) or a Code (choice questions).
    """

    question: str
    operator: Operator
    answer: bool | Code


Control = Literal["radio-button", "check-box", "drop-down", "autocomplete"]


@dataclass(frozen=True, slots=True)
class Item:
    """One Questionnaire item and its place in the intake model."""

    link_id: str
    text: Text
    codec: AnswerCodec | None = None  # None: a group or a display item
    # Where the answer lives, relative to the enclosing group's model: an attribute name, a
    # dotted path ("patient.given_name"), or a tuple whose parts may be mapping keys.
    field: str | tuple[str | int, ...] | None = None
    children: tuple["Item", ...] = ()
    repeats: bool = False
    required: bool = False
    enable_when: tuple[When, ...] = ()
    enable_behavior: Literal["all", "any"] = "all"
    code: Code | None = None
    observation_extract: bool = False
    control: Control | None = None
    max_length: int | None = None
    entry_format: Text | None = None
    prefix: str | None = None
    display: bool = False  # a display-only item (instructions)
    #: A display item the builder follows with the clinic's crisis resources, one per item.
    crisis_help: bool = False
    #: ``(field, value)``: this group is one of several forms of the same model field (the
    #: clinic's chosen suicide-risk screen); it holds the model only when ``field`` equals
    #: ``value``, and reading it sets ``field`` to ``value``.
    variant: tuple[str, str] | None = None

    def text_in(self, language: str) -> str:
        """The item's text in ``language``."""
        return self.text.get(language, self.link_id)

    def entry_format_in(self, language: str) -> str | None:
        """The item's entry-format hint in ``language``, if it has one."""
        if self.entry_format is None:
            return None
        return self.entry_format.get(language, f"{self.link_id}#entry-format")

    @property
    def path(self) -> tuple[str | int, ...]:
        """``field`` as a tuple of attribute names / mapping keys (empty: same model)."""
        if self.field is None:
            return ()
        if isinstance(self.field, str):
            return tuple(self.field.split("."))
        return self.field

    @property
    def is_group(self) -> bool:
        """True for a group item (it holds children, not answers)."""
        return self.codec is None and not self.display

    def walk(self) -> Iterator["Item"]:
        """Yield this item and every descendant, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class FormSpec:
    """The whole intake form: top-level items plus identity of the Questionnaire."""

    items: tuple[Item, ...]
    title: Text
    description: Text

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for item in self.walk():
            if item.link_id in seen:
                msg = f"linkId {item.link_id!r} is used twice"
                raise ValueError(msg)
            seen.add(item.link_id)

    def walk(self) -> Iterator[Item]:
        """Every item of the form, depth first."""
        for item in self.items:
            yield from item.walk()
