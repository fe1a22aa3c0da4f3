"""Who may use `lumbar serve`: the checks every request passes before textual-serve sees it.

A browser lets any web page the user visits open a WebSocket to 127.0.0.1 and read what
comes back; only the ``Origin`` header says which page asked. So a request that carries an
``Origin`` other than the address it was sent to (``null`` included: sandboxed frames and
``file:`` pages) is refused. Off loopback, anyone on the network can send any header, so
each run also makes a random token that the page and the socket must carry (as Jupyter
does). Every answer forbids framing by another site and folder listings are never made.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiohttp import web
    from aiohttp.typedefs import Middleware

Handler = Callable[["web.Request"], Awaitable["web.StreamResponse"]]

#: Headers on every answer: no other site may frame the page (both the CSP way and the
#: older header), no type guessing, and no address (with its token) sent anywhere.
HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
#: The query parameter that carries the token: http://host:8000/?token=...
TOKEN_PARAM = "token"


def new_token() -> str:
    """A fresh random token for one run (32 URL-safe characters, 192 bits)."""
    return secrets.token_urlsafe(24)


def _default_port(scheme: str) -> int:
    return 443 if scheme in ("https", "wss") else 80


def same_origin(origin: str, scheme: str, host: str) -> bool:
    """Whether the ``Origin`` header ``origin`` names the address a request was sent to.

    ``scheme`` is the request's (http or https) and ``host`` its ``Host`` header, such as
    ``127.0.0.1:8000``. ``null`` and anything unparsable are not the same origin; names
    compare without case, and a missing port is the scheme's default.
    """
    from yarl import URL

    if origin.strip().lower() == "null":
        return False
    try:
        theirs = URL(origin.strip())
        ours = URL(f"{scheme}://{host}")
    except ValueError:
        return False
    if not theirs.is_absolute() or theirs.path not in ("", "/") or not ours.host:
        return False
    return ((theirs.scheme.lower(), (theirs.host or "").lower(),
             theirs.port or _default_port(theirs.scheme.lower()))
            == (ours.scheme.lower(), ours.host.lower(), ours.port or _default_port(scheme)))


def has_token(request: web.Request, token: str) -> bool:
    """Whether ``request`` carries ``token``: as ``?token=`` or as the socket path's last part."""
    offered = request.query.get(TOKEN_PARAM) or request.match_info.get(TOKEN_PARAM) or ""
    return hmac.compare_digest(offered.encode(), token.encode())


def guard(token: str | None, loopback_only: bool) -> Middleware:
    """The aiohttp middleware that refuses what the module docstring says.

    ``token``: required on the page and the socket when not None. ``loopback_only``: also
    refuse a ``Host`` that is not a loopback name (a page elsewhere that points its own name
    at 127.0.0.1, DNS rebinding, still sends its name).
    """
    from aiohttp import web

    from tui.cli.serve.main import is_loopback

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        if loopback_only and not is_loopback((request.url.host or "").strip("[]")):
            raise web.HTTPForbidden(text="lumbar answers only as 127.0.0.1 or localhost\n")
        origin = request.headers.get("Origin")
        if origin is not None and not same_origin(origin, request.scheme, request.host):
            raise web.HTTPForbidden(text="lumbar answers only its own page, not other sites\n")
        guarded = request.match_info.route.name in ("index", "websocket")
        if token is not None and guarded and not has_token(request, token):
            raise web.HTTPForbidden(text="lumbar needs the address with ?token= that `lumbar serve` "
                                         "printed when it started\n")
        return await handler(request)

    return check


async def add_headers(request: web.Request, response: web.StreamResponse) -> None:
    """An ``on_response_prepare`` hook: ``HEADERS`` on every answer, refusals included."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)


def busy_page(limit: int) -> str:
    """The page shown instead of lumbar when ``limit`` pages already have one (``serve_pages``)."""
    pages = "page" if limit == 1 else "pages"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>lumbar is busy</title></head>\n<body style=\"font-family: monospace; "
            "max-width: 40em; margin: 3em auto; padding: 0 1em\">\n"
            f"<p>lumbar is already open in {escape(str(limit))} {pages}, as many as the setting "
            "<code>serve_pages</code> allows.</p>\n"
            "<p>Close lumbar in another tab or device, then reload this page.</p>\n</body></html>\n")
