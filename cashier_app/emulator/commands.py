"""Where each ESC/POS command ends: shared by the decoder and by the server's real-time scan.

`command_span(data, pos)` returns the index just past the command starting at `data[pos]`
(one of ESC, GS, FS, DLE), or None when `data` ends before the command does. Unknown commands
span their two prefix bytes (the caller flags them); `is_known` tells which ones are known.
"""

from __future__ import annotations

ESC = 0x1B
GS = 0x1D
FS = 0x1C
DLE = 0x10
PREFIXES = frozenset((ESC, GS, FS, DLE))
PREFIX_NAMES = {ESC: "ESC", GS: "GS", FS: "FS", DLE: "DLE"}

# Commands with a fixed number of parameter bytes after the two command bytes.
_FIXED: dict[int, dict[int, int]] = {
    ESC: {
        ord("@"): 0, ord("!"): 1, ord("E"): 1, ord("-"): 1, ord("a"): 1, ord("d"): 1, ord("t"): 1,
        ord("p"): 3, ord("M"): 1, ord("G"): 1, ord("2"): 0, ord("3"): 1, ord("J"): 1, ord(" "): 1,
        ord("$"): 2, ord("\\"): 2, ord("B"): 2, ord("c"): 2, ord("V"): 1, ord("{"): 1, ord("r"): 1,
        ord("R"): 1, ord("="): 1, ord("U"): 1, ord("K"): 1, ord("e"): 1, ord("i"): 0, ord("m"): 0,
        ord("S"): 0, ord("L"): 0, ord("T"): 1, ord("W"): 8, ord("A"): 1, ord("+"): 1, ord("%"): 1,
        ord("?"): 1, ord("u"): 1, ord("v"): 0, ord("<"): 0, ord("f"): 2,
    },
    GS: {
        ord("!"): 1, ord("a"): 1, ord("B"): 1, ord("b"): 1, ord("H"): 1, ord("h"): 1, ord("w"): 1,
        ord("f"): 1, ord("L"): 2, ord("W"): 2, ord("P"): 2, ord("$"): 2, ord("\\"): 2, ord("I"): 1,
        ord("r"): 1, ord("|"): 1, ord("T"): 1, ord(":"): 0, ord("^"): 3, ord("/"): 1, ord("E"): 1,
        ord("j"): 1,
    },
    FS: {
        ord("&"): 0, ord("."): 0, ord("!"): 1, ord("-"): 1, ord("C"): 1, ord("S"): 2, ord("W"): 1,
        ord("p"): 2, ord("?"): 2, ord("^"): 0, ord("r"): 1,
    },
}

_GS_V_WITH_FEED = frozenset((65, 66, 97, 98, 103, 104))

Buf = bytes | bytearray


def _need(data: Buf, end: int) -> int | None:
    return end if end <= len(data) else None


def _u16(data: Buf, pos: int) -> int:
    return data[pos] | (data[pos + 1] << 8)


def command_span(data: Buf, pos: int) -> int | None:
    """Index past the command at `data[pos]`, or None if the data ends inside it."""
    prefix = data[pos]
    if pos + 1 >= len(data):
        return None
    code = data[pos + 1]
    if prefix == DLE:
        return _dle_span(data, pos, code)
    fixed = _FIXED.get(prefix, {}).get(code)
    if fixed is not None:
        return _need(data, pos + 2 + fixed)
    if prefix == ESC:
        return _esc_span(data, pos, code)
    if prefix == GS:
        return _gs_span(data, pos, code)
    return _fs_span(data, pos, code)


def is_known(data: Buf, pos: int) -> bool:
    """Whether the (complete) command at `pos` is one the printer knows."""
    prefix, code = data[pos], data[pos + 1]
    if prefix == DLE:
        return code in (0x04, 0x05, 0x14)
    if code in _FIXED.get(prefix, {}):
        return True
    known = {
        ESC: {ord("*"), ord("D"), ord("&"), ord("(")},
        GS: {ord("V"), ord("v"), ord("k"), ord("("), ord("8"), ord("*")},
        FS: {ord("q"), ord("2"), ord("(")},
    }
    if code not in known.get(prefix, set()):
        return False
    if prefix == GS and code == ord("v"):
        return len(data) > pos + 2 and data[pos + 2] == ord("0")
    if prefix == GS and code == ord("8"):
        return len(data) > pos + 2 and data[pos + 2] == ord("L")
    return True


def _dle_span(data: Buf, pos: int, code: int) -> int | None:
    if code == 0x04:  # DLE EOT n (n = 7, 8, 18 take one more byte)
        if pos + 2 >= len(data):
            return None
        return _need(data, pos + 4 if data[pos + 2] in (7, 8, 18) else pos + 3)
    if code == 0x05:  # DLE ENQ n
        return _need(data, pos + 3)
    if code == 0x14:  # DLE DC4 fn ...
        if pos + 2 >= len(data):
            return None
        extra = {1: 2, 2: 2, 7: 1, 8: 7}.get(data[pos + 2], 0)
        return _need(data, pos + 3 + extra)
    return pos + 2


