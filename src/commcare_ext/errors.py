"""The root of every exception commcare_ext raises, so callers can catch ours in one place."""


class CommcareError(Exception):
    """Base class of all commcare_ext errors. Messages never contain patient data."""
