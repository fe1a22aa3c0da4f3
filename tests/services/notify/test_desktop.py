"""The desktop channel against a private bus: a fake server, no server, no bus at all."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from tui.services.notify import DesktopChannel, Notice, Notifier, Outcome
from tui.services.notify.freedesktop import FreedesktopChannel

SLOW = 0.5  # seconds: the timeout under test, far below the fake's 30 s stall
FRAME = 0.050  # seconds: the most the caller's event loop may be held up


def deliver(channel: DesktopChannel, notice: Notice, wait: float = 10.0) -> Outcome:
    """Send without a running loop (as notify-test does) and wait for the outcome."""
    heard: list[Outcome] = []
    done = threading.Event()

    def report(outcome: Outcome) -> None:
        heard.append(outcome)
        done.set()

    channel.send(notice, report)
    assert done.wait(wait), "the channel never reported"
    return heard[0]


# Both ways to the desktop: desktop-notifier (macOS, Windows) and the freedesktop
# protocol spoken directly (Linux); both must fail soft in the same ways.
@pytest.fixture(params=[DesktopChannel, FreedesktopChannel], ids=["desktop-notifier", "freedesktop"])
def kind(request):
    return request.param


@pytest.fixture
def channel(kind):
    made = kind(timeout=SLOW)
    yield made
    made.close()


def test_a_notice_reaches_the_server_with_title_body_and_urgency(fake_server, channel) -> None:
    recorder = fake_server()
    outcome = deliver(channel, Notice("Ice off", "Take the pack off now.", "critical"))
    assert outcome.ok, outcome
    outcome = deliver(channel, Notice("Desk break", "Stand up and stretch."))
    assert outcome.ok, outcome
    [first, second] = recorder.calls
    assert (first.app_name, first.summary, first.body) == ("lumbar", "Ice off", "Take the pack off now.")
    assert first.hints["urgency"] == 2  # freedesktop spec: 2 = critical
    assert (second.summary, second.body, second.hints["urgency"]) == (
        "Desk break", "Stand up and stretch.", 1)


def test_no_bus_at_all_fails_fast_and_says_so(no_bus, kind) -> None:
    patient = kind(timeout=60)
    try:
        started = time.perf_counter()
        outcome = deliver(patient, Notice("t", "b"), wait=60)
        took = time.perf_counter() - started
    finally:
        patient.close()
    assert not outcome.ok
    assert "no D-Bus session bus" in outcome.detail
    # It fails on the missing address, not on the timeout (the first notice of a
    # process also loads desktop-notifier: 0.1-0.35 s here).
    assert took < 10


def test_a_stale_bus_address_fails_soft(monkeypatch, tmp_path, channel) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'gone'}")
    outcome = deliver(channel, Notice("t", "b"))
    assert not outcome.ok
    assert "cannot reach the D-Bus session bus" in outcome.detail


def test_a_bus_without_a_notification_server(private_bus, channel) -> None:
    outcome = deliver(channel, Notice("t", "b"))
    assert not outcome.ok
    assert outcome.detail == "no notification server on the D-Bus session bus"


def test_a_server_that_answers_with_an_error(fake_server, channel) -> None:
    recorder = fake_server("error")
    outcome = deliver(channel, Notice("t", "b"))
    assert not outcome.ok
    assert outcome.detail == "the notification server refused it: refused by the test"
    assert len(recorder.calls) == 1


def test_a_server_that_never_answers_is_bounded_by_the_timeout(fake_server, channel) -> None:
    recorder = fake_server("slow")
    started = time.perf_counter()
    outcome = deliver(channel, Notice("t", "b"))
    took = time.perf_counter() - started
    assert recorder.called.is_set()
    assert not outcome.ok
    assert outcome.detail == f"no answer within {SLOW:g} s"
    assert SLOW <= took < SLOW + 2.0


async def test_sending_never_holds_up_the_callers_loop(fake_server, kind) -> None:
    """send() returns at once and the loop keeps ticking while a slow server stalls;
    the outcome comes back on the caller's loop."""
    fake_server("slow")
    channel = kind(timeout=SLOW)
    loop = asyncio.get_running_loop()
    heard: asyncio.Future[tuple[Outcome, bool]] = loop.create_future()
    gaps: list[float] = []

    async def ticker() -> None:
        last = time.perf_counter()
        while not heard.done():
            await asyncio.sleep(0.005)
            now = time.perf_counter()
            gaps.append(now - last)
            last = now

    ticking = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    started = time.perf_counter()
    channel.send(Notice("t", "b"), lambda o: heard.set_result(
        (o, asyncio.get_running_loop() is loop)))
    send_took = time.perf_counter() - started
    outcome, on_callers_loop = await asyncio.wait_for(heard, 10)
    await ticking
    channel.close()
    assert send_took < FRAME
    assert max(gaps) < FRAME, f"loop held up for {max(gaps) * 1000:.0f} ms"
    assert not outcome.ok and on_callers_loop


def test_after_a_failure_it_waits_before_trying_again(private_bus, kind) -> None:
    now = [100.0]
    channel = kind(timeout=SLOW, retry_after=60, clock=lambda: now[0])
    try:
        first = deliver(channel, Notice("t", "b"))
        started = time.perf_counter()
        again = deliver(channel, Notice("t", "b"))
        assert time.perf_counter() - started < FRAME  # answered without touching the bus
        assert (first.ok, again.ok, again.detail) == (False, False, first.detail)
    finally:
        channel.close()


def test_a_server_that_appears_later_is_used(private_bus, fake_server, kind) -> None:
    now = [100.0]
    channel = kind(timeout=SLOW, retry_after=60, clock=lambda: now[0])
    try:
        assert not deliver(channel, Notice("t", "b")).ok
        recorder = fake_server()
        now[0] += 61
        assert deliver(channel, Notice("back", "b")).ok
        assert [c.summary for c in recorder.calls] == ["back"]
    finally:
        channel.close()


def test_one_warning_however_often_it_fails(no_bus, kind) -> None:
    problems: list[str] = []
    notifier = Notifier([kind(timeout=SLOW)], on_problem=problems.append)
    done = threading.Semaphore(0)
    try:
        for _ in range(3):
            notifier.send(Notice("t", "b"), lambda o: done.release())
        for _ in range(3):
            assert done.acquire(timeout=10)
    finally:
        notifier.close()
    assert problems == notifier.problems
    assert len(problems) == 1 and problems[0].startswith("desktop notification: failed (")


def test_a_closed_channel_fails_soft(channel) -> None:
    channel.close()
    outcome = deliver(channel, Notice("t", "b"), wait=1)
    assert (outcome.ok, outcome.detail) == (False, "the notifier is closed")
