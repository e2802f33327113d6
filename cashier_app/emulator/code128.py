"""CODE128 as ESC/POS sends it (`GS k 73 n {B...`): code-set switches, symbol values, bar widths.

ESC/POS data starts with a code-set selection (`{A`, `{B`, `{C`); `{S` shifts one character,
`{1`..`{4` are FNC1..FNC4 and `{{` is a literal brace. In code set C each data byte is a value
0..99 (not two ASCII digits).
"""

from __future__ import annotations

# Bar/space widths of the 107 symbols (value -> "bsbsbs"), the last one being STOP.
PATTERNS: tuple[str, ...] = (
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
    "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
    "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
    "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
    "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
    "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
    "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
    "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
)
START = {"A": 103, "B": 104, "C": 105}
STOP = 106
_SWITCH = {"A": 101, "B": 100, "C": 99}  # value of "code X" seen from another set
_FNC = {"1": 102, "2": 97, "3": 96}
_SHIFT = 98


class Code128Error(ValueError):
    pass


def _value(code_set: str, byte: int) -> int:
    if code_set == "C":
        if byte > 99:
            raise Code128Error(f"byte {byte} is not a code set C value (0..99)")
        return byte
    if code_set == "A":
        if 32 <= byte <= 95:
            return byte - 32
        if byte < 32:
            return byte + 64
        raise Code128Error(f"byte {byte:#04x} is not in code set A")
    if 32 <= byte <= 127:
        return byte - 32
    raise Code128Error(f"byte {byte:#04x} is not in code set B")


def symbol_values(data: bytes) -> list[int]:
    """Start, data and check values (without STOP) for ESC/POS CODE128 data."""
    if len(data) < 2 or data[0] != ord("{") or chr(data[1]) not in START:
        raise Code128Error("CODE128 data must start with a code set selection ({A, {B or {C)")
    code_set = chr(data[1])
    values = [START[code_set]]
    i = 2
    while i < len(data):
        byte = data[i]
        if byte == ord("{") and i + 1 < len(data):
            nxt = chr(data[i + 1])
            i += 2
            if nxt in _SWITCH:
                if nxt != code_set:
                    values.append(_SWITCH[nxt])
                    code_set = nxt
            elif nxt in _FNC:
                values.append(_FNC[nxt])
            elif nxt == "4":
                values.append(101 if code_set == "A" else 100)
            elif nxt == "S":
                if i >= len(data) or code_set == "C":
                    raise Code128Error("{S must be followed by a character and is not allowed in code set C")
                values.append(_SHIFT)
                values.append(_value("B" if code_set == "A" else "A", data[i]))
                i += 1
            elif nxt == "{":
                values.append(_value(code_set, byte))
            else:
                raise Code128Error(f"unknown CODE128 escape {{{nxt}")
            continue
        values.append(_value(code_set, byte))
        i += 1
    checksum = (values[0] + sum(pos * value for pos, value in enumerate(values[1:], start=1))) % 103
    values.append(checksum)
    return values


def modules(data: bytes) -> list[tuple[bool, int]]:
    """The symbol as (is_bar, width in modules) pairs, quiet zones not included."""
    out: list[tuple[bool, int]] = []
    for value in [*symbol_values(data), STOP]:
        for index, width in enumerate(PATTERNS[value]):
            out.append((index % 2 == 0, int(width)))
    return out


def human_readable(data: bytes) -> str:
    """The text printed under the bars: the data without code-set switches and FNC codes."""
    out: list[str] = []
    code_set = "B"
    i = 0
    while i < len(data):
        byte = data[i]
        if byte == ord("{") and i + 1 < len(data):
            nxt = chr(data[i + 1])
            i += 2
            if nxt in START:
                code_set = nxt
            elif nxt == "{":
                out.append("{")
            elif nxt == "S" and i < len(data):
                out.append(chr(data[i]) if data[i] >= 32 else " ")
                i += 1
            continue
        if code_set == "C":
            out.append(f"{byte:02d}" if byte <= 99 else "?")
        else:
            out.append(chr(byte) if 32 <= byte < 127 else " ")
        i += 1
    return "".join(out)
