"""The sandbox merchant platform: MP API v1 on loopback for the demo, cashier training and tests."""

from cashier_app.sandbox.api import DEFAULT_KEY, DEFAULT_MERCHANT, DEFAULT_TERMINAL
from cashier_app.sandbox.control import ControlError, HttpSandboxControl, SandboxControl, SandboxController
from cashier_app.sandbox.server import SandboxServer

__all__ = [
    "DEFAULT_KEY",
    "DEFAULT_MERCHANT",
    "DEFAULT_TERMINAL",
    "ControlError",
    "HttpSandboxControl",
    "SandboxControl",
    "SandboxController",
    "SandboxServer",
]
