"""The receipt history, searched newest first, at a million receipts and more.

SQLite's planner cannot know how many receipts an amount range or "not printed" matches, and a
wrong guess costs a scan of the whole journal. So the search chooses its own path, from counts
capped at `CANDIDATE_CAP` index entries (each a fraction of a millisecond):

- a number (whole or its last digits) is always the path: the index on the last four characters
  of the merchant, third-party and reference numbers finds at most a few hundred receipts;
- otherwise the filter that matches fewest receipts, if it matches fewer than the cap: its rows
  are fetched and sorted (words in the text are found through a trigram index of it);
- otherwise an index that yields receipts already newest first (amount, operator, channel or
  time, with the date range inside it), read until the page is full, the other filters checked
  on each row.

Every filter is also checked on every row returned, so the path changes only the speed. Pages
follow each other by keyset (`SearchCursor`), never by offset.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from cashier_app.domain.receipt_search import (
    MIN_NUMBER_DIGITS,
    PRINTED_NO,
    PRINTED_REPRINTED,
    PRINTED_YES,
    ReceiptQuery,
    SearchCursor,
)
from cashier_app.journal.db import Journal
from cashier_app.journal.receipts import RECEIPT_COLUMNS, ReceiptRecord, receipt_record

# Fewer matches than this (counted on an index): fetch them all and sort.
CANDIDATE_CAP: Final = 2000

_JOIN_VERSIONS = "JOIN file_versions fv ON fv.id = r.file_version_id"
_ORDER = "ORDER BY r.created_at DESC, r.id DESC"

# Paths that read receipts newest first off an index: plan name → index.
_ORDERED = {
    "amount": "receipts_amount_created",
    "operator": "receipts_operator_created",
    "channel": "receipts_channel_created",
    "time": "receipts_created",
}


# SQL (and its parameters) that yields the ids of candidate receipts.
_Candidates = tuple[str, list[object]]


@dataclass(frozen=True)
class SearchPage:
    records: list[ReceiptRecord]
    next_cursor: SearchCursor | None  # where the next page starts; None when this is the last one
    plan: str  # the path the search took (for the benchmark and the logs)


def search_receipts(journal: Journal, query: ReceiptQuery) -> SearchPage:
    with journal.read() as conn:
        plan, chosen = _choose_plan(conn, query)
        if chosen is not None and all(at is not None for _, at in chosen):
            rows = _newest_candidates_first(conn, plan, chosen, query)
        else:
            ids = None if chosen is None else [rid for rid, _ in chosen]
            rows = conn.execute(*_page_sql(plan, ids, query)).fetchall()
    records = [receipt_record(row) for row in rows[: query.limit]]
    cursor = None
    if len(rows) > query.limit:
        last = records[-1]
        cursor = SearchCursor(last.created_at, last.id)
    return SearchPage(records, cursor, plan)


# -- choosing the path -----------------------------------------------------------------------

def _choose_plan(conn: sqlite3.Connection, query: ReceiptQuery) -> tuple[str, list[tuple[int, str | None]] | None]:
    """The path, and for a path that fetches its candidates first, their ids."""
    if query.number:
        candidates = _candidates(conn, "number", query)
        assert candidates is not None
        return "number", _ids(conn, candidates, None)
    found: dict[str, list[tuple[int, str | None]]] = {}
    for plan in _candidate_plans(query):
        candidates = _candidates(conn, plan, query)
        if candidates is not None:
            ids = _ids(conn, candidates, CANDIDATE_CAP)
            if len(ids) < CANDIDATE_CAP:
                found[plan] = ids
    if found:
        best = min(found, key=lambda p: len(found[p]))
        return best, found[best]
    # Every filter matches many receipts: read newest first and stop when the page is full.
    if query.amount_min is not None and query.amount_min == query.amount_max:
        return "amount", None
    if query.operator:
        return "operator", None
    if query.channel:
        return "channel", None
    return "time", None


def _candidate_plans(query: ReceiptQuery) -> list[str]:
    plans = []
    if query.amount_min is not None and query.amount_min == query.amount_max:
        plans.append("amount")
    elif query.amount_min is not None or query.amount_max is not None:
        plans.append("amount_range")
    if query.operator:
        plans.append("operator")
    if query.channel:
        plans.append("channel")
    if query.printed == PRINTED_NO:
        plans.append("unprinted")
    elif query.printed == PRINTED_REPRINTED:
        plans.append("reprinted")
    if query.text:
        plans.append("text")
    if query.since is not None or query.until is not None:
        plans.append("time")
    return plans


def _ids(conn: sqlite3.Connection, candidates: _Candidates, cap: int | None) -> list[tuple[int, str | None]]:
    """(id, created_at) of each candidate; created_at is None where the path's index does not hold it."""
    sql, params = candidates
    limit = f" LIMIT {cap}" if cap is not None else ""
    return [(int(r[0]), r[1]) for r in conn.execute(f"{sql}{limit}", params) if r[0] is not None]


