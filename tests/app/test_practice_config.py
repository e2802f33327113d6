"""The demo's and training's configuration is a pure function of the store's and the run's options
(app/practice.py): worked out before any part is built, and the store's configuration is never changed."""

from __future__ import annotations

import copy
from pathlib import Path

from cashier_app.app.config import AppConfig
from cashier_app.app.paths import AppPaths
from cashier_app.app.practice import RunOptions, StandIns, practice_config, practice_paths, store_paths
from cashier_app.app.run import in_language
from cashier_app.app.services import AppServices
from cashier_app.domain.access import CONFIGURABLE
from cashier_app.platform.settings import PlatformSettings
from cashier_app.printing.settings import PrinterSettings

STORE = AppPaths(Path("/store/config.toml"), Path("/store/data"), Path("/store/logs"), Path("/store/cache"))
SANDBOX = PlatformSettings(kind="mp-v1", base_url="http://127.0.0.1:5123", merchant_no="M100001", terminal_no="T0001")


def store_config() -> AppConfig:
    config = AppConfig()
    config.signin.enabled = False
    config.reconcile.missing_receipt = "auto"
    config.printing.printers = {"receipt": PrinterSettings(kind="usb", profile="TM-T20"),
                                "kitchen": PrinterSettings(kind="network", host="10.0.0.9", port=9100)}
    config.printing.default_printer = "receipt"
    config.platform.base_url = "https://pay.example.com"
    return config


def test_a_real_run_works_on_the_store_configuration_and_folders_as_they_are() -> None:
    config = store_config()
    options = RunOptions()
    assert practice_config(config, options, STORE) is config
    assert practice_paths(STORE, options) == STORE == store_paths(STORE, options)


def test_the_demo_keeps_its_own_folder_and_points_at_its_stand_ins_leaving_the_store_configuration_alone() -> None:
    config = store_config()
    before = copy.deepcopy(config)
    options = RunOptions(demo=True)
    paths = practice_paths(STORE, options)
    assert paths.data_dir == Path("/store/data/demo") and paths.config_file == STORE.config_file
    assert store_paths(paths, options) == STORE  # people sign in against the store's own journal

    waiting = practice_config(config, options, paths)
    assert waiting.watch.folders == ["/store/data/demo/inbox"]  # no till folder configured: the demo's inbox
    assert waiting.platform == config.platform  # the stand-ins do not listen yet
    assert waiting.signin == config.signin and waiting.reconcile == config.reconcile  # a demo acts as the store

    run = practice_config(config, options, paths, StandIns(SANDBOX, printer_port=9911))
    assert run.platform == SANDBOX
    assert run.printing.printers["receipt"] == PrinterSettings(kind="network", host="127.0.0.1", port=9911,
                                                               profile="TM-T20")
    assert run.printing.printers["kitchen"] == config.printing.printers["kitchen"]  # other printers stay
    assert config == before  # the store's configuration is not changed


def test_training_trusts_the_trainee_and_asks_before_printing_a_missing_receipt() -> None:
    config = store_config()
    config.watch.folders = ["/till/print"]
    before = copy.deepcopy(config)
    options = RunOptions(training=True)
    paths = practice_paths(STORE, options)
    assert paths.data_dir == Path("/store/data/training")

    run = practice_config(config, options, paths, StandIns(SANDBOX, printer_port=9911))
    assert run.signin.enabled
    assert not any(getattr(run.signin.manager_pin, action.value) for action in CONFIGURABLE)
    assert run.reconcile.missing_receipt == "ask"
    assert run.watch.folders == ["/till/print"]  # a configured folder is watched as it is
    assert config == before
    # Same inputs, same answer: nothing is read from disk or the clock.
    assert practice_config(config, options, paths, StandIns(SANDBOX, printer_port=9911)) == run


def test_the_services_work_on_the_practice_configuration_from_the_moment_they_are_built() -> None:
    config = store_config()
    before = copy.deepcopy(config)
    services = AppServices(config, STORE, RunOptions(training=True))  # built, not started: nothing runs
    assert services.paths == practice_paths(STORE, RunOptions(training=True))
    assert services.config == practice_config(config, RunOptions(training=True), services.paths)
    assert services.people_journal_file == STORE.journal_file
    assert services.training_lessons_dir == STORE.data_dir / "training" / "lessons"
    assert config == before


def test_the_language_asked_for_on_the_command_line_is_the_runs_not_the_files() -> None:
    config = store_config()
    config.general.language = "en"
    assert in_language(config, None) is config
    chinese = in_language(config, "zh_CN")
    assert chinese.general.language == "zh_CN" and config.general.language == "en"
    assert chinese.general.store_name == config.general.store_name and chinese.printing == config.printing
