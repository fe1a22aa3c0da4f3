"""`lumbar serve` without a browser: the address rules, the command per page, and a page
that names nothing off the machine (its font is ours, served from /lumbar)."""

from __future__ import annotations

import re
import shlex
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.serving import OPENER, free_port, listening
from tui.cli.main import main
from tui.cli.serve.main import WEB, app_command, exposure_warning, page_url, serve


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_serves_without_a_warning(host):
    assert exposure_warning(host, 8000) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "my-laptop.lan"])
def test_any_other_host_warns_that_the_address_lets_anyone_in(host):
    warning = exposure_warning(host, 8000)
    assert warning is not None and "token" in warning and "8000" in warning


def test_the_default_host_is_loopback(monkeypatch):
    seen = {}
    monkeypatch.setattr("tui.cli.serve.main.serve", lambda host, port, folders: seen.update(host=host, port=port) or 0)
    assert main(["serve"]) == 0
    assert seen == {"host": "127.0.0.1", "port": 8000}


def test_an_empty_host_is_refused_not_taken_as_every_network(capsys):
    assert serve("", 8000, []) == 2
    assert "0.0.0.0" in capsys.readouterr().err


def test_an_address_that_cannot_be_used_is_one_line_not_a_traceback(capsys):
    # 192.0.2.1 (TEST-NET-1) is not this machine's: warned about, then refused.
    assert serve("192.0.2.1", free_port(), []) == 2
    err = capsys.readouterr().err
    assert "warning" in err and "cannot serve on 192.0.2.1" in err
    assert "Traceback" not in err


def test_the_command_per_page_keeps_odd_folder_names_whole(tmp_path: Path):
    folder = tmp_path / "my routines; rm -rf x"
    command = shlex.split(app_command([folder]))
    assert command == [sys.executable, "-m", "tui", "--sessions", str(folder.resolve())]


def test_page_url_brackets_ipv6():
    assert page_url("::1", 8000) == "http://[::1]:8000/"
    assert page_url("127.0.0.1", 8123) == "http://127.0.0.1:8123/"
    assert page_url("127.0.0.1", 8123, "abc") == "http://127.0.0.1:8123/?token=abc"


def test_the_page_and_its_font_come_from_this_machine():
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "tui", "serve", "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = process.stdout.readline() if process.stdout else ""
        assert f"http://127.0.0.1:{port}" in line, line
        base = f"http://127.0.0.1:{port}"
        listening(port)
        page = OPENER.open(f"{base}/", timeout=10).read().decode()
        links = re.findall(r"""(?:src|href)=["']([^"']+)|url\(["']?([^"')]+)""", page)
        urls = [a or b for a, b in links]
        assert urls, page
        for url in urls:
            assert url.startswith(("/", f"{base}/")), url
        font = "/lumbar/fonts/RobotoMono-VariableFont_wght.ttf"
        assert font in urls
        served = OPENER.open(f"{base}{font}", timeout=10).read()
        assert served == (WEB / "static" / "fonts" / "RobotoMono-VariableFont_wght.ttf").read_bytes()
        assert "ws://127.0.0.1" in page  # the terminal connects back where the page came from
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_fonts_and_the_terminal_travel_with_their_licences():
    fonts = WEB / "static" / "fonts"
    assert "Apache License" in (fonts / "LICENSE-RobotoMono.txt").read_text()
    # Modified Bitstream Vera fonts must not keep the name: ours are renamed.
    assert "Bitstream Vera" in (fonts / "LICENSE-DejaVu.txt").read_text()
    from fontTools.ttLib import TTFont

    for name in ("LumbarSymbols.ttf", "LumbarBraille.ttf"):
        family = TTFont(fonts / name)["name"].getDebugName(1)
        assert family.startswith("Lumbar") and "Vera" not in family, (name, family)
    assert "Permission is hereby granted" in (WEB / "static" / "js" / "vendor" / "LICENSE-xterm.txt").read_text()


def test_the_served_fonts_cover_what_lumbar_draws():
    """Every character lumbar's own text draws, in Roboto Mono or the DejaVu subsets:
    arrows, the return sign, shapes and the 256 braille patterns."""
    from fontTools.ttLib import TTFont

    fonts = WEB / "static" / "fonts"
    covered: set[int] = set()
    for name in ("RobotoMono-VariableFont_wght.ttf", "LumbarSymbols.ttf", "LumbarBraille.ttf"):
        covered |= set(TTFont(fonts / name).getBestCmap())
    drawn = set("·─…→×█└•▐▏▌┐━↓↑←▕▎▍▋▊▉╸╌┴⏎±╭╮╰╯│▁▂▃▄▅▆▇▔▀")
    missing = {c for c in drawn if ord(c) not in covered}
    assert not missing, missing
    assert all(code in covered for code in range(0x2800, 0x2900))


@pytest.mark.parametrize("web", [False, True])
def test_in_a_browser_cues_are_the_bell_only(monkeypatch, web):
    """Sound players and speech would sound on the server, not on the phone."""
    from tui.app.app import LumbarApp
    from tui.services.catalog import load_catalog
    from tui.cli.launch import launch

    if web:  # as textual-serve's TEXTUAL_DRIVER makes it (read before the App is made)
        monkeypatch.setattr("textual.constants.DRIVER", "textual.drivers.web_driver:WebDriver")
    monkeypatch.setattr("tui.services.cues.find_player", lambda: ["/usr/bin/true"])
    monkeypatch.setattr("tui.services.cues.find_speaker", lambda: ["/usr/bin/true"])
    ran: list[LumbarApp] = []
    monkeypatch.setattr(LumbarApp, "run", lambda self: ran.append(self))
    assert launch(load_catalog([]), None, voice=True, hooks={}) == 0
    cues = ran[0].services.cues
    assert cues is not None
    if web:
        assert cues.player is None and not cues.voice
        assert any("off in the browser" in notice for notice in ran[0].config.notices)
    else:
        assert cues.player == ["/usr/bin/true"] and cues.voice


def test_on_loopback_a_request_naming_another_host_is_refused():
    """A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) gets nothing."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "tui", "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        listening(port)
        base = f"http://127.0.0.1:{port}/"
        for name, allowed in (("evil.example", False), (f"evil.example:{port}", False),
                              (f"localhost:{port}", True), (f"127.0.0.1:{port}", True)):
            request = urllib.request.Request(base, headers={"Host": name})
            try:
                status = OPENER.open(request, timeout=10).status
            except urllib.error.HTTPError as error:
                status = error.code
            assert (status == 200) == allowed, (name, status)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_port_in_use_is_said_before_anything_claims_to_serve(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert serve("127.0.0.1", port, []) == 2
    captured = capsys.readouterr()
    assert f"cannot serve on 127.0.0.1:{port}" in captured.err
    assert "served at" not in captured.out
