"""Idle, lock and sleep news from systemd-logind over D-Bus, for natural breaks and suspends.

On the system bus, `org.freedesktop.login1.Manager` sends `PrepareForSleep(true)` just
before a suspend and `PrepareForSleep(false)` on waking, and each session object carries
`IdleHint`, `IdleSinceHintMonotonic` and `LockedHint`, announced through
PropertiesChanged (org.freedesktop.login1(5)). The caller's session is found by
`$XDG_SESSION_ID`, else by its pid, else (a user service such as the headless scheduler
belongs to no session) as the user's display session (`User.Display`).

Without a system bus, without logind or without permission, `start` returns False and
nothing else happens: natural breaks are skipped quietly (README). dbus-fast is the D-Bus
library desktop-notifier already uses. No Textual.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from typing import Any

from tui.services.clocks import boottime, monotonic

NAME = "org.freedesktop.login1"
PATH = "/org/freedesktop/login1"
MANAGER = "org.freedesktop.login1.Manager"
SESSION = "org.freedesktop.login1.Session"
USER = "org.freedesktop.login1.User"
#: How long start() waits for the bus and logind's answers (seconds); a live system
#: bus answers in a few milliseconds.
TIMEOUT = 3.0
WATCHED = ("IdleHint", "IdleSinceHintMonotonic", "LockedHint")


class Logind:
    """Idle, lock and sleep news from systemd-logind over D-Bus; quietly nothing without it.

    Args:
        clock: the real clock (suspend included); moments are reported on it.
        mono: the CLOCK_MONOTONIC reading, to place logind's IdleSinceHintMonotonic.
    """

    def __init__(self, clock: Callable[[], float] = boottime,
                 mono: Callable[[], float] = monotonic) -> None:
        self._clock, self._mono = clock, mono
        self._bus: Any = None
        self._on_idle: Callable[[bool, float], None] | None = None
        self._away = False
        self._idle = self._locked = False
        self._idle_since = 0
        self.session: str | None = None
        """The D-Bus path of the session watched, once found."""

    async def start(self, on_idle: Callable[[bool, float], None],
                    on_sleep: Callable[[bool, float], None]) -> bool:
        """Listen; True when logind answered.

        on_idle(idle_or_locked, since_real) comes on each change of "away" (idle or locked),
        since_real being when it began (real clock); on_sleep(going_to_sleep, at_real) on
        each PrepareForSleep. Both are called on the caller's loop. False (and nothing
        else happens) with no system bus, no logind, or no permission.
        """
        try:
            from dbus_fast import BusType
            from dbus_fast.aio import MessageBus
        except ImportError:
            return False
        self._on_idle = on_idle
        try:
            self._bus = await asyncio.wait_for(MessageBus(bus_type=BusType.SYSTEM).connect(), TIMEOUT)
            manager = await self._interface(PATH, MANAGER)

            def sleep(going: bool) -> None:
                on_sleep(bool(going), self._clock())

            manager.on_prepare_for_sleep(sleep)
            self.session = await asyncio.wait_for(self._find_session(manager), TIMEOUT)
            if self.session is not None:
                props = await self._interface(self.session, "org.freedesktop.DBus.Properties")
                props.on_properties_changed(self._changed)
                now = await asyncio.wait_for(props.call_get_all(SESSION), TIMEOUT)
                self._update({k: v.value for k, v in now.items() if k in WATCHED}, initial=True)
        except Exception:  # noqa: BLE001 - no bus, no logind, no permission: quietly nothing
            self.close()
            return False
        return True

    def close(self) -> None:
        bus, self._bus = self._bus, None
        if bus is not None:
            try:
                bus.disconnect()
            except Exception:  # noqa: BLE001
                pass

    # --- inside -------------------------------------------------------------------------

    async def _interface(self, path: str, name: str) -> Any:
        node = await asyncio.wait_for(self._bus.introspect(NAME, path), TIMEOUT)
        return self._bus.get_proxy_object(NAME, path, node).get_interface(name)

    async def _find_session(self, manager: Any) -> str | None:
        from dbus_fast.errors import DBusError

        sid = os.environ.get("XDG_SESSION_ID")
        try:
            if sid:
                return str(await manager.call_get_session(sid))
        except DBusError:
            pass
        try:
            return str(await manager.call_get_session_by_pid(os.getpid()))
        except DBusError:
            pass
        try:
            user = await manager.call_get_user(os.getuid())
            props = await self._interface(str(user), "org.freedesktop.DBus.Properties")
            display = await props.call_get(USER, "Display")
            path = str(display.value[1])
            return None if path in ("", "/") else path
        except (DBusError, AttributeError, IndexError, TypeError):
            return None

    def _changed(self, interface: str, changed: dict[str, Any], invalidated: list[str]) -> None:
        if interface != SESSION:
            return
        self._update({k: v.value for k, v in changed.items() if k in WATCHED})

    def _update(self, values: dict[str, Any], initial: bool = False) -> None:
        self._idle = bool(values.get("IdleHint", self._idle))
        self._locked = bool(values.get("LockedHint", self._locked))
        if "IdleSinceHintMonotonic" in values:
            self._idle_since = int(values["IdleSinceHintMonotonic"] or 0)
        away = self._idle or self._locked
        if away == self._away or self._on_idle is None:
            return
        self._away = away
        now = self._clock()
        since = now
        if away and self._idle and self._idle_since > 0:
            # logind's stamp is CLOCK_MONOTONIC microseconds; place it on the real clock.
            since = min(now, self._idle_since / 1e6 + (now - self._mono()))
        self._on_idle(away, since)
