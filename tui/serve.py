"""`lumbar serve`: lumbar in a browser page, through textual-serve.

textual-serve starts one lumbar process per page load and relays its terminal over a
websocket, so the clock and every timer stay in that process, as in a terminal. What is
ours: the page template (no font CDN: the bundled Roboto Mono is served from ``/lumbar``),
URLs built from the address the browser used (so a phone on the LAN gets working links),
and the loopback default with a warning for anything else, since the page has no login.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiohttp import web

WEB = Path(__file__).parent / "web"
"""The page template and the files lumbar serves itself (the font and its licence)."""
FONT_ROUTE = "/lumbar"
"""Where ``WEB / "static"`` is served; the template names the font under it."""
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (127.0.0.0/8, ::1, ``localhost``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything


def exposure_warning(host: str, port: int) -> str | None:
    """The warning to print before serving on ``host``; None for loopback."""
    if is_loopback(host):
        return None
    where = "every network this machine is on" if host in ("0.0.0.0", "::") else host
    return (f"lumbar: warning: serving on {where}, port {port}, with no authentication: anyone "
            f"who can reach it can use lumbar as you, and read and change your history. "
            f"Use it only on a network you trust.")


def app_command(folders: list[Path]) -> str:
    """The shell command textual-serve runs for each page: this Python, this lumbar.

    textual-serve hands the command to a shell, so every part is quoted (a folder name
    with a space or a ``;`` stays one argument).
    """
    args = [sys.executable, "-m", "tui"]
    for folder in folders:
        args += ["--sessions", str(folder.resolve())]
    return shlex.join(args)


def page_url(host: str, port: int) -> str:
    """The address to open; for an all-interfaces host, this machine's LAN address if known."""
    if host in ("0.0.0.0", "::"):
        host = _lan_address() or host
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def _lan_address() -> str | None:
    """The address other machines reach this one at, or None.

    Connecting a UDP socket picks the outgoing interface without sending a packet.
    """
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
            return str(probe.getsockname()[0])
    except OSError:
        return None


def make_server(host: str, port: int, folders: list[Path], command: str | None = None):
    """A textual-serve ``Server`` for lumbar; ``.serve()`` runs it until Ctrl+C.

    ``command`` serves another program the same way instead (the benchmark's bare app).
    """
    from textual_serve.server import Server

    class LumbarServer(Server):
        # _make_app is textual-serve's own (pinned to its minor version in pyproject):
        # the one place its routes can be added to. If it moved, the font would 404
        # (the page falls back to a local monospace, still fetching nothing elsewhere)
        # and tests/browser/test_serve.py fails.
        async def _make_app(self) -> web.Application:
            from aiohttp import web

            app = await super()._make_app()
            # Our font route: textual-serve's own routes stay as they are.
            app.router.add_static(FONT_ROUTE, WEB / "static", name="lumbar")
            if is_loopback(host):
                app.middlewares.append(web.middleware(_loopback_names_only))
            return app

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            # textual-serve builds the page's websocket and static URLs from one fixed
            # public URL; build them from the address this browser used instead, so a
            # phone that opened http://192.168.1.5:8000 connects back there. No await
            # between setting it and the page being rendered, so pages cannot mix.
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

        async def on_startup(self, app: web.Application) -> None:
            print(f"lumbar is served at {page_url(host, port)} (Ctrl+C stops it)", flush=True)

    return LumbarServer(command or app_command(folders), host=host, port=port, title="lumbar",
                        templates_path=WEB / "templates")


def _cannot_bind(host: str, port: int) -> str | None:
    """Why ``host``:``port`` cannot be listened on (in use, not this machine's), or None."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as aiohttp binds
            probe.bind(address)
    except OSError as error:
        return error.strerror or str(error)
    return None


async def _loopback_names_only(request: web.Request, handler):
    """Refuse a request that names another host while serving loopback only.

    A web page elsewhere can point its own name at 127.0.0.1 (DNS rebinding) and then
    read and drive this page as if it were its own; its requests still carry its name.
    """
    from aiohttp import web

    name = request.url.host or ""
    if not is_loopback(name.strip("[]")):
        raise web.HTTPForbidden(text="lumbar answers only as 127.0.0.1 or localhost\n")
    return await handler(request)


def serve(host: str, port: int, folders: list[Path]) -> int:
    """Serve until Ctrl+C; the exit status (2 when the address cannot be used)."""
    if not host.strip():
        print("lumbar: --host needs an address; 0.0.0.0 serves every network, and must be "
              "asked for by name", file=sys.stderr)
        return 2
    if not 0 < port < 65536:
        print(f"lumbar: --port must be 1 to 65535, not {port}", file=sys.stderr)
        return 2
    warning = exposure_warning(host, port)
    if warning:
        print(warning, file=sys.stderr)
    problem = _cannot_bind(host, port)
    if problem:
        # Checked first: the server says where it is served before it binds.
        print(f"lumbar: cannot serve on {host}:{port} ({problem})", file=sys.stderr)
        return 2
    server = make_server(host, port, folders)
    try:
        server.serve()
    except OSError as error:
        print(f"lumbar: cannot serve on {host}:{port} ({error.strerror or error})", file=sys.stderr)
        return 2
    return 0
