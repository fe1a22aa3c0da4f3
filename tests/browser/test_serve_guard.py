"""`lumbar serve` against a real server process and a real WebSocket client (aiohttp).

Only the page's own origin gets a lumbar: a foreign or ``null`` Origin is refused on the
page and the socket, off loopback a token is needed, ``serve_pages`` caps the processes,
a page cannot ask for a giant terminal, and a lumbar whose socket closed is ended within
seconds even when it is too busy to listen.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest

from tests.browser.serving import free_port, listening, wait_for
from tui.cli.serve.guard import same_origin
from tui.cli.serve.pages import MAX_COLUMNS, MAX_ROWS, bounded

HOLD = 20.0  # seconds: generous for a loaded 2-core machine


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def start(script: str | None = None) -> tuple[subprocess.Popen, int]:
    port = free_port()
    argv = ([sys.executable, "-c", script, str(port)] if script
            else [sys.executable, "-m", "tui", "serve", "--port", str(port)])
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    listening(port)
    return process, port


@pytest.fixture
def server():
    process, port = start()
    yield process, port
    process.terminate()
    process.wait(timeout=HOLD)


async def status(url: str, **headers: str) -> int:
    async with aiohttp.ClientSession() as http:
        async with http.get(url, headers=headers, allow_redirects=False) as answer:
            await answer.read()
            return answer.status


async def socket_status(url: str, origin: str | None) -> int:
    """101 when the socket opened (and it showed lumbar's first bytes), else the HTTP status."""
    headers = {} if origin is None else {"Origin": origin}
    async with aiohttp.ClientSession() as http:
        try:
            async with http.ws_connect(url, headers=headers, timeout=aiohttp.ClientWSTimeout(ws_close=5)) as ws:
                message = await ws.receive(timeout=HOLD)
                assert message.type == aiohttp.WSMsgType.BINARY, message
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


@pytest.mark.parametrize("origin", [
    "https://evil.example", "http://evil.example:8000", "null", "http://127.0.0.1:1",
    "http://localhost:1", "http://[::1]:1", "file://", "not a url"])
def test_a_foreign_or_null_origin_gets_no_page_and_no_lumbar(server, origin):
    process, port = server
    base = f"127.0.0.1:{port}"
    assert asyncio.run(status(f"http://{base}/", Origin=origin)) == 403
    assert asyncio.run(socket_status(f"ws://{base}/ws", origin)) == 403
    assert children(process.pid) == []


def test_the_page_own_origin_gets_lumbar(server):
    process, port = server
    for name in (f"127.0.0.1:{port}", f"localhost:{port}"):
        assert asyncio.run(status(f"http://{name}/", Origin=f"http://{name}")) == 200
        assert asyncio.run(socket_status(f"ws://{name}/ws", f"http://{name}")) == 101


def test_the_page_cannot_be_framed_and_no_folder_is_listed(server):
    _, port = server

    async def look() -> None:
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/") as page:
                assert page.headers["X-Frame-Options"] == "DENY"
                assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
            for folder in ("/static/", "/static/js/", "/lumbar/", "/lumbar/fonts/"):
                async with http.get(f"http://127.0.0.1:{port}{folder}") as listing:
                    body = await listing.text()
                    assert listing.status in (403, 404), folder
                    assert "Index of" not in body and ".js" not in body and ".ttf" not in body
                    assert listing.headers["X-Frame-Options"] == "DENY"

    asyncio.run(look())


@pytest.mark.parametrize(("a", "b", "same"), [
    ("http://127.0.0.1:8000", "127.0.0.1:8000", True),
    ("HTTP://LOCALHOST:8000", "localhost:8000", True),
    ("http://example.org", "example.org:80", True),
    ("http://127.0.0.1:8000", "localhost:8000", False),
    ("https://127.0.0.1:8000", "127.0.0.1:8000", False),
    ("http://127.0.0.1:8000/path", "127.0.0.1:8000", False),
    ("null", "127.0.0.1:8000", False),
    ("", "127.0.0.1:8000", False),
])
def test_same_origin(a, b, same):
    assert same_origin(a, "http", b) is same


TOKEN_SERVER = ("import sys; from tui.cli.serve.main import make_server; "
                "make_server('127.0.0.1', int(sys.argv[1]), [], token='s3cret').serve()")


def test_with_a_token_the_page_and_socket_need_it():
    process, port = start(TOKEN_SERVER)
    base = f"127.0.0.1:{port}"
    origin = f"http://{base}"
    try:
        assert asyncio.run(status(f"http://{base}/")) == 403
        assert asyncio.run(status(f"http://{base}/?token=wrong")) == 403
        assert asyncio.run(status(f"http://{base}/?token=s3cret")) == 200
        assert asyncio.run(socket_status(f"ws://{base}/ws", origin)) in (403, 404)
        assert asyncio.run(socket_status(f"ws://{base}/ws/wrong", origin)) == 403
        assert children(process.pid) == []
        assert asyncio.run(socket_status(f"ws://{base}/ws/s3cret", origin)) == 101
        # The page it serves connects with the token, and only with it.
        async def page() -> str:
            async with aiohttp.ClientSession() as http:
                async with http.get(f"http://{base}/?token=s3cret") as answer:
                    return await answer.text()
        assert f'ws://{base}/ws/s3cret"' in asyncio.run(page())
    finally:
        process.terminate()
        process.wait(timeout=HOLD)


def test_off_loopback_a_fresh_token_is_made_and_printed(monkeypatch, capsys):
    made: list[str | None] = []

    class Fake:
        def serve(self) -> None:
            pass

    def fake_make(host, port, folders, token=None, pages=4):
        made.append(token)
        return Fake()

    monkeypatch.setattr("tui.cli.serve.main.make_server", fake_make)
    monkeypatch.setattr("tui.cli.serve.main._cannot_bind", lambda host, port: None)
    from tui.cli.serve.main import page_url, serve

    assert serve("0.0.0.0", 8000, []) == 0 and serve("0.0.0.0", 8000, []) == 0
    assert serve("127.0.0.1", 8000, []) == 0
    assert made[2] is None and made[0] and made[1] and made[0] != made[1] and len(made[0]) >= 32
    assert page_url("192.168.1.5", 8000, made[0]).endswith(f"/?token={made[0]}")


def test_pages_beyond_the_setting_get_a_clear_page_not_a_process():
    config = Path(os.environ["LUMBAR_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.yaml").write_text("serve_pages: 1\n")
    process, port = start()
    base = f"127.0.0.1:{port}"

    async def scenario() -> None:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(f"ws://{base}/ws", headers={"Origin": f"http://{base}"}) as ws:
                await ws.receive(timeout=HOLD)
                assert len(children(process.pid)) == 1
                async with http.get(f"http://{base}/") as busy:
                    assert busy.status == 503
                    assert "serve_pages" in await busy.text()
                try:
                    async with http.ws_connect(f"ws://{base}/ws", headers={"Origin": f"http://{base}"}):
                        raise AssertionError("a second socket was let in")
                except aiohttp.WSServerHandshakeError as error:
                    assert error.status == 503
                assert len(children(process.pid)) == 1
        # The page closed: its place is free again.
        wait_for(lambda: children(process.pid) == [])
        assert await status(f"http://{base}/") == 200

    try:
        asyncio.run(scenario())
    finally:
        process.terminate()
        process.wait(timeout=HOLD)


def test_terminal_sizes_are_bounded():
    assert bounded(20000, 20000) == (MAX_COLUMNS, MAX_ROWS) == (500, 200)
    assert bounded(-5, 0) == (1, 1)
    assert bounded("x", None) == (80, 24)
    assert bounded(10**400, 30) == (500, 30)


def environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(item.decode(errors="replace").partition("=")[::2] for item in raw if item)


def test_a_giant_terminal_is_refused_and_a_busy_lumbar_ends_after_its_socket(server):
    """The 20000x20000 page gets 500x200; frozen (SIGSTOP, so it can read nothing) and
    then left by its page, the lumbar is still ended within a few seconds."""
    process, port = server
    base = f"127.0.0.1:{port}"

    async def scenario() -> float:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(f"ws://{base}/ws?width=20000&height=20000",
                                       headers={"Origin": f"http://{base}"}) as ws:
                await ws.receive(timeout=HOLD)
                (child,) = children(process.pid)
                seen = environ(child)
                assert (seen["COLUMNS"], seen["ROWS"]) == ("500", "200")
                os.kill(child, signal.SIGSTOP)
        closed = time.monotonic()
        wait_for(lambda: not Path(f"/proc/{child}").exists() or children(process.pid) == [])
        return time.monotonic() - closed

    assert asyncio.run(scenario()) < 8.0


def test_ctrl_c_ends_every_page_lumbar_and_the_server(server):
    """The server's Ctrl+C (SIGINT to it alone here) ends the lumbar of a page still open,
    tells the page, and the server exits: nothing is left running."""
    process, port = server
    base = f"127.0.0.1:{port}"

    async def scenario() -> None:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(f"ws://{base}/ws", headers={"Origin": f"http://{base}"}) as ws:
                await ws.receive(timeout=HOLD)
                (child,) = children(process.pid)
                process.send_signal(signal.SIGINT)
                while True:  # the page is told: its socket closes
                    message = await ws.receive(timeout=HOLD)
                    if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                                        aiohttp.WSMsgType.CLOSING):
                        break
        wait_for(lambda: not Path(f"/proc/{child}").exists(), what="the page's lumbar to end")

    asyncio.run(scenario())
    assert process.wait(timeout=HOLD) is not None
