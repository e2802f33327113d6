"""The receipt store over a real journal file: what the intake writes and the UI, the technician
and reconciliation read back."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from cashier_app.domain.local_time import local_day_bounds, store_zone
from cashier_app.domain.receipt import Channel, Receipt, ReceiptKind
from cashier_app.journal.db import Journal
from cashier_app.journal.receipts import FileOutcome, ReceiptStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ReceiptStore]:
    journal = Journal(tmp_path / "journal.sqlite3")
    yield ReceiptStore(journal)
    journal.close()


def a_receipt(out_trade_no: str | None = "202611220001", *, kind: ReceiptKind = ReceiptKind.SALE) -> Receipt:
    return Receipt(
        encoding="gb18030",
        kind=kind,
        channel=Channel.WECHAT,
        out_trade_no=out_trade_no,
        channel_trade_no="4200001234202611221234567890",
        amount=1250,
        paid_at="2026-11-22T10:31:05+08:00",
        merchant_no="M100001",
        terminal_no="T0001",
        operator="01",
        reference_no=None,
        lines=("     微信支付", "商户订单号：202611220001", "", "实付金额：RMB 12.50"),
        template="wechat-default",
    )


def add(
    store: ReceiptStore,
    data: bytes,
    *,
    seen_at: str,
    receipt: Receipt | None = None,
    path: str = "/till/print.txt",
    outcome: FileOutcome = FileOutcome.RECEIPT,
    reason: str | None = None,
) -> int:
    version = store.add_file_version(
        path=path,
        seen_at=seen_at,
        mtime_ns=123,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        content=data,
        outcome=outcome,
        refusal_reason=reason,
    )
    if receipt is not None:
        return store.add_receipt(version, receipt, created_at=seen_at).id
    return version


def test_a_receipt_comes_back_as_it_went_in(store: ReceiptStore) -> None:
    receipt = a_receipt()
    receipt_id = add(store, b"bytes", seen_at="2026-11-22T02:31:06.000000+00:00", receipt=receipt)
    record = store.get(receipt_id)
    assert record is not None
    assert record.receipt == receipt
    assert record.receipt.lines == receipt.lines
    assert record.receipt.template == "wechat-default"
    assert record.created_at == "2026-11-22T02:31:06.000000+00:00"
    assert (record.path, record.training) == ("/till/print.txt", False)
    assert store.get(receipt_id + 1) is None


def test_many_receipts_by_id_in_chunks(store: ReceiptStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from cashier_app.journal import receipts

    monkeypatch.setattr(receipts, "_CHUNK", 2)  # five ids: three statements
    ids = [add(store, f"m{n}".encode(), seen_at=f"2026-11-22T0{n}:00:00.000000+00:00", receipt=a_receipt(f"M{n}"))
           for n in range(1, 6)]
    found = store.get_many([*reversed(ids), ids[0], ids[-1] + 10])
    assert sorted(found) == ids  # each once; an id not in the journal left out
    assert [found[i].receipt.out_trade_no for i in ids] == [f"M{n}" for n in range(1, 6)]
    assert found[ids[2]] == store.get(ids[2])
    assert store.get_many([]) == {}


def test_receipts_between_is_half_open_and_oldest_first(store: ReceiptStore) -> None:
    ids = [
        add(store, f"r{n}".encode(), seen_at=f"2026-11-22T0{n}:00:00.000000+00:00", receipt=a_receipt(f"N{n}"))
        for n in range(1, 5)
    ]
    start = datetime(2026, 11, 22, 2, tzinfo=UTC)
    end = datetime(2026, 11, 22, 12, 0, tzinfo=timezone(timedelta(hours=8)))  # 04:00 UTC
    assert [r.id for r in store.receipts_between(start, end)] == ids[1:3]
    with pytest.raises(ValueError, match="time zone"):
        store.receipts_between(datetime(2026, 11, 22), end)


def test_receipts_today_follow_the_stores_local_day(store: ReceiptStore) -> None:
    # 2026-11-22 in +08:00 is 2026-11-21T16:00Z to 2026-11-22T16:00Z.
    before = add(store, b"a", seen_at="2026-11-21T15:59:59.999999+00:00", receipt=a_receipt("A"))
    first = add(store, b"b", seen_at="2026-11-21T16:00:00.000000+00:00", receipt=a_receipt("B"))
    last = add(store, b"c", seen_at="2026-11-22T15:59:59.000000+00:00", receipt=a_receipt("C"))
    now = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    assert [r.id for r in store.receipts_today(store_zone("+08:00"), now=now)] == [first, last]
    assert [r.id for r in store.receipts_today(store_zone("+00:00"), now=now)] == [last]
    assert before not in [r.id for r in store.receipts_today(store_zone("+08:00"), now=now)]
    start, end = local_day_bounds(store_zone("-05:30"), now=now)
    assert start.utcoffset() == store_zone("-05:30").utcoffset(None) == -timedelta(hours=5, minutes=30)
    assert end - start == timedelta(days=1)


def test_find_by_merchant_order_number_as_a_cashier_types_it(store: ReceiptStore) -> None:
    sale = add(store, b"s", seen_at="2026-11-22T02:00:00.000000+00:00", receipt=a_receipt("202611220001"))
    refund = add(
        store,
        b"r",
        seen_at="2026-11-22T03:00:00.000000+00:00",
        receipt=a_receipt("202611220001", kind=ReceiptKind.REFUND),
    )
    add(store, b"o", seen_at="2026-11-22T04:00:00.000000+00:00", receipt=a_receipt("202611220002"))
    assert [r.id for r in store.find_by_out_trade_no(" ２０２６ １１２２ ０００１ ")] == [sale, refund]
    assert store.find_by_out_trade_no("999") == []
    assert store.find_by_out_trade_no("  ") == []


def test_receipt_and_archive_lookups_by_hash(store: ReceiptStore) -> None:
    receipt_id = add(store, b"receipt", seen_at="2026-11-22T02:00:00.000000+00:00", receipt=a_receipt())
    add(store, b"junk", seen_at="2026-11-22T02:00:01.000000+00:00", outcome=FileOutcome.REFUSED, reason="not text")
    sha = hashlib.sha256(b"receipt").hexdigest()
    junk = hashlib.sha256(b"junk").hexdigest()
    assert store.has_receipt_sha(sha)
    assert not store.has_receipt_sha(junk)
    record = store.receipt_for_sha(sha)
    assert record is not None and record.id == receipt_id
    assert store.has_file_version_sha(junk)
    assert not store.has_file_version_sha(hashlib.sha256(b"never").hexdigest())


def test_technicians_see_each_version_newest_first_with_its_template_or_refusal(store: ReceiptStore) -> None:
    add(store, b"1", seen_at="2026-11-22T02:00:00.000000+00:00", receipt=a_receipt("A"))
    refused = add(
        store, b"\x00bin", seen_at="2026-11-22T02:01:00.000000+00:00", outcome=FileOutcome.REFUSED, reason="not text"
    )
    store.set_file_version_outcome(
        refused, FileOutcome.REFUSED, refusal_reason="not text", refusal_detail="NUL byte", kept_aside_path="/k/x"
    )
    add(store, b"3", seen_at="2026-11-22T02:02:00.000000+00:00", receipt=a_receipt("C"), path="/till/print_3.txt")

    versions = store.file_versions()
    assert [v.seen_at[11:16] for v in versions] == ["02:02", "02:01", "02:00"]
    assert [v.template for v in versions] == ["wechat-default", None, "wechat-default"]
    assert [v.outcome for v in versions] == [FileOutcome.RECEIPT, FileOutcome.REFUSED, FileOutcome.RECEIPT]
    assert versions[1].receipt_id is None and versions[0].receipt_id is not None
    assert [v.id for v in store.file_versions(limit=1)] == [versions[0].id]
    assert [v.path for v in store.file_versions(path="/till/print.txt")] == ["/till/print.txt"] * 2

    [only] = store.refused()
    assert (only.id, only.refusal_reason, only.refusal_detail, only.kept_aside_path) == (
        refused,
        "not text",
        "NUL byte",
        "/k/x",
    )
    assert only.size == 4 and only.mtime_ns == 123
    assert store.file_version_content(refused) == b"\x00bin"
    assert store.file_version(refused) == only
    assert store.file_version_content(9999) is None


def test_writes_join_a_callers_transaction(store: ReceiptStore) -> None:
    with pytest.raises(RuntimeError), store.journal.tx() as conn:
        version = store.add_file_version(
            path="/p", seen_at="2026", mtime_ns=1, size=1, sha256="s", content=b"x", outcome="receipt", conn=conn
        )
        store.add_receipt(version, a_receipt(), conn=conn)
        raise RuntimeError("something later in the same write failed")
    assert store.file_versions() == [] and store.recent() == []


def test_recent_is_newest_first(store: ReceiptStore) -> None:
    ids = [add(store, bytes([n]), seen_at=f"2026-11-22T0{n}:00:00+00:00", receipt=a_receipt(str(n))) for n in range(3)]
    assert [r.id for r in store.recent(limit=2)] == [ids[2], ids[1]]
