from __future__ import annotations

import json
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.app.config import AppConfig, ConfigError, load_config, to_toml


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "absent.toml")
    assert config == AppConfig()
    assert config.printing.printers["receipt"].profile == "58-gbk"


def test_show_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(to_toml(AppConfig()), encoding="utf-8")
    assert load_config(path) == AppConfig()


@pytest.mark.parametrize(
    ("text", "key", "allowed"),
    [
        ('[general]\nmode = "printt"\n', "general.mode", "'print', 'observe'"),
        ("[printing.printers.receipt]\nport = 70000\n", "printing.printers.receipt.port", "1 to 65535"),
        ('[printing.printers.receipt]\nprofile = "nope"\n', "printing.printers.receipt.profile", "58-gbk"),
        ('[watch]\nfolderz = ["x"]\n', "watch.folderz", "folders"),
        ('[watch]\nfolders = "x"\n', "watch.folders", "must be a list"),
        ('[platform]\nbase_url = "ftp://x"\n', "platform.base_url", "allowed form"),
        ("[parser.labels]\namount = []\n", "parser.labels.amount", "non-empty"),
        ('[general\nmode="x"', "(file)", "not valid TOML"),
        ('[cases]\nholidays = ["2026-10-01", "10/02"]\n', "cases.holidays[1]", "2026-10-01"),
        ("[cases]\nescalation_reminder_working_days = 0\n", "cases.escalation_reminder_working_days", "1 to 60"),
        ("[signin]\nmax_wrong_pins = 0\n", "signin.max_wrong_pins", "1 to 20"),
        ("[signin.manager_pin]\nreprnt = true\n", "signin.manager_pin.reprnt", "reprint"),
    ],
)
def test_wrong_values_name_key_and_allowed(tmp_path: Path, text: str, key: str, allowed: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.key == key
    assert allowed in str(info.value)
    assert str(path) in str(info.value)


def test_store_labels_extend_defaults(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[parser.labels]\nout_trade_no = ["单据号", "商户订单号"]\n', encoding="utf-8")
    config = load_config(path)
    assert config.parser.labels["out_trade_no"] == ["单据号", "商户订单号"]
    assert config.parser.labels["amount"][0] == "实付金额"


def test_cli_config_show_uses_given_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[general]\nmode = "observe"\n', encoding="utf-8")
    assert main(["config", "show", "--config", str(path)]) == 0
    out = capsys.readouterr().out
    assert 'mode = "observe"' in out


def test_cli_bad_config_exits_2_with_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "c.toml"
    path.write_text("[general]\nmode = 3\n", encoding="utf-8")
    assert main(["--config", str(path), "config", "check"]) == 2
    assert "general.mode" in capsys.readouterr().err


def test_journal_and_report_settings_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[reports]\nshift_starts = ["07:00", "25:00"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"reports\.shift_starts: '25:00' is not a time of day"):
        load_config(path)
    path.write_text('[journal]\nbackup_time = "3am"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"journal\.backup_time"):
        load_config(path)
    path.write_text('[journal]\nbackup_keep = 0\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"journal\.backup_keep"):
        load_config(path)
    path.write_text('[journal]\nbackup_dir = "backups"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"journal\.backup_dir: 'backups' is a relative path"):
        load_config(path)
    path.write_text(f'[journal]\nbackup_dir = "{tmp_path / "copies"}"\nretention_days = 90\n'
                    '[reports]\nshift_starts = ["15:00", "07:00"]\n', encoding="utf-8")
    config = load_config(path)
    assert (config.journal.retention_days, config.reports.shift_starts) == (90, ["15:00", "07:00"])


def test_every_command_reads_the_journal_of_the_config_it_is_given(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """`--config` moves the data folder for read commands too (printer jobs, reconcile status)."""
    from cashier_app.journal.db import Journal
    from cashier_app.journal.print_jobs import PrintJobStore
    from cashier_app.journal.reconcile_state import ListPosition, ReconcileStateStore

    data = tmp_path / "store-data"
    journal = Journal(data / "journal.sqlite3")
    jobs = PrintJobStore(journal)
    job = jobs.create(None, "receipt", payload=b"x")
    jobs.hold(job.id, "paper_end", "out of paper")
    ReconcileStateStore(journal).save_position(ListPosition("2026-11-22T10:00:00+08:00"))
    journal.close()
    config = tmp_path / "store.toml"
    config.write_text(f"[general]\ndata_dir = {json.dumps(str(data))}\n", encoding="utf-8")

    assert main(["printer", "jobs", "--held", "--config", str(config)]) == 0
    assert f"#{job.id} held" in capsys.readouterr().out
    assert main(["reconcile", "status", "--json", "--config", str(config)]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["position"]["updated_since"] == "2026-11-22T10:00:00+08:00"
