"""A decoded job as readable text for technicians (the `decode` and `virtual-printer` commands)."""

from __future__ import annotations

from cashier_app.emulator.job import (
    Barcode,
    Beep,
    Cut,
    DecodedJob,
    DrawerKick,
    Feed,
    Item,
    QrCode,
    RasterImage,
    TextLine,
)

_ALIGN = {"left": "L", "center": "C", "right": "R"}


def describe_item(item: Item, number: int | None = None) -> str:
    if isinstance(item, TextLine):
        styles = " ".join(dict.fromkeys(run.style.describe() for run in item.runs if run.style.describe()))
        mark = "" if item.terminated else "  (no LF)"
        return f"{number or 0:4d} {_ALIGN[item.align.value]} {styles:<18.18s}|{item.text}{mark}"
    if isinstance(item, QrCode):
        return f"     [QR {item.module_size}-dot modules, EC {item.error_correction}] {item.text}"
    if isinstance(item, Barcode):
        return f"     [{item.symbology} {item.module_width}x{item.height} dots] {item.text}"
    if isinstance(item, RasterImage):
        return f"     [image {item.width}x{item.height} dots via {item.source}]"
    if isinstance(item, Cut):
        return f"     [{'partial' if item.partial else 'full'} cut, feed {item.feed_dots} dots]"
    if isinstance(item, Feed):
        parts = ([f"{item.lines} lines"] if item.lines else []) + ([f"{item.dots} dots"] if item.dots else [])
        return f"     [feed {' + '.join(parts) or '0'}]"
    if isinstance(item, DrawerKick):
        return f"     [cash drawer pin {item.pin}, {item.on_ms} ms]"
    if isinstance(item, Beep):
        return f"     [beep x{item.times}]"
    return f"     [{item!r}]"


def describe_job(job: DecodedJob, show_commands: bool = False) -> str:
    """Numbered lines with alignment and styles, the other items in place, then the flags."""
    out = [f"{job.size} bytes, {job.charset.upper()}, {job.dots} dots ({job.columns} columns), "
           f"Chinese mode {'on' if job.chinese_mode_at_end else 'off'} at the end"]
    number = 0
    for item in job.items:
        if isinstance(item, TextLine):
            number += 1
        out.append(describe_item(item, number))
    if job.status_queries:
        out.append(f"status queries: {', '.join(f'DLE EOT {n}' for n in job.status_queries)}")
    if show_commands:
        out.append("commands:")
        out.extend(f"  @{c.offset:<6d} {c.name:<10s} {c.detail}" for c in job.commands)
    if job.flags:
        out.append(f"flags ({len(job.flags)}):")
        out.extend(f"  {flag.describe()}" for flag in job.flags)
    else:
        out.append("flags: none")
    return "\n".join(out)
