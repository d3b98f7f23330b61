"""What the clinic app is allowed to talk to, fixed when it starts and never taken from a request.

A page may ask the app to post a Bundle, but only ever to the one FHIR server configured here;
the app answers only under the host names configured here (so a DNS-rebinding page cannot use
it); and patient data never leaves over plain HTTP except to a server on this machine.
"""

import argparse
import ipaddress
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from commcare_ext.terminology import CrisisConfigError, CrisisResources, default_crisis_resources

#: Environment variables read at start (command-line flags win over them).
FHIR_SERVER_ENV = "CLINIC_APP_FHIR_SERVER"
ALLOWED_HOSTS_ENV = "CLINIC_APP_ALLOWED_HOSTS"

#: The largest request body the app reads; a QuestionnaireResponse is a few tens of KB.
MAX_BODY_BYTES = 1024 * 1024


class ConfigError(ValueError):
    """A start-up setting is unsafe or malformed; the message names the setting."""


@dataclass(frozen=True)
class AppConfig:
    """The app's start-up settings.

    ``allowed_hosts`` are the host names (no port) the ``Host`` header may carry; empty means
    only the address the app binds. ``assets`` is the unpacked LHC-Forms directory (``None``:
    fetch the pinned tarball once). ``crisis`` is the clinic's crisis help, shown on the form
    as soon as the suicide-risk screen is positive (default: the 988 Lifeline, US).
    """

    bind: str = "127.0.0.1"
    port: int = 8000
    fhir_server: str | None = None
    allowed_hosts: tuple[str, ...] = ()
    assets: Path | None = None
    max_body: int = MAX_BODY_BYTES
    crisis: CrisisResources = field(default_factory=default_crisis_resources)

    def __post_init__(self) -> None:
        if self.fhir_server is not None:
            check_fhir_server(self.fhir_server)
        for host in self.allowed_hosts:
            if not host or (any(c in host for c in "/@?#: \t") and not _is_ipv6(host)):
                msg = f"allowed host {host!r} must be a bare host name or IP address, no port"
                raise ConfigError(msg)
        if not 0 <= self.port <= 65535:
            msg = f"port must be 0-65535, got {self.port}"
            raise ConfigError(msg)

    @property
    def host_names(self) -> tuple[str, ...]:
        """The host names the ``Host`` header may carry (the bind address when none given)."""
        return self.allowed_hosts or (self.bind,)


def _is_ipv6(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).version == 6
    except ValueError:
        return False


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_fhir_server(url: str) -> None:
    """Refuse a FHIR base URL that would leak patient data or carry credentials in it.

    ``https`` anywhere; plain ``http`` only to a loopback server (a test server on this
    machine); no user name or password in the URL; no query or fragment.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http") or not host:
        msg = "FHIR server must be an absolute https:// URL"
        raise ConfigError(msg)
    if parts.scheme == "http" and not _is_loopback(host):
        msg = "FHIR server must use https:// unless it runs on this machine (loopback)"
        raise ConfigError(msg)
    if parts.username is not None or parts.password is not None:
        msg = "FHIR server URL must not carry credentials; configure authentication instead"
        raise ConfigError(msg)
    if parts.query or parts.fragment:
        msg = "FHIR server URL must be a base URL, without query or fragment"
        raise ConfigError(msg)


def parse_config(
    argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None
) -> AppConfig:
    """Read the settings from the command line, then the environment."""
    env = os.environ if environ is None else environ
    parser = argparse.ArgumentParser(
        prog="clinic-app", description="The commcare_ext example clinic app."
    )
    parser.add_argument("--bind", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8000, help="port (0 picks a free one)")
    parser.add_argument(
        "--fhir-server",
        default=env.get(FHIR_SERVER_ENV) or None,
        help=f"the FHIR base URL Bundles are posted to (or ${FHIR_SERVER_ENV})",
    )
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=None,
        help="a host name the app answers to (repeat; or comma-separated "
        f"${ALLOWED_HOSTS_ENV}); default: the bind address",
    )
    parser.add_argument(
        "--crisis-resources",
        type=Path,
        default=None,
        help="JSON file of the clinic's crisis resources by country (default: 988, US)",
    )
    args = parser.parse_args(argv)
    crisis = default_crisis_resources()
    if args.crisis_resources is not None:
        try:
            crisis = CrisisResources.from_json(
                json.loads(args.crisis_resources.read_text(encoding="utf-8"))
            )
        except (OSError, ValueError, CrisisConfigError) as error:
            parser.error(f"--crisis-resources: {error}")
    hosts = args.allowed_host
    if hosts is None:
        hosts = [h.strip() for h in env.get(ALLOWED_HOSTS_ENV, "").split(",") if h.strip()]
    try:
        return AppConfig(
            bind=args.bind,
            port=args.port,
            fhir_server=args.fhir_server,
            allowed_hosts=tuple(hosts),
            crisis=crisis,
        )
    except ConfigError as error:
        parser.error(str(error))