def _newest_candidates_first(conn: sqlite3.Connection, plan: str, chosen: list[tuple[int, str | None]],
                             query: ReceiptQuery) -> list[sqlite3.Row]:
    """Candidates whose times the index gave: sorted newest first without reading their rows, then
    read a batch at a time until the page is full (the other filters may pass over some)."""
    ordered = sorted(((at, rid) for rid, at in chosen if at is not None), reverse=True)
    if query.after is not None:
        bound = (query.after.created_at, query.after.receipt_id)
        ordered = [c for c in ordered if c < bound]
    wanted = query.limit + 1
    batch = max(2 * wanted, 100)
    rows: list[sqlite3.Row] = []
    for start in range(0, len(ordered), batch):
        ids = [rid for _, rid in ordered[start:start + batch]]
        sql, params = _page_sql(plan, ids, query)
        rows += conn.execute(sql, params).fetchall()
        if len(rows) >= wanted:
            break
    return rows[:wanted]


def _candidates(conn: sqlite3.Connection, plan: str, query: ReceiptQuery) -> _Candidates | None:
    """Receipt ids the path's index yields (with the date range where the index holds it); None
    when the path's index cannot help."""
    if plan == "text":
        assert query.text is not None
        return _text_candidates(conn, query.text)
    if plan == "unprinted":
        return "SELECT receipt_id AS id, NULL FROM receipts_unprinted", []
    if plan == "reprinted":
        return ("SELECT DISTINCT receipt_id AS id, NULL FROM print_jobs INDEXED BY print_jobs_reprinted"
                " WHERE is_reprint = 1 AND state = 'done'"), []
    if plan == "number":
        assert query.number is not None
        tail = query.number[-MIN_NUMBER_DIGITS:]
        # The indexes on the last four characters hold the time too: no receipt's row is read here.
        return ("SELECT id, created_at FROM receipts WHERE substr(out_trade_no, -4) = ?"
                " UNION SELECT id, created_at FROM receipts WHERE substr(channel_trade_no, -4) = ?"
                " UNION SELECT id, created_at FROM receipts WHERE reference_no IS NOT NULL"
                " AND substr(reference_no, -4) = ?"), [tail, tail, tail]
    if plan == "amount_range":
        where, params = _amount_terms(query, "")
        time_where, time_params = _time_terms(query, "")
        return (f"SELECT id, created_at FROM receipts INDEXED BY receipts_amount_created"
                f" WHERE {' AND '.join(where + time_where)}", params + time_params)
    index = _ORDERED[plan]
    where, params = _ordered_terms(plan, query, "")
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    return f"SELECT id, created_at FROM receipts INDEXED BY {index}{clause}", params


# -- the page --------------------------------------------------------------------------------

def _page_sql(plan: str, chosen: list[int] | None, query: ReceiptQuery) -> tuple[str, list[object]]:
    where, params = _all_terms(query)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    limit = query.limit + 1  # one more tells whether there is a next page
    if plan in _ORDERED:
        index = _ORDERED[plan]
        sql = (f"SELECT {RECEIPT_COLUMNS} FROM receipts r INDEXED BY {index} {_JOIN_VERSIONS}"
               f"{clause} {_ORDER} LIMIT ?")
        return sql, [*params, limit]
    # The candidates (a few thousand at most) drive the join (CROSS JOIN keeps them outside); the
    # archived file's row is read only for the page's receipts, not for every candidate.
    assert chosen is not None
    sql = (f"WITH candidates(id) AS (SELECT value FROM json_each(?)),"
           f" page(id) AS (SELECT r.id FROM candidates c CROSS JOIN receipts r ON r.id = c.id{clause} {_ORDER} LIMIT ?)"
           f" SELECT {RECEIPT_COLUMNS} FROM page p CROSS JOIN receipts r ON r.id = p.id {_JOIN_VERSIONS} {_ORDER}")
    return sql, [json.dumps(chosen), *params, limit]


