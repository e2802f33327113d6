"""Finding printers for the technician: serial ports, USB devices and system queues on this
computer. Network printers are found by printing.network_scan, only where the technician asks.
"""

from __future__ import annotations

import shutil
import subprocess

from cashier_app.printing.network_scan import Found

__all__ = ["KNOWN_USB_VENDORS", "Found", "serial_ports", "system_queues", "usb_devices"]

# USB vendor ids of receipt printer makers seen at Chinese tills.
KNOWN_USB_VENDORS = {
    0x04B8: "Epson", 0x0416: "Winbond (Xprinter, GPrinter...)", 0x0483: "STMicro (many POS printers)",
    0x0FE6: "ICS (Xprinter, Zjiang)", 0x1FC9: "NXP (POS printers)", 0x28E9: "GigaDevice (POS printers)",
    0x1504: "Citizen/Sewoo", 0x0DD4: "Custom", 0x1CBE: "Luminary (POS printers)", 0x20D1: "Rongta",
    0x0525: "Sunmi / Netchip",
}


def serial_ports() -> list[Found]:
    try:
        from serial.tools import list_ports
    except ImportError:
        return []
    found = []
    for port in sorted(list_ports.comports(), key=lambda p: p.device):
        desc = port.description or ""
        if port.vid is not None:
            desc += f" (usb {port.vid:04x}:{port.pid or 0:04x})"
        found.append(Found("serial", port.device, desc.strip(), f'kind = "serial"\nserial_port = "{port.device}"'))
    return found


def usb_devices() -> tuple[list[Found], str]:
    """USB devices (printer class or a known vendor first), and a note when USB cannot be listed."""
    try:
        import usb.core
    except ImportError:
        return [], "pyusb is not installed"
    try:
        devices = list(usb.core.find(find_all=True))
    except usb.core.NoBackendError:
        return [], "no libusb backend installed: USB printers cannot be listed (or used) on this computer"
    except usb.core.USBError as exc:
        return [], f"USB devices cannot be listed: {exc}"
    found = []
    for dev in devices:
        vendor, product = int(dev.idVendor), int(dev.idProduct)
        is_printer = _has_printer_interface(dev)
        maker = KNOWN_USB_VENDORS.get(vendor)
        if not is_printer and maker is None:
            continue
        desc = ", ".join(x for x in ("printer class" if is_printer else "", maker or "") if x)
        found.append(Found("usb", f"{vendor:04x}:{product:04x}", desc,
                           f'kind = "usb"\nusb_vendor_id = 0x{vendor:04x}\nusb_product_id = 0x{product:04x}'))
    return found, ""


def _has_printer_interface(dev: object) -> bool:
    try:
        for cfg in dev:  # type: ignore[attr-defined]
            for intf in cfg:
                if intf.bInterfaceClass == 7:  # USB printer class
                    return True
    except Exception:
        return False
    return False


def system_queues() -> tuple[list[Found], str]:
    if not shutil.which("lpstat"):
        return [], "lpstat not found: no system print queues listed"
    try:
        out = subprocess.run(["lpstat", "-e"], capture_output=True, text=True, timeout=5, check=False).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        return [], f"lpstat failed: {exc}"
    names = [line.strip() for line in out.splitlines() if line.strip()]
    return [Found("lp", n, "system print queue (CUPS)", f'kind = "lp"\nqueue_name = "{n}"') for n in names], ""
