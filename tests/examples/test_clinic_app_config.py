"""The clinic app's start-up settings and request checks, without a server."""

import secrets
from collections.abc import Callable
from email.message import Message
from http import HTTPStatus

import pytest
from examples.clinic_app.config import (
    ALLOWED_HOSTS_ENV,
    FHIR_SERVER_ENV,
    AppConfig,
    ConfigError,
    check_fhir_server,
    parse_config,
)
from examples.clinic_app.guard import (
    Refused,
    body_length,
    check_csrf,
    check_host,
    check_json,
    check_same_origin,
    host_values,
    origins_for,
    read_json,
)


@pytest.mark.parametrize(
    "url",
    [
        "https://fhir.example.org/R4",
        "https://fhir.example.org:8443/fhir/",
        "http://127.0.0.1:8103/fhir/R4/",
        "http://localhost/fhir",
        "http://[::1]:8080/",
    ],
)
def test_a_safe_fhir_server_is_taken(url: str) -> None:
    check_fhir_server(url)
    assert AppConfig(fhir_server=url).fhir_server == url


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://fhir.example.org/R4", "https://"),
        ("http://10.0.0.5/fhir", "https://"),
        ("https://user:secret@fhir.example.org/", "credentials"),
        ("https://fhir.example.org/R4?_format=json", "base URL"),
        ("ftp://fhir.example.org/", "https://"),
        ("fhir.example.org/R4", "https://"),
        ("", "https://"),
    ],
)
def test_an_unsafe_fhir_server_is_refused_at_start(url: str, says: str) -> None:
    with pytest.raises(ConfigError, match=says) as caught:
        AppConfig(fhir_server=url)
    assert "secret" not in str(caught.value)


def test_the_command_line_wins_over_the_environment() -> None:
    environ = {FHIR_SERVER_ENV: "https://env.example.org/fhir", ALLOWED_HOSTS_ENV: "a.test, b.test"}
    config = parse_config([], environ)
    assert config.fhir_server == "https://env.example.org/fhir"
    assert config.allowed_hosts == ("a.test", "b.test")
    flags = ["--fhir-server", "https://flag.example.org/", "--allowed-host", "c.test"]
    config = parse_config(flags, environ)
    assert config.fhir_server == "https://flag.example.org/"
    assert config.allowed_hosts == ("c.test",)


def test_defaults_answer_only_the_bound_loopback_address() -> None:
    config = parse_config([], {})
    assert (config.bind, config.port, config.fhir_server) == ("127.0.0.1", 8000, None)
    assert config.host_names == ("127.0.0.1",)
    assert host_values(config.host_names, 8000) == {"127.0.0.1:8000"}


def test_a_bad_setting_stops_the_start_without_echoing_secrets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        parse_config(["--fhir-server", "https://user:secret@fhir.example.org/"], {})
    assert stopped.value.code == 2
    assert "credentials" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parse_config(["--allowed-host", "clinic.test:8000"], {})


def test_host_values_cover_ipv6_and_the_default_port() -> None:
    assert host_values(["::1"], 8000) == {"[::1]:8000"}
    assert host_values(["Clinic.Test"], 80) == {"clinic.test:80", "clinic.test"}
    assert origins_for({"clinic.test:80"}) == {"http://clinic.test:80"}


def _headers(**values: str | list[str]) -> Message:
    message = Message()
    for name, value in values.items():
        for one in [value] if isinstance(value, str) else value:
            message[name.replace("_", "-")] = one
    return message


def _status(check: Callable[..., object], *args: object) -> HTTPStatus | None:
    try:
        check(*args)
    except Refused as refused:
        return refused.status
    return None


def test_the_checks_refuse_with_the_right_status() -> None:
    allowed = host_values(["127.0.0.1"], 8000)
    origins = origins_for(allowed)
    assert _status(check_host, _headers(Host="127.0.0.1:8000"), allowed) is None
    assert _status(check_host, _headers(Host="evil.test:8000"), allowed) == 400
    ok = _headers(Origin="http://127.0.0.1:8000", Sec_Fetch_Site="same-origin")
    assert _status(check_same_origin, ok, origins) is None
    assert _status(check_same_origin, _headers(Origin="http://127.0.0.1:8000"), origins) is None
    two = _headers(Origin=["http://127.0.0.1:8000", "http://evil.test"])
    assert _status(check_same_origin, two, origins) == 403
    token = secrets.token_urlsafe(32)
    assert _status(check_csrf, _headers(**{"X-CSRF-Token": token}), token) is None
    assert _status(check_csrf, _headers(**{"X-CSRF-Token": [token, token]}), token) == 403
    assert _status(check_json, _headers(Content_Type="Application/JSON")) is None
    assert _status(body_length, _headers(Content_Length="0"), 10) is None
    assert body_length(_headers(Content_Length=" 10 "), 10) == 10
    assert _status(body_length, _headers(Content_Length="11"), 10) == 413


def test_a_refused_body_chains_no_parser_error() -> None:
    with pytest.raises(Refused) as caught:
        read_json(b'{"name": "Hodan Ali"')
    assert caught.value.__context__ is None
    assert caught.value.__cause__ is None
    assert "Hodan" not in repr(caught.value)
