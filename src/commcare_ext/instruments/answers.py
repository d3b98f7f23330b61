"""One administration's answers, instrument-agnostic: item number -> scale value, and wording.

The intake keeps every instrument's answers under ``Intake.measures[instrument id]``; the
instrument (from the registry) checks items and values, so this model stays generic.
"""

from typing import Annotated, Any

from pydantic import ConfigDict, Field

from commcare_ext.instruments.protocol import PARAPHRASE, Wording, WordingSource
from commcare_ext.phi import PhiSafeModel

ItemNumber = Annotated[int, Field(ge=1, le=999)]
ItemValue = Annotated[int, Field(ge=0, le=999)]


class InstrumentAnswers(PhiSafeModel):
    """The answers given (skipped items are absent) and which wording the person saw.

    An empty administration is refused: "not administered" is no entry at all.
    """

    model_config = ConfigDict(frozen=True)

    answers: dict[ItemNumber, ItemValue] = Field(min_length=1)
    wording_kind: WordingSource = WordingSource.PARAPHRASE
    wording_source: Annotated[str, Field(max_length=500)] | None = None

    def __setattr__(self, name: str, value: Any) -> None:
        msg = f"InstrumentAnswers is immutable: build new answers instead of setting {name!r}"
        raise TypeError(msg)

    @property
    def wording(self) -> Wording:
        """The wording these answers were given to."""
        if self.wording_kind is WordingSource.PARAPHRASE:
            return PARAPHRASE
        return Wording(self.wording_kind, self.wording_source)
