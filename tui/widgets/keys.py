"""Extra keys for the same bindings: the numeric keypad, and letters on non-Latin layouts.

A binding names the key people know ("n", "enter"); `keys()` adds what other keyboards
send for the same key, so the key bar and help still show one key per action.

Layouts: a terminal reports the character typed, so on a Cyrillic layout the physical N
key arrives as "т". Cyrillic (ЙЦУКЕН: Russian, Ukrainian, Belarusian) and Greek are mapped:
both are the everyday layouts of large groups of terminal users whose letters differ on
every key lumbar uses. Hebrew and Arabic are not: Hebrew puts "/" and "'" on the Q and W
keys, and Arabic layouts differ between countries, so one table would be wrong for many;
their users keep the Latin letters, and every action also has a key that is the same on
every layout (space, Enter, arrows, + and -, F1, Esc) or on the keypad.
"""

from __future__ import annotations

#: Keypad keys under the names terminals give them. Inside tmux keypad Enter arrives as
#: ctrl+j; with the kitty keyboard protocol the operators arrive as add, subtract, divide,
#: multiply and decimal, and with Num Lock off the digits as arrows, insert, delete and
#: kp_begin (Textual 8's names, `textual._keyboard_protocol`).
KEYPAD: dict[str, tuple[str, ...]] = {
    "enter": ("ctrl+j",),
    "plus": ("add",),
    "minus": ("subtract",),
    "slash": ("divide",),
    "asterisk": ("multiply",),
    "full_stop": ("decimal", "delete"),
    "0": ("insert",),
    # Not "2": ("down",): keypad 2 with Num Lock off is the down arrow, and an arrow key
    # must not make an exercise easier for good.
    "4": ("left",),
    "5": ("kp_begin",),
    "6": ("right",),
}

#: The character typed on the physical key of each Latin letter lumbar uses, per layout:
#: (Russian and Belarusian ЙЦУКЕН, Ukrainian where it differs, Greek).
LAYOUTS: dict[str, tuple[str, ...]] = {
    "a": ("ф", "α"),
    # Not Belarusian "і" for b: that layout has it on the B key, but Ukrainian has it on S.
    "b": ("и", "β"),
    "c": ("с", "ψ"),
    "e": ("у", "ε"),
    "h": ("р", "η"),
    "i": ("ш", "ι"),
    "j": ("о", "ξ"),
    "k": ("л", "κ"),
    "m": ("ь", "μ"),
    "n": ("т", "ν"),
    "p": ("з", "π"),
    "q": ("й", "semicolon"),  # Greek has ";" on the Q key
    "r": ("к", "ρ"),
    "s": ("ы", "і", "σ"),  # "і" is Ukrainian and Belarusian
    "t": ("е", "τ"),
    "u": ("г", "θ"),
    "v": ("м", "ω"),
    "x": ("ч", "χ"),
    "y": ("н", "υ"),
}


_SHOWN: dict[str, tuple[str, ...]] = {}
"""For each key list `keys()` made, the keys to show in help: the names it was given."""


def keys(*names: str, pad: tuple[str, ...] = ()) -> str:
    """The comma-separated key list for a `Binding`.

    Args:
        names: the keys help shows, in order ("n", "right").
        pad: keypad keys for the same action that have no twin in `names` ("6").

    Returns:
        `names`, then `pad`, then each one's twins from `KEYPAD` and `LAYOUTS`, then the
        capitals of the letters: `keys("n", "right", pad=("6",))` is "n,right,6,т,ν,N,Т,Ν".
    """
    result: list[str] = []
    for name in (*names, *pad):
        if name not in result:
            result.append(name)
    for name in (*names, *pad):
        for twin in (*KEYPAD.get(name, ()), *LAYOUTS.get(name, ())):
            if twin not in result:
                result.append(twin)
    # With Caps Lock on (or shift held) a letter arrives as its capital.
    result += [k.upper() for k in result if len(k) == 1 and k.isalpha() and k.upper() not in result]
    joined = ",".join(result)
    _SHOWN[joined] = names
    _forget()
    return joined


def shown_keys(key: str) -> tuple[str, ...]:
    """The keys of a binding's key list that help shows (those without a twin's role)."""
    return _SHOWN.get(key) or tuple(key.split(","))


_sets: tuple[frozenset[str], frozenset[str]] | None = None
"""(every key help shows, every key of every list), made again after `keys()` is called."""


def _forget() -> None:
    global _sets
    _sets = None


def is_extra(key: str) -> bool:
    """Whether a single key is only another keyboard's way to a key help already shows."""
    global _sets
    if _sets is None:  # key lists are made as classes are defined, not as keys are shown
        _sets = (frozenset(name for names in _SHOWN.values() for name in names),
                 frozenset(k for ks in _SHOWN for k in ks.split(",")))
    shown, listed = _sets
    return key not in shown and key in listed
