"""The desktop channel on Linux: org.freedesktop.Notifications spoken to with dbus-fast.

desktop-notifier (tui/services/notify/desktop.py, still used on macOS and Windows) always sends
`replaces_id` 0, so a repeated alarm stacks a new notification each time, and it swallows
a failed `Notify` into a log record. The freedesktop protocol itself is four calls, so on
Linux lumbar makes them: `GetCapabilities` (buttons only where the server lists
"actions"), `Notify` with the `replaces_id` of the notice's `key` (one notification per
thing: the break's "due" replaces its heads-up, each ice alarm the one before),
`CloseNotification` when the thing is answered (`withdraw`), and the `ActionInvoked`
signal for a pressed button (`listen`). Errors arrive as exceptions on the call itself.

Same threading as DesktopChannel: one worker thread with its own loop, bounded deliveries,
outcomes and button presses handed back on the caller's loop.
"""

from __future__ import annotations

import asyncio
from typing import Any, Callable

from tui.services.notify.desktop import DesktopChannel, Unavailable
from tui.services.notify.notice import Notice

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
IFACE = NAME

#: A button was pressed: (the notice's key, the action's id), on the listener's loop.
Pressed = Callable[[str, str], None]


class FreedesktopChannel(DesktopChannel):
    """Desktop notifications over the D-Bus session bus, with buttons, replacing, closing.

    Args: as DesktopChannel.
    """

    def __init__(self, app_name: str = "lumbar", **kwargs: Any) -> None:
        super().__init__(app_name, **kwargs)
        self._bus: Any = None  # dbus_fast.aio.MessageBus, made on the worker
        self._caps: frozenset[str] = frozenset()
        self._ids: dict[str, int] = {}
        """The server's id of the notification now shown for each key."""
        self._pressed: Pressed | None = None

    # --- what the notifier calls ---------------------------------------------------------

    def listen(self, pressed: Pressed) -> None:
        """Hear button presses from now on: `pressed(key, action)`, called on the loop that
        called `listen` (or on the worker thread when there was none)."""
        try:
            caller: asyncio.AbstractEventLoop | None = asyncio.get_running_loop()
        except RuntimeError:
            caller = None

        def hand_over(key: str, action: str) -> None:
            if caller is None:
                pressed(key, action)
                return
            try:
                caller.call_soon_threadsafe(pressed, key, action)
            except RuntimeError:  # the caller's loop is gone
                pass

        self._pressed = hand_over

    def withdraw(self, key: str) -> None:
        """Close the notification shown for `key`, if any (it was answered elsewhere)."""
        if key in self._ids:
            self._submit(self._close(key), lambda outcome: None)

    # --- on the worker ---------------------------------------------------------------------

    def _make_notifier(self) -> Any:
        import dbus_fast.aio  # noqa: F401 - an ImportError is this channel's first report

        return None

    async def _connect(self) -> Any:
        bus = self._bus
        if bus is not None and bus.connected:
            return bus
        from dbus_fast import Message
        from dbus_fast.aio import MessageBus

        bus = await MessageBus().connect()
        rule = f"type='signal',interface='{IFACE}',path='{PATH}'"
        await bus.call(Message(destination="org.freedesktop.DBus", path="/org/freedesktop/DBus",
                               interface="org.freedesktop.DBus", member="AddMatch",
                               signature="s", body=[rule]))
        bus.add_message_handler(self._on_message)
        self._bus, self._ids = bus, {}
        caps = await self._call("GetCapabilities")
        self._caps = frozenset(caps[0]) if caps else frozenset()
        return bus

    async def _call(self, member: str, signature: str = "", body: list[Any] | None = None) -> list[Any]:
        from dbus_fast import Message, MessageType
        from dbus_fast.errors import DBusError

        reply = await self._bus.call(Message(destination=NAME, path=PATH, interface=IFACE,
                                             member=member, signature=signature, body=body or []))
        if reply.message_type == MessageType.ERROR:
            text = reply.body[0] if reply.body and isinstance(reply.body[0], str) else ""
            raise DBusError(reply.error_name or "unknown", text)
        return list(reply.body)

    async def _show(self, notice: Notice) -> None:
        if self._serial is None:
            self._serial = asyncio.Lock()
        async with self._serial:
            try:
                await self._connect()
            except BaseException:
                self._bus = None
                raise
            if not self._caps:
                raise Unavailable("the notification server lists no capabilities")
            from dbus_fast import Variant

            buttons = "actions" in self._caps and bool(notice.actions)
            actions = [part for pair in notice.actions for part in pair] if buttons else []
            body = notice.body if buttons else notice.full_body
            urgency = Variant("y", 2 if notice.urgency == "critical" else 1)
            replaces = self._ids.get(notice.key, 0) if notice.key else 0
            [nid] = await self._call("Notify", "susssasa{sv}i", [
                self.app_name, replaces, "", notice.title, body, actions,
                {"urgency": urgency}, -1])
            if notice.key:
                self._ids[notice.key] = int(nid)

    async def _close(self, key: str) -> None:
        if self._serial is None:
            self._serial = asyncio.Lock()
        async with self._serial:
            nid = self._ids.pop(key, None)
            if nid is None or self._bus is None or not self._bus.connected:
                return
            try:
                await asyncio.wait_for(self._call("CloseNotification", "u", [nid]), self.timeout)
            except Exception:  # noqa: BLE001 - already closed by the user, or the server is gone
                pass

    def _on_message(self, message: Any) -> None:
        if message.interface != IFACE or message.path != PATH:
            return
        if message.member == "ActionInvoked" and len(message.body) == 2:
            nid, action = message.body
            key = next((k for k, v in self._ids.items() if v == nid), None)
            if key is not None and self._pressed is not None:
                self._pressed(key, str(action))
        elif message.member == "NotificationClosed" and message.body:
            nid = message.body[0]
            for key in [k for k, v in self._ids.items() if v == nid]:
                del self._ids[key]
