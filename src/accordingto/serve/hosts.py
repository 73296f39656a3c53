"""Which ``Host`` headers may read the corpus: a defence against DNS rebinding.

A web page on any site can make the visitor's browser send requests to a name it controls, then point that name
at 127.0.0.1: the browser treats the answers as the page's own, and the page can read a store served locally.
Such a request always carries the attacker's name in its ``Host`` header, so the corpus routes answer only a Host
that is the machine itself (``localhost``), an IP address (typed by hand: no name to rebind), or a name the
service was started with (``accordingto serve --allow-host NAME``, for a service behind a real domain name).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

LOCAL_NAMES = ("localhost",)
ANY_HOST = "*"


class HostRule:
    """The host names allowed besides ``localhost`` and IP addresses: exact names, ``*.example.org`` for its
    subdomains (and itself), or ``*`` for any (a service that another layer protects)."""

    def __init__(self, allowed: Iterable[str] = ()) -> None:
        self.names = {name.strip().lower().rstrip(".") for name in allowed if name.strip()}
        self.names.update(LOCAL_NAMES)

    def allows(self, host_header: str | None) -> bool:
        if ANY_HOST in self.names:
            return True
        if not host_header:
            return False  # HTTP/1.0 without Host: no way to tell the name the browser used
        host = host_name(host_header)
        if host is None:
            return False
        if _is_ip_address(host) or host in self.names:
            return True
        return any(name.startswith("*.") and (host == name[2:] or host.endswith(name[1:])) for name in self.names)


def host_name(host_header: str) -> str | None:
    """The name in a ``Host`` header, lower case, without its port or final dot ("[::1]:8000" → "::1"); None
    for a header that is no host."""
    value = host_header.strip().lower()
    if value.startswith("["):
        inside, bracket, rest = value[1:].partition("]")
        if not bracket or (rest and not (rest.startswith(":") and rest[1:].isdigit())):
            return None
        return inside
    name, colon, port = value.partition(":")
    if colon and not port.isdigit():
        return None
    return name.rstrip(".") or None


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
