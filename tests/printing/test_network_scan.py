"""Finding network printers: targets as a technician writes them, and a bounded, cancellable scan
of 127.0.0.0/24 with a printer, a web server and a silent device on the same port (loopback only)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from cashier_app.app.cli import main
from cashier_app.printing import network_scan
from cashier_app.printing.network_scan import NOT_A_PRINTER, PRINTER, SILENT, ScanProgress, TargetError
from tests.helpers.fake_devices import GARBAGE, HANG_UP, WEB, loopback_lan
from tests.helpers.fake_devices import SILENT as SILENT_DEVICE


def test_targets_take_addresses_ports_and_ranges() -> None:
    targets = network_scan.parse_targets(["192.168.1.50", "192.168.1.51:9101", "10.0.0.0/30", " ", "192.168.1.50"],
                                         [9100])
    assert targets == [("192.168.1.50", 9100), ("192.168.1.51", 9101), ("10.0.0.1", 9100), ("10.0.0.2", 9100)]
    assert network_scan.parse_targets(["printer.lan"], [9100, 9101]) == [("printer.lan", 9100), ("printer.lan", 9101)]
    assert len(network_scan.parse_targets(["127.0.0.0/24"])) == 254
    assert network_scan.parse_targets(["10.1.2.3/32"]) == [("10.1.2.3", 9100)]


@pytest.mark.parametrize(("spec", "words"), [
    ("192.168.1.50:abc", "must be a number"),
    ("192.168.1.50:70000", "outside 1 to 65535"),
    ("10.0.0.0/8", "at most 1024"),
    ("10.0.0.0/33", "not an address range"),
    ("fe80::/64", "only IPv4"),
])
def test_bad_targets_are_refused_by_name(spec: str, words: str) -> None:
    with pytest.raises(TargetError, match=words) as refused:
        network_scan.parse_targets([spec])
    assert spec.partition(":")[0].partition("/")[0] in str(refused.value)


def test_scan_of_the_loopback_range_names_printer_non_printer_and_silence() -> None:
    others = {"127.0.0.6": WEB, "127.0.0.7": SILENT_DEVICE, "127.0.0.8": HANG_UP, "127.0.0.9": GARBAGE}
    with loopback_lan(["127.0.0.5", "127.0.0.10"], others) as (port, printers, devices):
        seen: list[ScanProgress] = []
        result = network_scan.scan(network_scan.parse_targets(["127.0.0.0/24"], [port]), timeout=0.5,
                                   max_in_flight=16, progress=seen.append)
        by_where = {f.where: f for f in result.found}
        assert by_where[f"127.0.0.5:{port}"].verdict == PRINTER
        assert by_where[f"127.0.0.10:{port}"].verdict == PRINTER
        assert "ESC/POS status online" in by_where[f"127.0.0.5:{port}"].description
        web = by_where[f"127.0.0.6:{port}"]
        assert web.verdict == NOT_A_PRINTER and "HTTP/1.1 400 Bad Request" in web.description
        assert by_where[f"127.0.0.7:{port}"].verdict == SILENT
        assert by_where[f"127.0.0.8:{port}"].verdict == NOT_A_PRINTER
        assert by_where[f"127.0.0.9:{port}"].verdict == NOT_A_PRINTER
        assert [f.where for f in result.printers] == [f"127.0.0.5:{port}", f"127.0.0.10:{port}"]
        assert len(result.found) == 6  # nothing else listens on this port in 127.0.0.0/24
        assert result.probed == result.total == 254 and not result.cancelled
        assert 1 < result.peak_in_flight <= 16
        assert [p.done for p in seen] == list(range(1, 255))  # a report after every address
        assert seen[-1].found == tuple(result.found)
        assert all(p.connections_accepted == 1 for p in printers)
        # Each device was asked DLE EOT 1 once, and sent nothing else.
        assert all(d.received == b"\x10\x04\x01" for d in devices)


def test_a_cancelled_scan_stops_early_and_says_so() -> None:
    cancel = threading.Event()

    def on_progress(progress: ScanProgress) -> None:
        if progress.done >= 10:
            cancel.set()

    result = network_scan.scan(network_scan.parse_targets(["127.0.0.0/24"], [9]), max_in_flight=4,
                               progress=on_progress, cancel=cancel)
    assert result.cancelled
    assert 10 <= result.probed < 254 and result.total == 254


def test_discover_takes_an_address_with_its_port(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with loopback_lan(["127.0.0.5"], {"127.0.0.6": WEB}) as (port, _, _):
        assert main(["printer", "discover", "--hosts", f"127.0.0.5:{port}", f"127.0.0.6:{port}", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    network = {f["where"]: f for f in found["found"]["network"]}
    assert network[f"127.0.0.5:{port}"]["verdict"] == PRINTER
    assert network[f"127.0.0.6:{port}"]["verdict"] == NOT_A_PRINTER
    assert any("2 address(es) probed" in note for note in found["notes"])


def test_discover_refuses_a_target_it_cannot_read(isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["printer", "discover", "--hosts", "127.0.0.1:91o1"]) == 2
    assert "127.0.0.1:91o1: the port after ':' must be a number" in capsys.readouterr().err
