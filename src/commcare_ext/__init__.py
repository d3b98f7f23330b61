"""commcare_ext: culturally informed mental-health intake, carried into FHIR R4."""

__all__: list[str] = []
