"""`lumbar serve`: lumbar in a browser page, through textual-serve.

textual-serve starts one lumbar process per page load and relays its terminal over a
websocket, so the clock and every timer stay in that process, as in a terminal. What is
ours: the page template (no font CDN: the bundled Roboto Mono is served from ``/lumbar``),
URLs built from the address the browser used (so a phone on the LAN gets working links),
the loopback default, and the checks of tui/cli/serve/guard.py (Origin, a per-run token off
loopback, no framing) and tui/cli/serve/pages.py (bounded, short-lived processes).
"""

from __future__ import annotations

import asyncio
import ipaddress
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from aiohttp import web

WEB = Path(__file__).parent / "web"
"""The page template and the files lumbar serves itself (the font and its licence)."""
FONT_ROUTE = "/lumbar"
"""Where ``WEB / "static"`` is served: the page's script, xterm.js and the fonts."""
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
    return (f"lumbar: warning: serving on {where}, port {port}: anyone who has the address "
            f"below (with its token) can use lumbar as you, and read and change your history. "
            f"Share it only with your own devices, on a network you trust.")


def app_command(folders: list[Path]) -> str:
    """The command run for each page: this Python, this lumbar.

    Quoted as for a shell (tui.cli.serve.pages splits it back without one), so a folder name
    with a space or a ``;`` stays one argument.
    """
    args = [sys.executable, "-m", "tui"]
    for folder in folders:
        args += ["--sessions", str(folder.resolve())]
    return shlex.join(args)


def page_url(host: str, port: int, token: str | None = None) -> str:
    """The address to open (with ``?token=`` when there is one); for an all-interfaces
    host, this machine's LAN address if known."""
    from tui.cli.serve.guard import TOKEN_PARAM

    if host in ("0.0.0.0", "::"):
        host = _lan_address() or host
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/" + (f"?{TOKEN_PARAM}={token}" if token else "")


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


