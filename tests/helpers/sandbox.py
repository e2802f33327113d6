"""Sandbox tests: keys."""

from __future__ import annotations

import uuid


def new_key() -> str:
    return "k-" + uuid.uuid4().hex
