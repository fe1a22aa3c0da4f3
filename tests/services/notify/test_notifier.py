"""The notifier: every channel tried, one warning per failing channel, no crash."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading

import pytest

from tui.services.notify import Notice, Notifier, Outcome


class Fake:
    def __init__(self, name: str, ok: bool = True, raises: bool = False) -> None:
        self.name, self.label, self.ok, self.raises = name, f"{name} channel", ok, raises
        self.sent: list[Notice] = []
        self.closed = False

    def send(self, notice: Notice, report) -> None:
        self.sent.append(notice)
        if self.raises:
            raise RuntimeError("boom")
        report(Outcome(self.name, self.label, self.ok, "" if self.ok else "it broke"))

    def close(self) -> None:
        self.closed = True


def test_each_failing_channel_warns_once_and_the_others_still_run() -> None:
    good, bad, buggy = Fake("good"), Fake("bad", ok=False), Fake("buggy", raises=True)
    problems: list[str] = []
    outcomes: list[Outcome] = []
    notifier = Notifier([bad, buggy, good], on_problem=problems.append)
    for _ in range(3):
        notifier.send(Notice("t", "b"), outcomes.append)
    assert len(good.sent) == len(bad.sent) == len(buggy.sent) == 3
    assert problems == notifier.problems == [
        "bad channel: failed (it broke)",
        "buggy channel: failed (RuntimeError: boom)",
    ]
    assert [o.channel for o in outcomes] == ["bad", "buggy", "good"] * 3
    notifier.close()
    assert good.closed and bad.closed and buggy.closed


def test_notice_refuses_an_unknown_urgency() -> None:
    with pytest.raises(ValueError, match="critical"):
        Notice("t", "b", urgency="urgent")  # type: ignore[arg-type]


async def test_problems_from_the_desktop_thread_arrive_on_the_callers_loop(no_bus) -> None:
    from tui.services.notify import DesktopChannel

    loop = asyncio.get_running_loop()
    seen: asyncio.Future[bool] = loop.create_future()

    def on_problem(line: str) -> None:
        seen.set_result(threading.current_thread() is threading.main_thread()
                        and asyncio.get_running_loop() is loop)

    notifier = Notifier([DesktopChannel(timeout=0.5)], on_problem=on_problem)
    notifier.send(Notice("t", "b"))
    assert await asyncio.wait_for(seen, 10)
    notifier.close()


def test_importing_the_notifier_loads_neither_textual_nor_the_desktop_library() -> None:
    """The app starts faster when desktop-notifier is imported only at the first notice."""
    code = ("import sys, tui.services.notify\n"
            "print(sorted(m for m in ('textual', 'rich', 'desktop_notifier', 'dbus_fast')"
            " if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_prepare_loads_the_desktop_library_in_the_background_and_warns_of_nothing() -> None:
    code = (
        "import sys, time\n"
        "from tui.services.notify import DesktopChannel, Notifier\n"
        "notifier = Notifier([DesktopChannel()])\n"
        "notifier.prepare()\n"
        "start = time.monotonic()\n"
        "while 'desktop_notifier' not in sys.modules and time.monotonic() - start < 20:\n"
        "    time.sleep(0.01)\n"
        "time.sleep(0.1)\n"
        "print('desktop_notifier' in sys.modules, notifier.problems)\n"
        "notifier.close()\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True []"