def make_server(host: str, port: int, folders: list[Path], command: str | None = None,
                token: str | None = None, pages: int = 4):
    """A textual-serve ``Server`` for lumbar; ``.serve()`` runs it until Ctrl+C.

    ``command`` serves another program the same way instead (the benchmark's bare app).
    ``token``: the page and its socket are refused without it (tui/cli/serve/guard.py).
    ``pages``: at most this many lumbar processes at once (the ``serve_pages`` setting).
    """
    from textual_serve.server import Server

    from tui.cli.serve import guard as serve_guard
    from tui.cli.serve.pages import PAGE_ID, PageProcess

    class LumbarServer(Server):
        live = 0
        """Pages with a lumbar process now; never more than ``pages``."""
        services: set[PageProcess] = set()
        by_page: dict[str, PageProcess] = {}
        """Each page's lumbar, by the id the page gave (tui/cli/serve/web/static/js/lumbar.js)."""

        # Our own routes in place of textual-serve's _make_app: the page, its script and
        # fonts come from WEB/static (textual-serve's own static folder is not served),
        # without a folder listing, there is no download route (lumbar sends no files), the
        # socket's path carries the token when there is one, and every request is checked.
        async def _make_app(self) -> web.Application:
            import aiohttp_jinja2
            import jinja2
            from aiohttp import web

            app = web.Application(middlewares=[serve_guard.guard(token, is_loopback(host))])
            aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
            socket = "/ws" if token is None else "/ws/{%s}" % serve_guard.TOKEN_PARAM
            app.add_routes([
                web.get("/", self.handle_index, name="index"),
                web.get(socket, self.handle_websocket, name="websocket"),
                web.static(FONT_ROUTE, WEB / "static", show_index=False, name="lumbar"),
            ])
            app.on_response_prepare.append(serve_guard.add_headers)
            app.on_startup.append(self.on_startup)
            app.on_shutdown.append(self.end_pages)
            return app

        async def end_pages(self, app: web.Application) -> None:
            """On Ctrl+C: every page's lumbar ends (and its page is told) before the server."""
            await asyncio.gather(*(service.stop() for service in list(self.services)),
                                 return_exceptions=True)

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            import aiohttp_jinja2
            from aiohttp import web
            from textual_serve.server import to_int

            if self.live >= pages:
                return web.Response(status=503, text=serve_guard.busy_page(pages),
                                    content_type="text/html")
            # Built from the address this browser used, not one fixed public URL, so a
            # phone that opened http://192.168.1.5:8000 connects back there.
            socket = request.app.router["websocket"].url_for(
                **({} if token is None else {serve_guard.TOKEN_PARAM: token}))
            scheme = "wss" if request.scheme == "https" else "ws"
            context = {
                "font_size": max(4, min(64, to_int(request.query.get("fontsize", "16"), 16))),
                "app_websocket_url": f"{scheme}://{request.host}{socket}",
                "application": {"name": self.title},
            }
            return aiohttp_jinja2.render_template("app_index.html", request, context)

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            """One lumbar for one page, within ``pages``; it ends soon after the socket does.

            A page that connects again (the same ``page`` id, after its phone slept or the
            network dropped) first ends the lumbar it had, so that the new one, started with
            LUMBAR_RESUME, takes up the routine that one left.
            """
            from aiohttp import web
            from textual_serve.server import to_int

            page = request.query.get("page", "")
            if PAGE_ID.fullmatch(page) and page in self.by_page:
                await asyncio.shield(self.by_page.pop(page).stop())
            if self.live >= pages:
                raise web.HTTPServiceUnavailable(text=f"lumbar is already open in {pages} pages\n")
            self.live += 1
            websocket = web.WebSocketResponse(heartbeat=15)
            service = PageProcess(self.command, write_bytes=websocket.send_bytes,
                                  # textual-serve types close as returning None; aiohttp's
                                  # returns a bool, which it never reads.
                                  write_str=websocket.send_str,
                                  close=websocket.close,  # type: ignore[arg-type]
                                  download_manager=self.download_manager, debug=self.debug)
            service.environment = page_environment(request.query)
            self.services.add(service)
            if PAGE_ID.fullmatch(page):
                self.by_page[page] = service
            try:
                await websocket.prepare(request)
                await service.start(to_int(request.query.get("width", "80"), 80),
                                    to_int(request.query.get("height", "24"), 24))
                await self._process_messages(websocket, service)
            except (asyncio.CancelledError, ValueError, TypeError, KeyError, IndexError, AssertionError):
                pass  # a closed or misbehaving page: its lumbar ends below all the same
            finally:
                try:
                    await asyncio.shield(service.stop())
                finally:
                    self.live -= 1
                    self.services.discard(service)
                    if self.by_page.get(page) is service:
                        del self.by_page[page]
                    await websocket.close()
            return websocket

        async def on_startup(self, app: web.Application) -> None:
            print(f"lumbar is served at {page_url(host, port, token)} (Ctrl+C stops it)", flush=True)

    return LumbarServer(command or app_command(folders), host=host, port=port, title="lumbar",
                        templates_path=WEB / "templates")


def page_environment(query: Mapping[str, str]) -> dict[str, str]:
    """What the page's address asks of its lumbar, as variables for the process:
    ``touch=1`` (a finger, not a mouse) sets LUMBAR_TOUCH=1 so hints name taps;
    ``resume=1`` (the page connecting again) sets LUMBAR_RESUME=1 so lumbar takes up the
    routine its last process left, paused."""
    environment = {}
    if query.get("touch") == "1":
        environment["LUMBAR_TOUCH"] = "1"
    if query.get("resume") == "1":
        environment["LUMBAR_RESUME"] = "1"
    return environment


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


def serve(host: str, port: int, folders: list[Path]) -> int:
    """Serve until Ctrl+C; the exit status (2 when the address cannot be used).

    Off loopback a fresh token is made for this run and printed with the address.
    """
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
    from tui.cli.serve.guard import new_token
    from tui.services.settings.current import settings_in_force

    token = None if is_loopback(host) else new_token()
    server = make_server(host, port, folders, token=token,
                         pages=settings_in_force().settings.serve_pages)
    try:
        server.serve()
    except OSError as error:
        print(f"lumbar: cannot serve on {host}:{port} ({error.strerror or error})", file=sys.stderr)
        return 2
    return 0
