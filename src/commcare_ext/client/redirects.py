"""Which redirects the client follows: bodiless reads, on the same origin, and no others.

Following a redirect on a write, or to another origin, would send the Bundle or the
Authorization header somewhere it was not addressed: that is :class:`RedirectRefused`.
"""

from urllib.parse import urljoin

from commcare_ext.client.errors import MalformedResponseError, RedirectRefused
from commcare_ext.client.transport import Response, host_of, origin, shown

_FOLLOWED = frozenset({301, 302, 303, 307, 308})


def redirect_target(method: str, url: str, content: bytes | None, response: Response) -> str | None:
    """Where to go next for a redirect the client may follow; None when it is no redirect."""
    if not 300 <= response.status < 400 or response.status == 304:
        return None
    location = response.header("Location")
    if not location:
        msg = f"{method} {shown(url)}: HTTP {response.status} without a Location"
        raise MalformedResponseError(msg)
    target = urljoin(url, location)
    if (
        method not in ("GET", "HEAD")
        or content is not None
        or response.status not in _FOLLOWED
        or origin(target) != origin(url)
    ):
        raise RedirectRefused(response.status, method, shown(url), host_of(target))
    return target
