"""Byte-exact snapshots: every built-in profile x every sample print.txt (and a few option mixes).

The expected bytes live in tests/printing/snapshots/<profile>/<case>.bin. After a deliberate change
to the layout, regenerate them and review the diff:

    UPDATE_SNAPSHOTS=1 .venv/bin/pytest -q tests/printing/test_layout_snapshots.py

Without UPDATE_SNAPSHOTS=1 the files are only read: a difference is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from cashier_app.printing.layout import LayoutOptions, LayoutResult, ReprintMark, layout_receipt
from cashier_app.printing.order_receipt import layout_order_receipt
from cashier_app.printing.profiles import Profile, builtin_profiles
from tests.helpers.layout_samples import EXPECTED, RECEIPT_SAMPLES, sample_lines
from tests.helpers.spec_examples import SPEC_ORDER

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"
PROFILES = builtin_profiles()

ORDER = SPEC_ORDER


def _sample_case(name: str, **options: object) -> Callable[[Profile], LayoutResult]:
    def run(profile: Profile) -> LayoutResult:
        return layout_receipt(
            sample_lines(name), profile, LayoutOptions(qr_data=EXPECTED[name]["out_trade_no"], **options)  # type: ignore[arg-type]
        )

    return run


CASES: dict[str, Callable[[Profile], LayoutResult]] = {
    Path(name).stem: _sample_case(name) for name in RECEIPT_SAMPLES
}
CASES["wechat-default-gbk-crlf.reprint-nocut"] = _sample_case(
    "wechat-default-gbk-crlf.txt",
    cutter=False,
    barcode_data="202611220001",
    reprint=ReprintMark(copy_no=2, reprinted_at="2026-11-22 12:00:00", reason="打印机缺纸"),
)
CASES["pos-vendor-template-utf8-bom.drawer"] = _sample_case("pos-vendor-template-utf8-bom.txt", drawer_kick=True)
CASES["order-202611220001"] = lambda profile: layout_order_receipt(ORDER, profile)


def test_samples_are_all_covered() -> None:
    assert len(RECEIPT_SAMPLES) == 6


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("profile_name", sorted(PROFILES))
def test_snapshot(profile_name: str, case: str) -> None:
    profile = PROFILES[profile_name]
    payload = CASES[case](profile).payload
    path = SNAPSHOTS / profile_name / f"{case}.bin"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_bytes() != payload:
            path.write_bytes(payload)
    if not path.exists():
        pytest.fail(f"no snapshot {path}: run with UPDATE_SNAPSHOTS=1 and review the new file")
    expected = path.read_bytes()
    if payload != expected:
        at = next((i for i, (a, b) in enumerate(zip(payload, expected, strict=False)) if a != b),
                  min(len(payload), len(expected)))
        pytest.fail(
            f"{path.name} for {profile_name} differs at byte {at}: "
            f"got {payload[max(0, at - 16):at + 16]!r}, snapshot has {expected[max(0, at - 16):at + 16]!r} "
            f"(UPDATE_SNAPSHOTS=1 regenerates after a deliberate change)"
        )


def test_no_stale_snapshots() -> None:
    wanted = {f"{profile}/{case}.bin" for profile in PROFILES for case in CASES}
    present = {path.relative_to(SNAPSHOTS).as_posix() for path in SNAPSHOTS.glob("*/*.bin")}
    assert present <= wanted, f"snapshots nobody checks: {sorted(present - wanted)}"


def test_sample_snapshots_carry_no_warnings_on_chinese_profiles() -> None:
    for name in RECEIPT_SAMPLES:
        for profile in PROFILES.values():
            if not profile.single_byte:
                assert CASES[Path(name).stem](profile).warnings == (), (name, profile.name)
