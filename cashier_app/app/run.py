"""Running the app: with a window (default) or headless, on real configuration or on the demo's."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import signal
import sys
import threading

from cashier_app.app.config import AppConfig, ConfigError
from cashier_app.app.context import CommandContext, paths_for
from cashier_app.app.crash_log import CrashLog
from cashier_app.app.events import Event, describe
from cashier_app.app.logging_setup import setup_logging
from cashier_app.app.paths import AppPaths
from cashier_app.app.running_marker import RunningMarker
from cashier_app.app.services import AppServices, RunOptions
from cashier_app.app.single_instance import AlreadyRunning, InstanceLock, already_running_message, instance_mode

log = logging.getLogger(__name__)


def run_app(args: argparse.Namespace, ctx: CommandContext) -> int:
    try:
        config = ctx.config
    except ConfigError as exc:
        if not args.headless:
            # Started from a menu or at login there is no terminal to read the message: show it.
            from cashier_app.app.qt_app import show_configuration_error

            show_configuration_error(str(exc), ctx.paths.config_file, args.lang or "auto")
        raise
    paths = ctx.paths
    setup_logging(paths.log_dir, console=bool(args.headless))
    crash = CrashLog(paths.log_dir)
    try:
        return _run(args, ctx, config, paths, crash)
    finally:
        crash.uninstall()


def in_language(config: AppConfig, language: str | None) -> AppConfig:
    """The configuration in the language `--lang` asks for, over the configured one (a copy: the configuration
    read stays as the file says)."""
    if not language:
        return config
    return dataclasses.replace(config, general=dataclasses.replace(config.general, language=language))


def _run(args: argparse.Namespace, ctx: CommandContext, config: AppConfig, paths: AppPaths, crash: CrashLog) -> int:
    options = RunOptions(demo=bool(args.demo), training=bool(args.training), scenario=args.scenario,
                         platform=getattr(args, "platform", None) or "mp-v1")
    services = AppServices(in_language(config, args.lang), paths, options)
    if args.headless:
        crash.install()
        if crash.previous_run_crashed:
            log.warning("the previous run stopped unexpectedly: see %s", crash.faults_path)
        if not options.demo and not options.training and not paths.config_file.exists():
            log.warning("no configuration at %s: running on the defaults; start the app with its window to set "
                        "it up with the setup wizard", paths.config_file)
        return _run_headless(services, args.run_seconds)
    from cashier_app.app.qt_app import run_window

    def services_for(new_config: AppConfig) -> AppServices:
        """Services on a configuration the setup wizard wrote (its data folder may have changed)."""
        return AppServices(in_language(new_config, args.lang), paths_for(ctx.config_path, new_config), options)

    return run_window(services, run_seconds=args.run_seconds, screenshot=args.screenshot, services_for=services_for,
                      crash=crash)


def _run_headless(services: AppServices, run_seconds: float) -> int:
    lock = InstanceLock(services.paths.data_dir,
                        instance_mode("headless", demo=services.options.demo, training=services.options.training))
    if not lock.acquire():
        message = already_running_message(AlreadyRunning(lock))
        log.warning("%s", message)
        print(message, file=sys.stderr)
        return 1
    try:
        return _serve_headless(services, run_seconds)
    finally:
        lock.release()


def _serve_headless(services: AppServices, run_seconds: float) -> int:
    done = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        done.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)

    def log_event(event: Event) -> None:
        level, line = describe(event)  # one line per event, in words: no reprs, no picture bytes
        log.log(level, "%s", line)

    services.hub.subscribe(log_event)
    # An installer, an upgrade or `cashier-app quit` finds the program by this marker and asks it to close.
    marker = RunningMarker(on_quit_request=done.set).hold()
    services.start()
    log.info("running headless (%s); data in %s", "demo" if services.options.demo else "live",
             services.paths.data_dir)
    try:
        done.wait(run_seconds if run_seconds > 0 else None)
    finally:
        services.stop()
        marker.release()
    return 0
