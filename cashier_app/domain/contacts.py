"""Customers' contacts (a phone number, an e-mail) kept out of what leaves the till.

Cases may note how to reach a customer; exports and diagnostic bundles show only enough to
recognise the number (138****1234), never enough to call it. Order numbers are long digit strings
too, so a mobile number is only taken where it stands alone (no digit before or after it).
"""

from __future__ import annotations

import re

# Mainland mobile numbers (11 digits from 13x to 19x), with an optional +86 / 86 in front.
_MOBILE = re.compile(r"(?<![\d+])((?:\+?86[- ]?)?1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)")
# Landlines with their area code: 010-12345678, 0755 1234567.
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[- ](\d{3,4})(\d{4})(?!\d)")
_EMAIL = re.compile(r"\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")


def mask_contacts(text: str) -> str:
    """`text` with every phone number and e-mail address in it masked."""
    text = _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    text = _LANDLINE.sub(lambda m: f"{m.group(1)}-****{m.group(3)}", text)
    return _EMAIL.sub(lambda m: f"{m.group(1)}***{m.group(2)}", text)


def mask_contact_value(value: str) -> str:
    """A field that holds nothing but a contact: masked even when it is not in a form recognised above."""
    masked = mask_contacts(value)
    if masked != value:
        return masked
    digits = [c for c in value if c.isdigit()]
    if len(digits) >= 7:
        return value[:3] + "****" + value[-4:]
    return "***" if value else value
