"""``urn:uuid`` identities: how entries of one Bundle name each other before ids exist."""

URN_UUID_PREFIX = "urn:uuid:"


def urn_uuid(uuid_text: str) -> str:
    """The ``urn:uuid:`` URI for ``uuid_text`` (a UUID in its 36-character form)."""
    return f"{URN_UUID_PREFIX}{uuid_text}"


def is_urn_uuid(reference: str) -> bool:
    """Whether ``reference`` is a Bundle-local ``urn:uuid:`` identity."""
    return reference.startswith(URN_UUID_PREFIX)
