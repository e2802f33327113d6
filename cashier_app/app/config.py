"""Configuration: a TOML file in the user's config folder, every setting with a default.

Loading validates every key against the settings dataclasses of the parts; a wrong value raises
ConfigError naming the key and what is allowed, so the app never starts half-configured.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar, Union

import tomli_w

from cashier_app.app.config_paths import path_problems
from cashier_app.domain.access import SignInSettings
from cashier_app.domain.cases import CaseSettings
from cashier_app.domain.receipt_labels import DEFAULT_LABELS, ParserSettings
from cashier_app.domain.reconcile_settings import ReconcileSettings
from cashier_app.domain.reports import ReportSettings, ShiftScheduleError, parse_shift_starts
from cashier_app.journal.settings import JournalSettings
from cashier_app.platform.settings import PlatformSettings
from cashier_app.printing.settings import PrintingSettings
from cashier_app.watch.settings import WatchSettings

T = TypeVar("T")


class ConfigError(ValueError):
    """A configuration file that cannot be used. The message names the key and what is allowed."""

    def __init__(self, key: str, message: str, source: str = "") -> None:
        self.key = key
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{key}: {message}")


@dataclass
class GeneralSettings:
    # print: the app prints the receipts it reads; observe: the till prints, the app only records.
    mode: str = field(default="print", metadata={"choices": ("print", "observe")})
    # auto: zh_CN on a Chinese locale, English otherwise.
    language: str = field(default="auto", metadata={"choices": ("auto", "zh_CN", "en")})
    # Who does everything on a one-person till ([signin] enabled = false): written into every case
    # step, print job and audit row. With sign-in on, the person signed in is written instead.
    operator: str = "01"
    store_name: str = "演示门店"
    # The store's number in the chain or at the merchant platform (shown on the help page and in bundles).
    store_no: str = field(default="", metadata={"pattern": r"^[\w-]{0,32}$"})
    # Whom the cashier calls when the help page's steps do not solve it (shown on the help page).
    support_contact: str = ""
    # Where the journal and the archive live; empty = the user data folder.
    data_dir: str = ""


# The style sheet's base size; every other size in the window scales with font_size.
BASE_FONT_PX = 16
THEMES = ("standard", "high-contrast")


@dataclass
class DisplaySettings:
    """How the window looks on the till's screen."""

    # Base text size in pixels (16 = the designed size); larger for a till read at arm's length.
    font_size: int = field(default=BASE_FONT_PX, metadata={"min": 12, "max": 32})
    # high-contrast: white and yellow on black, thick focus outlines (bright shops, poor eyesight).
    theme: str = field(default="standard", metadata={"choices": THEMES})


@dataclass
class AppConfig:
    general: GeneralSettings = field(default_factory=GeneralSettings)
    watch: WatchSettings = field(default_factory=WatchSettings)
    parser: ParserSettings = field(default_factory=ParserSettings)
    printing: PrintingSettings = field(default_factory=PrintingSettings)
    platform: PlatformSettings = field(default_factory=PlatformSettings)
    reconcile: ReconcileSettings = field(default_factory=ReconcileSettings)
    signin: SignInSettings = field(default_factory=SignInSettings)
    display: DisplaySettings = field(default_factory=DisplaySettings)
    journal: JournalSettings = field(default_factory=JournalSettings)
    reports: ReportSettings = field(default_factory=ReportSettings)
    cases: CaseSettings = field(default_factory=CaseSettings)

    def validate(self) -> None:
        """Cross-field checks that a single key's type cannot express."""
        try:
            parse_shift_starts(self.reports.shift_starts)
        except ShiftScheduleError as exc:
            raise ConfigError("reports.shift_starts", str(exc)) from None
        p = self.printing
        if p.default_printer not in p.printers:
            raise ConfigError(
                "printing.default_printer",
                f"'{p.default_printer}' is not one of the configured printers: {sorted(p.printers)}",
            )
        for name, printer in p.printers.items():
            if printer.profile not in p.profiles:
                raise ConfigError(
                    f"printing.printers.{name}.profile",
                    f"'{printer.profile}' is not a profile; allowed: {sorted(p.profiles)}",
                )
        for key, problem in self.platform.problems():
            raise ConfigError(f"platform.{key}", problem)
        _check_days(self.cases)
        for key, labels in self.parser.labels.items():
            if key not in DEFAULT_LABELS:
                raise ConfigError(f"parser.labels.{key}", f"unknown field; allowed: {sorted(DEFAULT_LABELS)}")
            if not labels or any(not label.strip() for label in labels):
                raise ConfigError(f"parser.labels.{key}", "must be a non-empty list of non-empty labels")
        problems = path_problems(self)
        if problems:
            raise ConfigError(*problems[0])


def _check_days(cases: CaseSettings) -> None:
    for name in ("holidays", "working_weekends"):
        for index, day in enumerate(getattr(cases, name)):
            try:
                date.fromisoformat(day)
            except ValueError:
                raise ConfigError(f"cases.{name}[{index}]", f"{day!r} is not a date; write it as 2026-10-01") \
                    from None


