"""Does community support help here? The clinic's own answer, from its own FHIR data.

The library's SQL on FHIR views (``commcare_ext.views``) flatten what it wrote — people,
preferred supports, referrals and their Tasks, scores, follow-ups — into tables in DuckDB
(in-process, the default) or Spark; the measures (loop closure, outcome change, equity) are
computed from those tables, small cells suppressed, and rendered as one self-contained HTML
page and as JSON. Needs the ``analytics`` extra (``spark`` for Spark); heavy parts are
imported on first use.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from commcare_ext.outcomes.codes import Instrument
from commcare_ext.outcomes.errors import OutcomesEngineError, OutcomesError, OutcomesSourceError
from commcare_ext.outcomes.suppress import MIN_CELL, suppress
from commcare_ext.outcomes.synthetic import PlantedEffects, synthetic_population, write_ndjson

if TYPE_CHECKING:
    from commcare_ext.outcomes.duck import DuckDbTables
    from commcare_ext.outcomes.load import load_ndjson
    from commcare_ext.outcomes.render import report_html
    from commcare_ext.outcomes.report import build_report
    from commcare_ext.outcomes.source import read_ndjson, read_server
    from commcare_ext.outcomes.tables import materialise

_LAZY = {
    "DuckDbTables": "duck",
    "build_report": "report",
    "load_ndjson": "load",
    "materialise": "tables",
    "read_ndjson": "source",
    "read_server": "source",
    "report_html": "render",
}

__all__ = [
    "MIN_CELL",
    "DuckDbTables",
    "Instrument",
    "OutcomesEngineError",
    "OutcomesError",
    "OutcomesSourceError",
    "PlantedEffects",
    "build_report",
    "load_ndjson",
    "materialise",
    "read_ndjson",
    "read_server",
    "report_html",
    "suppress",
    "synthetic_population",
    "write_ndjson",
]


def __getattr__(name: str) -> Any:
    """Import the parts that need the analytics extra (DuckDB, matplotlib) on first use."""
    if name in _LAZY:
        return getattr(import_module(f"commcare_ext.outcomes.{_LAZY[name]}"), name)
    msg = f"module 'commcare_ext.outcomes' has no attribute {name!r}"
    raise AttributeError(msg)
