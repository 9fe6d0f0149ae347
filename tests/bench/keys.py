"""The bytes a terminal (an xterm, as PuTTY and tmux emulate it) sends for a key."""

from __future__ import annotations

#: Named keys, as an xterm sends them. Anything else in a `str` key is typed literally.
KEYS: dict[str, bytes] = {
    "enter": b"\r",
    "escape": b"\x1b",
    "tab": b"\t",
    "backspace": b"\x7f",
    "space": b" ",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "pageup": b"\x1b[5~",
    "pagedown": b"\x1b[6~",
    "f1": b"\x1bOP",
    "f2": b"\x1bOQ",
    "f3": b"\x1bOR",
    "f4": b"\x1bOS",
    "f5": b"\x1b[15~",
    "f6": b"\x1b[17~",
    "f7": b"\x1b[18~",
    "f8": b"\x1b[19~",
    "f9": b"\x1b[20~",
    "f10": b"\x1b[21~",
}


def key_bytes(key: str | bytes) -> bytes:
    """The bytes a terminal sends for `key`: a name in `KEYS`, `ctrl+<letter>`, or text."""
    if isinstance(key, bytes):
        return key
    name = key.lower()
    if name in KEYS:
        return KEYS[name]
    if name.startswith("ctrl+") and len(name) == 6 and name[5].isalpha():
        return bytes([ord(name[5]) & 0x1F])
    return key.encode()
