"""The demo's and training's configuration and folders: pure functions of the store's configuration and
the run's options, computed before any part is built from them (app/services.py only composes).

A practice run (`--demo`, `--training`) keeps its own journal beside the store's, talks to the sandbox
platform and prints on the virtual printer (the stand-ins); training also changes how the app behaves:
trainees sign in, no manager's PIN is asked (nothing real is touched), and a paid order with no receipt
waits for the trainee (F9) rather than printing by itself. The caller's configuration is never changed.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass

from cashier_app.app.config import AppConfig
from cashier_app.app.paths import AppPaths
from cashier_app.domain.access import CONFIGURABLE, ManagerPinSettings
from cashier_app.platform.settings import PlatformSettings
from cashier_app.printing.settings import PrinterSettings


@dataclass
class RunOptions:
    demo: bool = False
    training: bool = False
    scenario: str | None = None
    # Demo till: seconds between receipts (0: no demo feeder).
    demo_interval_s: float = 4.0
    # Demo and training: the platform the sandbox plays (mp-v1, wechatpay-v3, alipay).
    platform: str = "mp-v1"

    @property
    def practice(self) -> bool:
        """A demo or training run: stand-ins for the platform and the printer, a journal of its own."""
        return self.demo or self.training


@dataclass(frozen=True)
class StandIns:
    """Where a practice run's stand-ins answer once they listen: the platform settings pointed at the
    sandbox (and its secret, kept apart from them), and the virtual printer's port on loopback."""

    platform: PlatformSettings
    printer_port: int


def practice_paths(paths: AppPaths, options: RunOptions) -> AppPaths:
    """The run's folders: demo and training keep their own journal (practice never mixes with real receipts)."""
    if not options.practice:
        return paths
    sub = "training" if options.training else "demo"
    return dataclasses.replace(paths, data_dir=paths.data_dir / sub)


def store_paths(paths: AppPaths, options: RunOptions) -> AppPaths:
    """The store's own folders, whichever folders this run writes to (`paths` are the run's)."""
    return dataclasses.replace(paths, data_dir=paths.data_dir.parent) if options.practice else paths


def practice_inbox(paths: AppPaths) -> str:
    """The folder a practice run watches when none is configured (`paths` are the run's)."""
    return str(paths.data_dir / "inbox")


def practice_config(config: AppConfig, options: RunOptions, paths: AppPaths,
                    stand_ins: StandIns | None = None) -> AppConfig:
    """The configuration a run works on: `config` itself on a real run; on a practice run a copy that
    trains as training does and, once the stand-ins listen, talks to them. `paths` are the run's."""
    if not options.practice:
        return config
    config = copy.deepcopy(config)  # the caller's stays as it was
    if options.training:
        trusted = ManagerPinSettings(**{action.value: False for action in CONFIGURABLE})
        config.signin = dataclasses.replace(config.signin, enabled=True, manager_pin=trusted)
        config.reconcile = dataclasses.replace(config.reconcile, missing_receipt="ask")
    if not config.watch.folders:
        config.watch = dataclasses.replace(config.watch, folders=[practice_inbox(paths)])
    if stand_ins is not None:
        config.platform = stand_ins.platform
        # The default printer becomes the virtual one; other configured printers stay as they are.
        name = config.printing.default_printer
        current = config.printing.printers.get(name, PrinterSettings())
        virtual = dataclasses.replace(current, kind="network", host="127.0.0.1", port=stand_ins.printer_port)
        config.printing = dataclasses.replace(config.printing, printers={**config.printing.printers, name: virtual})
    return config
