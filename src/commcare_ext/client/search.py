"""How a search is sent: parameters in a form body, never in a URL.

Names and identifiers are what people search by; in a URL they end up in server and proxy
logs, in urllib3's debug lines and in exception messages. So the first page is a
``POST Type/_search`` with a form body, and a ``next`` link that leads back to ``Type`` (or
``Type/_search``) is sent the same way. Only an opaque link — a page token, not a query —
is read with GET. Links to another origin are never followed.
"""

import re
from collections.abc import Mapping, Sequence
from urllib.parse import parse_qsl, urlsplit

from commcare_ext.client.errors import MalformedResponseError
from commcare_ext.client.transport import origin

#: Search parameters: a mapping (a sequence value repeats the name) or (name, value) pairs.
Form = Mapping[str, str | Sequence[str]] | Sequence[tuple[str, str]]

_RESOURCE_TYPE = re.compile(r"[A-Z][A-Za-z]+")


def form_pairs(form: Form) -> list[tuple[str, str]]:
    """Form parameters as (name, value) pairs; a sequence value repeats its name."""
    if not isinstance(form, Mapping):
        return [(str(k), str(v)) for k, v in form]
    pairs: list[tuple[str, str]] = []
    for name, value in form.items():
        values = [value] if isinstance(value, str) else list(value)
        pairs.extend((name, str(v)) for v in values)
    return pairs


def next_page_request(
    base_url: str, link: str, seen: set[str], where: str
) -> tuple[str, str, list[tuple[str, str]] | None]:
    """(method, path or URL, form) that fetches the page behind ``link``.

    ``seen`` holds the links already followed: a server that links in a circle, or to
    another origin, gives a malformed answer rather than an endless or leaking search.
    """
    if origin(link) != origin(base_url):
        msg = f"{where}: a next link to another origin"
        raise MalformedResponseError(msg)
    if link in seen:
        msg = f"{where}: next links go round in a circle"
        raise MalformedResponseError(msg)
    seen.add(link)
    parts = urlsplit(link)
    base_path = urlsplit(base_url).path
    relative = parts.path[len(base_path) :] if parts.path.startswith(base_path) else ""
    kind = relative.removesuffix("/_search")
    if parts.query and _RESOURCE_TYPE.fullmatch(kind):
        return "POST", f"{kind}/_search", parse_qsl(parts.query, keep_blank_values=True)
    return "GET", link, None
