"""Receipt profiles: paper width (columns, dots) and the printer's character set.

Built from `PrintingSettings.profiles` (built-ins 58-gbk, 80-gb18030, 80-42-gb18030, 80-cp437,
plus whatever a store adds under [printing.profiles.NAME]).
"""

from __future__ import annotations

from dataclasses import dataclass

from cashier_app.domain.errors import CodedError
from cashier_app.printing.settings import PrintingSettings, ProfileSettings
from cashier_app.printing.text_encoding import DOUBLE_BYTE_CHARSETS, SINGLE_BYTE_CHARSETS, SUPPORTED_CHARSETS
from cashier_app.printing.text_width import WidthModel

PROFILE_UNKNOWN = "profile_unknown"
PROFILE_INVALID = "profile_invalid"

# Font A is 12 dots wide (a hanzi 24); font B 9. Fewer than 8 dots a column cannot be printed.
_MIN_DOTS_PER_COLUMN = 8


class ProfileError(CodedError, ValueError):
    """A profile that does not exist or cannot be printed. The detail is for technicians."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(code, detail, message=f"{code}: {detail}")


@dataclass(frozen=True)
class Profile:
    name: str
    columns: int
    dots: int
    charset: str
    # ESC t n for single-byte code pages (ignored for double-byte sets and UTF-8).
    codepage: int = 0

    def __post_init__(self) -> None:
        if self.charset not in SUPPORTED_CHARSETS:
            raise ProfileError(PROFILE_INVALID, f"profile {self.name!r}: unknown charset {self.charset!r}")
        if self.columns < 1 or self.dots < 1 or self.dots < self.columns * _MIN_DOTS_PER_COLUMN:
            raise ProfileError(
                PROFILE_INVALID,
                f"profile {self.name!r}: {self.columns} columns do not fit in {self.dots} dots",
            )
        if not 0 <= self.codepage <= 255:
            raise ProfileError(PROFILE_INVALID, f"profile {self.name!r}: code page {self.codepage} is not a byte")

    @property
    def double_byte(self) -> bool:
        """GB18030, GBK, GB2312, Big5: the printer pairs bytes >= 0x80 into characters (Chinese mode)."""
        return self.charset in DOUBLE_BYTE_CHARSETS

    @property
    def single_byte(self) -> bool:
        return self.charset in SINGLE_BYTE_CHARSETS

    @property
    def width_model(self) -> WidthModel:
        if self.double_byte:
            return WidthModel.DOUBLE_BYTE
        if self.single_byte:
            return WidthModel.SINGLE_BYTE
        return WidthModel.EAST_ASIAN_WIDE_AMBIGUOUS


def decode_charset(profile: Profile) -> str:
    """The character set a printer of this profile reads its text in, for drawing its bytes.

    A code-page profile is a Chinese-market printer as well: it powers up in Chinese mode and the
    layout's FS . / ESC t switch it to the code page.
    """
    return "gbk" if profile.single_byte else profile.charset


def profile_from_settings(name: str, settings: ProfileSettings) -> Profile:
    return Profile(
        name=name,
        columns=settings.columns,
        dots=settings.dots,
        charset=settings.charset.lower(),
        codepage=settings.codepage,
    )


def resolve_profile(settings: PrintingSettings, name: str) -> Profile:
    """The profile called `name` in the settings; ProfileError(PROFILE_UNKNOWN) when there is none."""
    found = settings.profiles.get(name)
    if found is None:
        known = ", ".join(sorted(settings.profiles)) or "none"
        raise ProfileError(PROFILE_UNKNOWN, f"no receipt profile {name!r} (configured: {known})")
    return profile_from_settings(name, found)


def printer_profile(settings: PrintingSettings, printer: str | None = None) -> Profile:
    """The profile of a configured printer (the default printer when `printer` is None)."""
    printer_name = printer or settings.default_printer
    printer_settings = settings.printers.get(printer_name)
    if printer_settings is None:
        raise ProfileError(PROFILE_UNKNOWN, f"no printer {printer_name!r} in the configuration")
    return resolve_profile(settings, printer_settings.profile)


def builtin_profiles() -> dict[str, Profile]:
    """The profiles every installation has (PrintingSettings' defaults)."""
    defaults = PrintingSettings()
    return {name: profile_from_settings(name, value) for name, value in defaults.profiles.items()}
