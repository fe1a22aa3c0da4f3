"""Buttons, replacing and closing on the freedesktop channel, against a fake server that
supports actions (on a private bus that activates nothing)."""

from __future__ import annotations

import threading
import time

import pytest

from tui.services.notify import Notice, Notifier, Outcome
from tui.services.notify.freedesktop import FreedesktopChannel

BUTTONS = (("start", "Start the break"), ("snooze", "Snooze 5 min"), ("skip", "Skip"))


def due(key: str = "break") -> Notice:
    return Notice("Time to stand up", "Stretch backwards.", "critical", key=key,
                  actions=BUTTONS, keys="In lumbar: Enter, s or k.")


def send(notifier: Notifier, notice: Notice) -> Outcome:
    heard: list[Outcome] = []
    done = threading.Event()

    def report(outcome: Outcome) -> None:
        heard.append(outcome)
        done.set()

    notifier.send(notice, report)
    assert done.wait(10), "no outcome"
    return heard[0]


def wait_for(condition, seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


@pytest.fixture
def notifier():
    made = Notifier([FreedesktopChannel(timeout=2.0)])
    yield made
    made.close()


def test_buttons_where_the_server_has_actions(fake_server, notifier) -> None:
    recorder = fake_server(capabilities=("body", "actions"))
    assert send(notifier, due()).ok
    [call] = recorder.calls
    assert call.actions == ["start", "Start the break", "snooze", "Snooze 5 min", "skip", "Skip"]
    assert call.body == "Stretch backwards."  # the buttons say what the keys would
    assert call.hints["urgency"] == 2


def test_no_buttons_the_body_names_the_keys(fake_server, notifier) -> None:
    recorder = fake_server(capabilities=("body",))
    assert send(notifier, due()).ok
    [call] = recorder.calls
    assert call.actions == [] and call.body == "Stretch backwards. In lumbar: Enter, s or k."


@pytest.mark.parametrize("action", ["start", "snooze", "skip"])
def test_each_button_reaches_the_listener_with_its_key(fake_server, notifier, action) -> None:
    recorder = fake_server(capabilities=("body", "actions"))
    pressed: list[tuple[str, str]] = []
    notifier.listen(lambda key, act: pressed.append((key, act)))
    assert send(notifier, due()).ok
    recorder.press(recorder.calls[0].id, action)
    assert wait_for(lambda: pressed == [("break", action)]), pressed


def test_a_press_on_a_notification_not_ours_is_ignored(fake_server, notifier) -> None:
    recorder = fake_server(capabilities=("body", "actions"))
    pressed: list[tuple[str, str]] = []
    notifier.listen(lambda key, act: pressed.append((key, act)))
    assert send(notifier, due()).ok
    recorder.press(999, "skip")
    time.sleep(0.2)
    assert pressed == []


def test_the_same_key_replaces_the_notification_shown(fake_server, notifier) -> None:
    recorder = fake_server()
    for _ in range(5):  # five alarms, one notification on the desktop
        assert send(notifier, Notice("Ice: take it off now", "", "critical", key="care.alarm")).ok
    ids = {c.id for c in recorder.calls}
    assert len(ids) == 1 and [c.replaces_id for c in recorder.calls][1:] == [next(iter(ids))] * 4
    assert len(recorder.shown()) == 1


def test_withdraw_closes_it_and_the_next_one_is_new(fake_server, notifier) -> None:
    recorder = fake_server()
    assert send(notifier, due()).ok
    notifier.withdraw("break")
    assert wait_for(lambda: recorder.closed == [recorder.calls[0].id])
    assert recorder.shown() == []
    assert send(notifier, due()).ok
    assert recorder.calls[1].replaces_id == 0


def test_withdraw_of_nothing_shown_sends_nothing(fake_server, notifier) -> None:
    recorder = fake_server()
    notifier.withdraw("break")
    time.sleep(0.2)
    assert recorder.closed == [] and recorder.calls == []


def test_one_off_notices_never_replace_each_other(fake_server, notifier) -> None:
    recorder = fake_server()
    assert send(notifier, Notice("a")).ok and send(notifier, Notice("b")).ok
    assert [c.replaces_id for c in recorder.calls] == [0, 0]
