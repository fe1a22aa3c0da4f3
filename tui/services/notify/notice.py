"""What a notification says, and what a channel reports back after trying to show it."""

from __future__ import annotations

from typing import Callable, Literal, Protocol

from tui.engine.frozen import frozen

Urgency = Literal["normal", "critical"]


@frozen
class Notice:
    """One notification: a short title, a body line, and how urgent it is.

    `critical` asks desktop servers to keep it on screen until dismissed (the
    freedesktop spec's urgency 2); the terminal channels have no such notion except
    kitty's OSC 99, which carries it too.
    """

    title: str
    body: str = ""
    urgency: Urgency = "normal"
    key: str | None = None
    """What the notice is about ("break", "care.alarm"): a later notice with the same key
    replaces it on desktops that can, and `Notifier.withdraw(key)` closes it. None: a
    one-off notice."""
    actions: tuple[tuple[str, str], ...] = ()
    """Buttons as (action id, label), shown where the desktop supports actions; a press
    reaches `Notifier.listen`'s callback as (key, action id)."""
    keys: str = ""
    """What to press instead, appended to the body where there are no buttons."""

    @property
    def full_body(self) -> str:
        """The body with `keys`: what a notification without buttons says."""
        return f"{self.body} {self.keys}".strip() if self.keys else self.body

    def __post_init__(self) -> None:
        if self.urgency not in ("normal", "critical"):
            raise ValueError(f"urgency must be 'normal' or 'critical', not {self.urgency!r}")


@frozen
class Outcome:
    """What one channel did with one notice.

    `label` names the channel for people ("desktop notification", "bell"); `detail`
    says why it failed, or qualifies a success ("sent; shown only if ...").
    """

    channel: str
    label: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        """One line for a person: `label: worked` or `label: failed (why)`."""
        if self.ok:
            return f"{self.label}: worked" + (f" ({self.detail})" if self.detail else "")
        return f"{self.label}: failed ({self.detail or 'no reason given'})"


Report = Callable[[Outcome], None]


class Channel(Protocol):
    """A way to reach the person. `send` returns at once and calls `report` exactly
    once, possibly later and from another thread (see DesktopChannel)."""

    name: str
    label: str

    def send(self, notice: Notice, report: Report) -> None: ...

    def close(self) -> None: ...