def _esc_span(data: Buf, pos: int, code: int) -> int | None:
    if code == ord("*"):  # ESC * m nL nH d1..dk
        if pos + 5 > len(data):
            return None
        m, n = data[pos + 2], _u16(data, pos + 3)
        return _need(data, pos + 5 + (3 * n if m in (32, 33) else n))
    if code == ord("D"):  # ESC D n1..nk NUL
        end = data.find(b"\x00", pos + 2, pos + 2 + 33)
        if end < 0:
            return None if len(data) < pos + 2 + 33 else pos + 2 + 33
        return end + 1
    if code == ord("&"):  # ESC & y c1 c2 [x d1..d(y*x)]...
        if pos + 5 > len(data):
            return None
        y, c1, c2 = data[pos + 2], data[pos + 3], data[pos + 4]
        cursor = pos + 5
        for _ in range(max(0, c2 - c1 + 1)):
            if cursor >= len(data):
                return None
            cursor += 1 + y * data[cursor]
        return _need(data, cursor)
    if code == ord("("):  # ESC ( fn pL pH ...
        if pos + 5 > len(data):
            return None
        return _need(data, pos + 5 + _u16(data, pos + 3))
    return pos + 2


def _gs_span(data: Buf, pos: int, code: int) -> int | None:  # noqa: C901, PLR0912 - one case per GS command of specs/escpos.md, each with its own length rule
    if code == ord("V"):  # GS V m  |  GS V m n
        if pos + 2 >= len(data):
            return None
        return _need(data, pos + 4 if data[pos + 2] in _GS_V_WITH_FEED else pos + 3)
    if code == ord("v"):  # GS v 0 m xL xH yL yH d1..dk
        if pos + 8 > len(data):
            return None
        if data[pos + 2] != ord("0"):
            return pos + 2
        return _need(data, pos + 8 + _u16(data, pos + 4) * _u16(data, pos + 6))
    if code == ord("k"):  # GS k m d1..dk NUL  |  GS k m n d1..dn
        if pos + 3 >= len(data):
            return None
        m = data[pos + 2]
        if m <= 6:
            end = data.find(b"\x00", pos + 3)
            return None if end < 0 else end + 1
        return _need(data, pos + 4 + data[pos + 3])
    if code == ord("("):  # GS ( fn pL pH ...
        if pos + 5 > len(data):
            return None
        return _need(data, pos + 5 + _u16(data, pos + 3))
    if code == ord("8"):  # GS 8 L p1 p2 p3 p4 ...
        if pos + 7 > len(data):
            return None
        if data[pos + 2] != ord("L"):
            return pos + 2
        length = int.from_bytes(data[pos + 3:pos + 7], "little")
        return _need(data, pos + 7 + length)
    if code == ord("*"):  # GS * x y d1..d(x*y*8)
        if pos + 4 > len(data):
            return None
        return _need(data, pos + 4 + data[pos + 2] * data[pos + 3] * 8)
    return pos + 2


def _fs_span(data: Buf, pos: int, code: int) -> int | None:
    if code == ord("q"):  # FS q n [xL xH yL yH d1..dk]1..n
        if pos + 3 > len(data):
            return None
        cursor = pos + 3
        for _ in range(data[pos + 2]):
            if cursor + 4 > len(data):
                return None
            cursor += 4 + _u16(data, cursor) * _u16(data, cursor + 2) * 8
        return _need(data, cursor)
    if code == ord("2"):  # FS 2 c1 c2 d1..d72
        return _need(data, pos + 4 + 72)
    if code == ord("("):  # FS ( fn pL pH ...
        if pos + 5 > len(data):
            return None
        return _need(data, pos + 5 + _u16(data, pos + 3))
    return pos + 2


def command_name(data: Buf, pos: int) -> str:
    """A readable name: "ESC @", "GS ( k", "DLE EOT", "ESC 0x7f"."""
    prefix, code = data[pos], data[pos + 1] if pos + 1 < len(data) else None
    name = PREFIX_NAMES.get(prefix, f"0x{prefix:02x}")
    if code is None:
        return name
    if prefix == DLE:
        return {0x04: "DLE EOT", 0x05: "DLE ENQ", 0x14: "DLE DC4"}.get(code, f"DLE 0x{code:02x}")
    char = chr(code) if 0x21 <= code <= 0x7E else ("SP" if code == 0x20 else f"0x{code:02x}")
    out = f"{name} {char}"
    has_function = (prefix in (GS, FS, ESC) and code == ord("(")) or (prefix == GS and code in (ord("v"), ord("8")))
    if has_function and pos + 2 < len(data) and 0x21 <= data[pos + 2] <= 0x7E:
        out += f" {chr(data[pos + 2])}"
    return out