def _all_terms(query: ReceiptQuery) -> tuple[list[str], list[object]]:
    """Every filter as a condition on `r`: checked on each row whatever the path."""
    where: list[str] = []
    params: list[object] = []
    if query.number:
        size = len(query.number)
        where.append(f"(substr(r.out_trade_no, -{size}) = ? OR substr(r.channel_trade_no, -{size}) = ?"
                     f" OR substr(r.reference_no, -{size}) = ?)")
        params += [query.number, query.number, query.number]
    amount_where, amount_params = _amount_terms(query, "r.")
    time_where, time_params = _time_terms(query, "r.")
    where += amount_where + time_where
    params += amount_params + time_params
    if query.channel is not None:
        where.append("r.channel = ?")
        params.append(query.channel.value)
    if query.operator:
        where.append("r.operator = ?")
        params.append(query.operator)
    if query.printed == PRINTED_NO:
        where.append("EXISTS (SELECT 1 FROM receipts_unprinted u WHERE u.receipt_id = r.id)")
    elif query.printed == PRINTED_YES:
        where.append("NOT EXISTS (SELECT 1 FROM receipts_unprinted u WHERE u.receipt_id = r.id)")
    elif query.printed == PRINTED_REPRINTED:
        where.append("EXISTS (SELECT 1 FROM print_jobs j WHERE j.receipt_id = r.id AND j.is_reprint = 1"
                     " AND j.state = 'done')")
    if query.text:
        where.append("r.text LIKE ? ESCAPE '\\'")
        params.append(f"%{_escape_like(query.text)}%")
    return where, params


def _ordered_terms(plan: str, query: ReceiptQuery, prefix: str) -> tuple[list[str], list[object]]:
    """The conditions an ordered path's index holds: its column, then the date range."""
    where: list[str] = []
    params: list[object] = []
    if plan == "amount":
        where.append(f"{prefix}amount = ?")
        params.append(query.amount_min)
    elif plan == "operator":
        where.append(f"{prefix}operator = ?")
        params.append(query.operator)
    elif plan == "channel":
        assert query.channel is not None
        where.append(f"{prefix}channel = ?")
        params.append(query.channel.value)
    time_where, time_params = _time_terms(query, prefix)
    return where + time_where, params + time_params


def _amount_terms(query: ReceiptQuery, prefix: str) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if query.amount_min is not None and query.amount_min == query.amount_max:
        # An equality, so that the amount's index yields its receipts newest first.
        return [f"{prefix}amount = ?"], [query.amount_min]
    if query.amount_min is not None:
        where.append(f"{prefix}amount >= ?")
        params.append(query.amount_min)
    if query.amount_max is not None:
        where.append(f"{prefix}amount <= ?")
        params.append(query.amount_max)
    return where, params


def _time_terms(query: ReceiptQuery, prefix: str) -> tuple[list[str], list[object]]:
    where: list[str] = []
    params: list[object] = []
    if query.since is not None:
        where.append(f"{prefix}created_at >= ?")
        params.append(_utc(query.since))
    if query.until is not None:
        where.append(f"{prefix}created_at < ?")
        params.append(_utc(query.until))
    if query.after is not None:
        # Newest first: the next page holds what comes after the last receipt shown.
        where.append(f"{prefix}created_at <= ?")
        where.append(f"({prefix}created_at < ? OR {prefix}id < ?)")
        params += [query.after.created_at, query.after.created_at, query.after.receipt_id]
    return where, params


# A one- or two-character word is looked up as the trigrams that begin with it; more than this
# many such trigrams means a common word, read faster newest first.
_MAX_TEXT_TERMS: Final = 200
_MAX_TRIGRAMS: Final = 6
_NOTHING: Final = "SELECT NULL AS id, NULL WHERE 0"


def _text_candidates(conn: sqlite3.Connection, text: str) -> _Candidates | None:
    """Receipts whose text index holds the word's trigrams (a superset: the word is checked after)."""
    folded = text.lower()  # the trigram index folds case
    if len(folded) >= 3:
        # Every receipt holding the word holds each of its trigrams. All of them name few receipts
        # besides (digits repeat in every number); past six, six spread over the word do as well.
        starts = list(range(len(folded) - 2))
        if len(starts) > _MAX_TRIGRAMS:
            step = (len(starts) - 1) / (_MAX_TRIGRAMS - 1)
            starts = [round(i * step) for i in range(_MAX_TRIGRAMS)]
        grams = sorted({folded[i:i + 3] for i in starts})
        expression = " AND ".join(_fts_string(g) for g in grams)
    else:
        rows = conn.execute(
            "SELECT term FROM receipts_text_vocab WHERE term >= ? AND term < ? LIMIT ?",
            (folded, folded + "\U0010ffff", _MAX_TEXT_TERMS + 1),
        ).fetchall()
        if len(rows) > _MAX_TEXT_TERMS:
            return None
        if not rows:
            return _NOTHING, []
        expression = " OR ".join(_fts_string(str(r[0])) for r in rows)
    return "SELECT rowid AS id, NULL FROM receipts_text WHERE receipts_text MATCH ?", [expression]


def _fts_string(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
