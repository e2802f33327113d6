"""Alipay's trade bill (对账单) as a DailyBill (specs/real-platforms.md §2.6).

The download is a zip of GBK CSVs: the detail (`…_业务明细.csv`, starting `#支付宝业务明细查询`)
and its summary. Lines starting with `#` are notes; long numbers carry a TAB after them (Alipay's
Excel guard); 业务类型 is 交易 or 退款, refunds have negative amounts. The detail's closing note
`#交易合计：N笔…` is checked against the rows, so a file cut short is refused.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date, datetime

from cashier_app.domain.bill import BillEntry, BillEntryKind, DailyBill
from cashier_app.domain.money import fen_from_yuan
from cashier_app.domain.timezones import CHINA_TZ

DETAIL_MARK = "#支付宝业务明细查询"
TRADE_NO, OUT_TRADE_NO, KIND = "支付宝交易号", "商户订单号", "业务类型"
FINISHED, CREATED, AMOUNT = "完成时间", "创建时间", "订单金额（元）"
KINDS = {"交易": BillEntryKind.PAYMENT, "退款": BillEntryKind.REFUND}
_TOTAL = re.compile(r"^#交易合计：(\d+)笔")
_REFUNDS = re.compile(r"^#退款合计：(\d+)笔")


class BillFormatError(ValueError):
    """A bill that cannot be read. The message names the file and line."""


def detail_csv(archive: bytes) -> str:
    """The detail CSV's text from the downloaded zip (names may be GBK without the UTF-8 flag)."""
    try:
        with zipfile.ZipFile(io.BytesIO(archive)) as zf:
            for info in zf.infolist():
                if info.file_size > 200_000_000:
                    raise BillFormatError(f"{info.filename}: {info.file_size} bytes is too large")
                text = _decode(zf.read(info))
                if text.lstrip("\ufeff").startswith(DETAIL_MARK):
                    return text
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise BillFormatError(f"not a readable zip file: {exc}") from None
    raise BillFormatError(f"no file in the zip starts with {DETAIL_MARK}")


def _decode(data: bytes) -> str:
    for encoding in ("gb18030", "utf-8-sig"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BillFormatError("the bill is neither GBK nor UTF-8 text")


def parse_trade_bill(text: str, day: date, *, digest: str = "") -> DailyBill:  # noqa: C901, PLR0912 - one pass over the bill's lines: header, rows and summary in the file's order
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header: list[str] | None = None
    columns: dict[str, int] = {}
    entries: list[BillEntry] = []
    summary: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            trades_note, refunds_note = _TOTAL.match(line), _REFUNDS.match(line)
            if trades_note:
                summary["交易合计笔数"] = trades_note.group(1)
            if refunds_note:
                summary["退款合计笔数"] = refunds_note.group(1)
            continue
        row = [field.strip() for field in next(csv.reader([line]))]
        if header is None:
            header = row
            columns = {name: i for i, name in enumerate(header)}
            for name in (TRADE_NO, OUT_TRADE_NO, KIND, AMOUNT):
                if name not in columns:
                    raise BillFormatError(f"line {number}: no column {name}")
            continue
        if len(row) < len(header):
            raise BillFormatError(f"line {number}: {len(row)} fields, the header has {len(header)}")
        get = {name: row[i] for name, i in columns.items()}
        kind = KINDS.get(get[KIND])
        if kind is None:
            continue  # other business types (e.g. 分账) move no money of a sale
        when = get.get(FINISHED) or get.get(CREATED, "")
        try:
            at = datetime.strptime(when, "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA_TZ)
            amount = abs(fen_from_yuan(get[AMOUNT]))
        except ValueError as exc:
            raise BillFormatError(f"line {number}: {exc}") from None
        entries.append(BillEntry(
            kind=kind, out_trade_no=get[OUT_TRADE_NO], channel_trade_no=get[TRADE_NO] or None, at=at, amount=amount,
            channel="ALIPAY", device=get.get("终端号", ""), store=get.get("门店编号", ""),
            refund_no=get.get("退款批次号/请求号", "")))
    if header is None:
        raise BillFormatError("the bill has no header line")
    if "交易合计笔数" not in summary:
        raise BillFormatError("the bill ends without its #交易合计 note (cut short?)")
    payments = sum(1 for e in entries if e.kind is BillEntryKind.PAYMENT)
    if int(summary["交易合计笔数"]) != payments:
        raise BillFormatError(f"#交易合计 counts {summary['交易合计笔数']} trades, the bill has {payments} "
                              "(cut short?)")
    refunds = sum(1 for e in entries if e.kind is BillEntryKind.REFUND)
    if "退款合计笔数" in summary and int(summary["退款合计笔数"]) != refunds:
        raise BillFormatError(f"#退款合计 counts {summary['退款合计笔数']} refunds, the bill has {refunds}")
    return DailyBill(day, "alipay", tuple(entries), digest, summary)
