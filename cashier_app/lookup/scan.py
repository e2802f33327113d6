"""Reading an order number from what the cashier typed or a barcode scanner sent.

What is accepted, in this order:

1. Anything in full-width forms (０-９, Ａ-Ｚ, the ideographic space) is read as ASCII first.
   Control characters a scanner sends around its data (STX/ETX, CR/LF, TAB, zero-width marks,
   a BOM) count as spaces, and an AIM symbology identifier at the start (``]C0``, ``]Q1``,
   ``]E0`` ...) is dropped.
2. A QR payload naming the number:
   - a URL or query string: ``https://pay.example.com/v?out_trade_no=2026112200012345&sign=..``
     (the fragment is read too);
   - a JSON object: ``{"out_trade_no": "2026112200012345"}``;
   - ``key=value`` or ``key: value`` text.
   Merchant keys: out_trade_no, out_order_no, merchant_order_no, mch_order_no, order_no
   (any case, ``_``/``-`` optional: ``outTradeNo``). Third-party keys: channel_trade_no,
   transaction_id, trade_no. A named merchant number wins over a named third-party one.
3. A labelled line as printed on a receipt or read off a voucher: ``商户订单号：2026...``,
   ``商户单号``, ``平台订单号``, ``订单号`` (merchant); ``第三方订单号``, ``交易单号``,
   ``微信支付单号``, ``支付宝交易号``, ``交易号`` (third party).
4. The number alone: spaces between groups of digits are removed and a scanner's start/stop marks
   around it (``*2026...*``, ``#...#``, ``<...>``, ``[...]``, quotes) are dropped.
5. Failing all that, the one run of 10 or more digits in the text (``NO.2026112200012345;``).
   Two such runs are ambiguous and refused.

A number is shaped as domain/order_numbers.py `is_order_number` says (6-64 characters of
``A-Z a-z 0-9 _ -``, the command line's rule too).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import parse_qsl, urlsplit

from cashier_app.domain.numbers import fullwidth_to_ascii
from cashier_app.domain.order_numbers import NUMBER_LENGTH, NumberKind, is_order_number

_AIM_IDENTIFIER = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_DIGIT_RUN = re.compile(rf"(?<![0-9])[0-9]{{10,{NUMBER_LENGTH[1]}}}(?![0-9])")
# Marks a scanner or a label printer puts around the data (Code 39's start/stop is "*").
_WRAPPERS = "*#<>[](){}'\"`|;,.:"

_MERCHANT_KEYS = frozenset({"outtradeno", "outorderno", "merchantorderno", "mchorderno", "orderno"})
_CHANNEL_KEYS = frozenset({"channeltradeno", "transactionid", "tradeno"})

# Longest labels first, so that 第三方订单号 is not read as 订单号.
_LABELS = (
    ("第三方订单号", NumberKind.CHANNEL), ("微信支付单号", NumberKind.CHANNEL), ("支付宝交易号", NumberKind.CHANNEL),
    ("商户订单号", NumberKind.MERCHANT), ("平台订单号", NumberKind.MERCHANT), ("交易单号", NumberKind.CHANNEL),
    ("商户单号", NumberKind.MERCHANT), ("交易号", NumberKind.CHANNEL), ("订单号", NumberKind.MERCHANT),
)
_LABELLED = re.compile(
    "(" + "|".join(re.escape(label) for label, _ in _LABELS) + r")\s*[:：=]?\s*([A-Za-z0-9_\-]+(?: [0-9]+)*)"
)
_KEY_VALUE = re.compile(r"([A-Za-z_\-]{5,24})\s*[:=]\s*\"?([A-Za-z0-9_\-]+)")


class ScanSource(StrEnum):
    """How the number was found in the input (for the log and the tooltip)."""

    TYPED = "typed"  # the number alone
    QUERY = "query"  # a URL or query string parameter
    JSON = "json"  # a JSON object's field
    KEY_VALUE = "key_value"  # key=value / key: value text
    LABEL = "label"  # 商户订单号：... and the like
    DIGITS = "digits"  # the one long run of digits in other text


@dataclass(frozen=True)
class ScannedNumber:
    number: str
    # Which number the payload named; None: guess from the shape.
    kind: NumberKind | None
    source: ScanSource


def clean_scan(raw: str) -> str:
    """Full-width to ASCII, control and format characters to spaces, the AIM identifier dropped."""
    text = fullwidth_to_ascii(raw)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text).strip()
    return _AIM_IDENTIFIER.sub("", text, count=1).strip()


def read_number(raw: str) -> ScannedNumber | None:
    """The order number in `raw`, or None when there is none to be read (see the module doc)."""
    text = clean_scan(raw)
    if not text:
        return None
    return (_from_json(text) or _from_query(text) or _from_key_value(text) or _from_label(text)
            or _alone(text) or _from_digits(text))


def _named(pairs: list[tuple[str, str]], source: ScanSource) -> ScannedNumber | None:
    found: dict[NumberKind, str] = {}
    for key, value in pairs:
        name = key.lower().replace("_", "").replace("-", "")
        number = "".join(fullwidth_to_ascii(str(value)).split())
        if not is_order_number(number):
            continue
        if name in _MERCHANT_KEYS:
            found.setdefault(NumberKind.MERCHANT, number)
        elif name in _CHANNEL_KEYS:
            found.setdefault(NumberKind.CHANNEL, number)
    for kind in (NumberKind.MERCHANT, NumberKind.CHANNEL):
        if kind in found:
            return ScannedNumber(found[kind], kind, source)
    return None


def _from_json(text: str) -> ScannedNumber | None:
    if not text.startswith("{"):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    pairs = [(str(k), str(v)) for k, v in data.items() if isinstance(v, str | int) and not isinstance(v, bool)]
    return _named(pairs, ScanSource.JSON)


def _from_query(text: str) -> ScannedNumber | None:
    if "=" not in text:
        return None
    parts = urlsplit(text) if "://" in text or text.startswith("?") else None
    queries = [parts.query, parts.fragment] if parts is not None else [text.split("?", 1)[-1]]
    pairs: list[tuple[str, str]] = []
    for query in queries:
        # A single-page app keeps its parameters in the fragment: "#/order?out_trade_no=...".
        pairs.extend(parse_qsl(query.rsplit("?", 1)[-1], keep_blank_values=False))
    return _named(pairs, ScanSource.QUERY)


def _from_key_value(text: str) -> ScannedNumber | None:
    return _named(_KEY_VALUE.findall(text), ScanSource.KEY_VALUE)


def _from_label(text: str) -> ScannedNumber | None:
    kinds = dict(_LABELS)
    for match in _LABELLED.finditer(text):
        number = "".join(match.group(2).split())
        if is_order_number(number):
            return ScannedNumber(number, kinds[match.group(1)], ScanSource.LABEL)
    return None


def _alone(text: str) -> ScannedNumber | None:
    groups = text.split()
    if len(groups) > 1 and not all(group.strip(_WRAPPERS).isdigit() for group in groups):
        return None  # words, not a number typed in groups
    number = "".join(groups).strip(_WRAPPERS)
    return ScannedNumber(number, None, ScanSource.TYPED) if is_order_number(number) else None


def _from_digits(text: str) -> ScannedNumber | None:
    runs = _DIGIT_RUN.findall("".join(text.split()) if _DIGIT_RUN.search(text) is None else text)
    if len(runs) != 1:
        return None
    return ScannedNumber(runs[0], None, ScanSource.DIGITS)
