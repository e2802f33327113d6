"""Finding network receipt printers: which addresses take a connection on the printer port, and
what answers there (specs/escpos.md "Status").

Targets are written as a technician writes them: `192.168.1.50`, `192.168.1.50:9101`,
`192.168.1.0/24`, or a host name. A scan is bounded (at most MAX_HOSTS addresses, at most
`max_in_flight` connections at a time), reports its progress after every address, and stops
early when its cancel event is set. Nothing is scanned unless asked: the local subnets are only
a suggestion the caller may pass.

Each address that takes a connection is asked `DLE EOT 1` once and named by its answer: an
ESC/POS printer (a valid status byte), a device that answers but is no printer (text, or bytes
that are no status, or hanging up at the question), or a silent one.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from cashier_app.printing.status import DLE_EOT, decode_byte, is_foreign_reply, is_valid_reply, reply_preview

DEFAULT_PORT = 9100
MAX_HOSTS = 1024  # a /22 at most: a store's network, never more
MAX_IN_FLIGHT = 64
_REPLY_BYTES = 256

# What an address turned out to be.
PRINTER = "printer"
NOT_A_PRINTER = "not_a_printer"
SILENT = "silent"


class TargetError(ValueError):
    """A target the technician wrote that cannot be scanned; the message names it."""


@dataclass(frozen=True)
class Found:
    kind: str        # network | serial | usb | system queue kind
    where: str       # host:port, device path, vendor:product, queue name
    description: str
    settings_hint: str  # what to write under [printing.printers.NAME]
    verdict: str = PRINTER  # network only: printer | not_a_printer | silent

    @property
    def is_printer(self) -> bool:
        return self.verdict == PRINTER


@dataclass(frozen=True)
class ScanProgress:
    done: int
    total: int
    found: tuple[Found, ...]


@dataclass
class ScanResult:
    found: list[Found]
    probed: int  # addresses asked (fewer than total when cancelled)
    total: int
    cancelled: bool
    peak_in_flight: int  # most connections open at once during the scan
    elapsed_s: float
    targets: list[tuple[str, int]] = field(default_factory=list)

    @property
    def printers(self) -> list[Found]:
        return [f for f in self.found if f.is_printer]


def parse_targets(specs: Iterable[str], ports: Sequence[int] = (DEFAULT_PORT,),
                  max_hosts: int = MAX_HOSTS) -> list[tuple[str, int]]:
    """(host, port) pairs for `specs`, in order, without repeats. Raises TargetError naming a bad one."""
    for port in ports:
        _check_port(port, str(port))
    targets: dict[tuple[str, int], None] = {}
    for raw in specs:
        spec = raw.strip()
        if not spec:
            continue
        hosts, own_port = _hosts_of(spec, max_hosts)
        for host in hosts:
            for p in ([own_port] if own_port is not None else ports):
                targets[(host, p)] = None
        if len(targets) > max_hosts * max(1, len(ports)):
            raise TargetError(f"{spec}: more than {max_hosts} addresses in all; scan a smaller range")
    return list(targets)


def _hosts_of(spec: str, max_hosts: int) -> tuple[list[str], int | None]:
    if "/" in spec:
        try:
            network = ipaddress.ip_network(spec, strict=False)
        except ValueError as exc:
            raise TargetError(f"{spec}: not an address range ({exc})") from None
        if network.version != 4:
            raise TargetError(f"{spec}: only IPv4 ranges can be scanned")
        if network.num_addresses > max_hosts + 2:
            raise TargetError(f"{spec}: {network.num_addresses} addresses; at most {max_hosts} are scanned")
        return [str(h) for h in network.hosts()], None
    host, port = spec, None
    if spec.count(":") == 1:
        host, _, port_text = spec.partition(":")
        try:
            port = int(port_text)
        except ValueError:
            raise TargetError(f"{spec}: the port after ':' must be a number") from None
        _check_port(port, spec)
    if not host or any(c.isspace() for c in host):
        raise TargetError(f"{spec}: not a host name or address")
    return [host], port


def _check_port(port: int, spec: str) -> None:
    if not 1 <= port <= 65535:
        raise TargetError(f"{spec}: port {port} is outside 1 to 65535")


def local_addresses() -> list[str]:
    """This computer's own IPv4 addresses on its networks (not loopback)."""
    found: set[str] = set()
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            # Connecting a UDP socket sends nothing; it only picks the interface of the default route.
            probe.connect(("192.0.2.1", 9))
            found.add(probe.getsockname()[0])
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    except OSError:
        pass
    addresses = [ipaddress.IPv4Address(a) for a in found]
    return [str(a) for a in sorted(addresses) if not (a.is_loopback or a.is_link_local or a.is_unspecified)]


