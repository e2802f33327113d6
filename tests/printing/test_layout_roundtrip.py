"""Layout through the virtual printer's decoder: the paper shows the text we meant, within the paper.

The decoder (cashier_app/emulator/decoder.py) reads the bytes as a Chinese-market printer does and
flags what a real one would garble: bytes >= 0x80 in the wrong mode, 4-byte GB18030 on a GBK
printer, lines wider than the paper, unknown commands.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cashier_app.emulator.decoder import decode
from cashier_app.emulator.job import DecodedJob, FlagKind
from cashier_app.printing.layout import LayoutOptions, ReprintMark, layout_receipt
from cashier_app.printing.profiles import Profile, builtin_profiles
from tests.helpers.layout_samples import RECEIPT_SAMPLES, sample_lines

PROFILES = builtin_profiles()


def _decode(payload: bytes, profile: Profile) -> DecodedJob:
    # A code-page profile is a Chinese-market printer too: it powers up in Chinese mode (GBK) and
    # the layout's FS . / ESC t take it out.
    charset = "gbk" if profile.single_byte else profile.charset
    return decode(payload, charset=charset, dots=profile.dots)


def _flags(job: DecodedJob, profile: Profile) -> list[str]:
    ignored = set()
    if profile.single_byte:
        # The decoder's guess "these two code-page bytes look like a hanzi" fires on cp437 box
        # drawing and accented letters; it is a hint for humans, not an error.
        ignored.add(FlagKind.CJK_IN_SINGLE_BYTE_MODE)
    return [f"{flag.kind}: {flag.message}" for flag in job.flags if flag.kind not in ignored]


_CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_OTHER = st.sampled_from(list("abcXYZ0123456789 .:-()/*，。：（）、￥¥ＡＺ１９　─│°×①€…“”"))
_LINE = st.lists(st.one_of(_CHINESE, _OTHER), max_size=80).map("".join)
_REPRINT = st.none() | st.builds(
    ReprintMark,
    copy_no=st.integers(min_value=1, max_value=99),
    reprinted_at=st.just("2026-11-22 12:00:00"),
    reason=st.sampled_from(["", "打印机缺纸", "customer asked"]),
)


_OPTIONS = st.builds(
    LayoutOptions,
    cutter=st.booleans(),
    drawer_kick=st.booleans(),
    qr_data=st.none() | st.just("202611220001"),
    barcode_data=st.none() | st.just("202611220001"),
    reprint=_REPRINT,
)


@settings(max_examples=120, deadline=None)
@given(lines=st.lists(_LINE, max_size=15), name=st.sampled_from(sorted(PROFILES)), options=_OPTIONS)
def test_random_receipts_decode_to_the_laid_out_text(lines: list[str], name: str, options: LayoutOptions) -> None:
    profile = PROFILES[name]
    result = layout_receipt(lines, profile, options)
    job = _decode(result.payload, profile)
    assert [line.text for line in job.lines] == list(result.lines)
    assert all(line.columns <= profile.columns for line in job.lines)
    assert _flags(job, profile) == []
    assert [q.text for q in job.qr_codes] == ([options.qr_data] if options.qr_data else [])
    assert [b.text for b in job.barcodes] == ([options.barcode_data] if options.barcode_data else [])
    assert len(job.cuts) == (1 if options.cutter else 0)
    assert len(job.drawer_kicks) == (1 if options.drawer_kick and options.reprint is None else 0)
    if options.reprint is not None:
        title = job.lines[0]
        assert title.text.strip().startswith(("重打小票 REPRINT", "REPRINT"))
        assert (title.style.width, title.style.height) == (2, 2)
        assert job.lines[1].style.width == 1


def test_samples_decode_cleanly_on_every_profile() -> None:
    for sample in RECEIPT_SAMPLES:
        for profile in PROFILES.values():
            result = layout_receipt(sample_lines(sample), profile, LayoutOptions(qr_data="202611220001"))
            job = _decode(result.payload, profile)
            assert [line.text for line in job.lines] == list(result.lines), (sample, profile.name)
            assert _flags(job, profile) == [], (sample, profile.name)


def test_decoder_agrees_that_gbk_gets_no_four_byte_sequences() -> None:
    profile = PROFILES["58-gbk"]
    result = layout_receipt(["金额：¥12.50", "𠀀"], profile)
    job = _decode(result.payload, profile)
    assert not [flag for flag in job.flags if flag.kind is FlagKind.GB18030_ON_GBK]
    # The same text for a GB18030 printer keeps its 4-byte sequences, and a GBK printer would garble them.
    gb18030 = layout_receipt(["金额：¥12.50"], PROFILES["80-gb18030"]).payload
    assert b"\x81\x30\x84\x36" in gb18030
    assert any(flag.kind is FlagKind.GB18030_ON_GBK for flag in decode(gb18030, "gbk", 576).flags)
