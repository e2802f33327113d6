"""Loopback networking for tests: servers bind 127.0.0.1 only, on free ports."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A free TCP port on loopback (servers in tests bind 127.0.0.1 only)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