def local_subnets(prefix: int = 24) -> list[str]:
    """The /24 around each local address: where a store's printers usually are."""
    nets = {str(ipaddress.ip_network(f"{a}/{prefix}", strict=False)) for a in local_addresses()}
    return sorted(nets)


class _InFlight:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.now = 0
        self.peak = 0

    def __enter__(self) -> None:
        with self._lock:
            self.now += 1
            self.peak = max(self.peak, self.now)

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self.now -= 1


def scan(
    targets: Sequence[tuple[str, int]],
    *,
    timeout: float = 0.5,
    max_in_flight: int = MAX_IN_FLIGHT,
    progress: Callable[[ScanProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> ScanResult:
    """Probe each target; at most `max_in_flight` at a time. Returns what answered, in target order."""
    started = time.monotonic()
    cancel = cancel or threading.Event()
    in_flight = _InFlight()
    lock = threading.Lock()
    results: dict[int, Found] = {}
    counts = {"done": 0, "probed": 0}
    total = len(targets)

    def one(index: int) -> None:
        if cancel.is_set():
            return
        host, port = targets[index]
        with in_flight:
            found = probe_one(host, port, timeout)
        with lock:
            counts["probed"] += 1
            counts["done"] += 1
            if found is not None:
                results[index] = found
            snapshot = ScanProgress(counts["done"], total, tuple(results[i] for i in sorted(results)))
        if progress is not None:
            progress(snapshot)

    workers = max(1, min(max_in_flight, total))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="printer-scan") as pool:
        futures = [pool.submit(one, i) for i in range(total)]
        for future in futures:
            future.result()
    return ScanResult(
        found=[results[i] for i in sorted(results)],
        probed=counts["probed"],
        total=total,
        cancelled=cancel.is_set() and counts["probed"] < total,
        peak_in_flight=in_flight.peak,
        elapsed_s=time.monotonic() - started,
        targets=list(targets),
    )


def probe_one(host: str, port: int, timeout: float) -> Found | None:
    """What answers at host:port, or None when nothing takes the connection."""
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except (OSError, UnicodeError):
        return None
    reply, hung_up = b"", False
    with sock:
        sock.settimeout(timeout)
        try:
            sock.sendall(DLE_EOT + b"\x01")
            reply = sock.recv(_REPLY_BYTES)
            hung_up = not reply
        except TimeoutError:
            pass
        except OSError:
            hung_up = True
    where = f"{host}:{port}"
    hint = f'kind = "network"\nhost = "{host}"\nport = {port}'
    if reply and not is_foreign_reply(reply) and is_valid_reply(reply[-1]):
        flags = decode_byte(1, reply[-1]) or frozenset()
        state = "offline" if "offline" in flags else "online"
        return Found("network", where, f"ESC/POS status {state}: a receipt printer", hint, PRINTER)
    if reply:
        return Found("network", where, f"answers {reply_preview(reply)}: not an ESC/POS printer", hint,
                     NOT_A_PRINTER)
    if hung_up:
        return Found("network", where, "hangs up when asked for printer status: not an ESC/POS printer", hint,
                     NOT_A_PRINTER)
    return Found("network", where, "takes connections but does not answer status queries (a printer with "
                 "status replies off, or another device)", hint, SILENT)
