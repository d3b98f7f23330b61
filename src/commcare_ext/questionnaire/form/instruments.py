"""Every registered instrument as a form section, built from the Instrument protocol alone.

One group per instrument (linkId ``instrument.link_id``, coded with its panel), its
instructions, then one radio-button item per instrument item, coded and marked for
observation-based extraction. Answers land in ``Intake.measures[instrument.id]``. No
instrument is named here: a plug-in registered in ``commcare_ext.instruments`` appears.
"""

from commcare_ext.instruments import Instrument, InstrumentItem, registered
from commcare_ext.questionnaire.codecs import OrdinalCodec
from commcare_ext.questionnaire.spec import Item, Text
from commcare_ext.terminology.code import Answer


def instrument_codec(instrument: Instrument, item: InstrumentItem) -> OrdinalCodec:
    """The item's answer scale: the model keeps the value, FHIR carries the code."""
    return OrdinalCodec(tuple((p.value, Answer(p.code)) for p in instrument.scale_of(item)))


def instruction_link_id(instrument: Instrument) -> str:
    """The linkId of the instrument's instructions (a display item)."""
    return f"{instrument.link_id}.instructions"


def item_link_id(instrument: Instrument, item: InstrumentItem) -> str:
    """The linkId of one item: stable API (``social-support.mos-sss-07``, ``phq-9.phq-9-09``)."""
    return f"{instrument.link_id}.{instrument.item_key(item)}"


def instrument_section(instrument: Instrument) -> Item:
    """The form section of ``instrument``."""
    return Item(
        instrument.link_id,
        Text(instrument.title_en),
        field=("measures", instrument.id),
        code=instrument.panel,
        children=(
            Item(instruction_link_id(instrument), Text(instrument.instructions_en), display=True),
            *(
                Item(
                    item_link_id(instrument, item),
                    Text(item.text_en),
                    instrument_codec(instrument, item),
                    ("answers", item.number),
                    control="radio-button",
                    code=item.code,
                    observation_extract=True,
                    prefix=f"{item.number}.",
                )
                for item in instrument.items
            ),
        ),
    )


#: Every registered instrument's section, in registry order.
INSTRUMENT_SECTIONS: tuple[Item, ...] = tuple(instrument_section(i) for i in registered())