def load_config(path: Path | None) -> AppConfig:
    """Read `path` (missing file = all defaults) and validate it."""
    if path is None or not path.exists():
        config = AppConfig()
        config.validate()
        if path is not None:
            config.platform.config_dir = path.parent
        return config
    source = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError("(file)", f"not UTF-8 text: {exc}", source) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("(file)", f"not valid TOML: {exc}", source) from exc
    except OSError as exc:
        raise ConfigError("(file)", f"cannot be read: {exc}", source) from exc
    try:
        config = from_dict(AppConfig, raw, "")
        # Label lists given in the file extend the built-in ones they do not name.
        labels = {k: list(v) for k, v in DEFAULT_LABELS.items()}
        labels.update(raw.get("parser", {}).get("labels", {}))
        config.parser.labels = labels
        # So do a store's own profiles: the built-in ones stay usable beside them.
        config.printing.profiles = {**PrintingSettings().profiles, **config.printing.profiles}
        config.validate()
    except ConfigError as exc:
        raise ConfigError(exc.key, str(exc).split(": ", 1)[1], source) from None
    config.platform.config_dir = path.parent
    return config


def config_problems(config: AppConfig) -> list[ConfigError]:
    """Every problem of a configuration built in code (the setup wizard's), not only the first.

    Each setting is checked as if it had been read from a file (types, ranges, choices, forms), then
    the checks across settings, then the paths; one problem per key.
    """
    found: dict[str, ConfigError] = {}
    for section in dataclasses.fields(config):
        value = getattr(config, section.name)
        for item in dataclasses.fields(value):
            if item.metadata.get("internal"):
                continue
            try:
                from_dict(type(value), {item.name: to_dict(getattr(value, item.name))}, section.name)
            except ConfigError as exc:
                found.setdefault(exc.key, exc)
    if not found:
        try:
            config.validate()
        except ConfigError as exc:
            found[exc.key] = exc
    for key, problem in config.platform.problems():
        found.setdefault(f"platform.{key}", ConfigError(f"platform.{key}", problem))
    for key, problem in path_problems(config):
        found.setdefault(key, ConfigError(key, problem))
    return list(found.values())


def to_dict(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if not f.metadata.get("internal")}
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_dict(v) for v in obj]
    return obj


def to_toml(config: AppConfig) -> str:
    return tomli_w.dumps(to_dict(config))


def from_dict(cls: type[T], data: Any, prefix: str) -> T:
    """Build dataclass `cls` from `data`, checking every key. Keys not given keep their defaults."""
    where = prefix or "(top level)"
    if not isinstance(data, dict):
        raise ConfigError(where, f"must be a table, not {_type_name(data)}")
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(fields))
    if unknown:
        key = _join(prefix, unknown[0])
        raise ConfigError(key, f"unknown setting; allowed here: {', '.join(sorted(fields))}")
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        key = _join(prefix, name)
        kwargs[name] = _convert(hints[name], value, key, fields[name].metadata)
    return cls(**kwargs)


def _convert(tp: Any, value: Any, key: str, meta: typing.Mapping[str, Any]) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _convert(inner, value, key, meta)
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value, key)  # type: ignore[arg-type]
    if origin is list:
        if not isinstance(value, list):
            raise ConfigError(key, f"must be a list, not {_type_name(value)}")
        return [_convert(args[0], v, f"{key}[{i}]", {}) for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(key, f"must be a table, not {_type_name(value)}")
        return {k: _convert(args[1], v, _join(key, k), {}) for k, v in value.items()}
    if tp is bool:
        if not isinstance(value, bool):
            raise ConfigError(key, f"must be true or false, not {value!r}")
        return value
    value = _scalar(tp, value, key)
    _check_meta(value, key, meta)
    return value


def _scalar(tp: Any, value: Any, key: str) -> Any:
    """A number or a text of the type the key has (a bool is no number here, though Python says it is)."""
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(key, f"must be a whole number, not {value!r}")
    elif tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(key, f"must be a number, not {value!r}")
        value = float(value)
    elif tp is str and not isinstance(value, str):
        raise ConfigError(key, f"must be text, not {value!r}")
    return value


def _check_meta(value: Any, key: str, meta: typing.Mapping[str, Any]) -> None:
    choices = meta.get("choices")
    if choices is not None and value not in choices:
        allowed = ", ".join(repr(c) if isinstance(c, str) else str(c) for c in choices)
        raise ConfigError(key, f"{value!r} is not allowed; allowed: {allowed}")
    low, high = meta.get("min"), meta.get("max")
    if low is not None and value < low:
        raise ConfigError(key, f"{value!r} is too small; allowed: {low} to {high}")
    if high is not None and value > high:
        raise ConfigError(key, f"{value!r} is too large; allowed: {low} to {high}")
    pattern = meta.get("pattern")
    if pattern is not None and not re.fullmatch(pattern, value):
        raise ConfigError(key, f"{value!r} does not have the allowed form {pattern}")


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _type_name(value: Any) -> str:
    return {dict: "a table", list: "a list", str: "text", bool: "true/false"}.get(type(value), type(value).__name__)
