"""Typed errors of the outcomes report.

CommcareError
 └── OutcomesError
      ├── OutcomesSourceError  the NDJSON folder or the server cannot be read as FHIR
      └── OutcomesEngineError  an engine (DuckDB, Spark) is missing or failed
"""

from commcare_ext.errors import CommcareError


class OutcomesError(CommcareError):
    """Base of every error the outcomes report raises; messages carry no patient data."""


class OutcomesSourceError(OutcomesError):
    """The input is not FHIR Bulk Data NDJSON (names the file and line), or a server failed."""


class OutcomesEngineError(OutcomesError):
    """The engine asked for is not installed (names the extra) or refused the tables."""
