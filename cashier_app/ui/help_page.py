"""In-app help: the common questions at the till, answered for this store's setup (its name, the
printer, the platform, whom to call). Sentences are translated one by one; the page's HTML is built
here, so a translation can never break the layout."""

from __future__ import annotations

import logging
from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from cashier_app.ui.accessibility import accessible
from cashier_app.ui.appearance import styled
from cashier_app.ui.pages import Page, PageContext
from cashier_app.ui.rows import StoreInfo

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

_STYLE = """
<style>
  h1 { font-size: 26px; margin-bottom: 4px; }
  h2 { font-size: 21px; margin-top: 22px; margin-bottom: 6px; color: #1f5fa8; }
  p, li { font-size: 17px; line-height: 150%; }
  .meta { color: #5f6368; font-size: 16px; }
  .training { color: #6a1b9a; font-weight: bold; }
  .key { font-weight: bold; color: #c8102e; }
</style>
"""


def _t(text: str, **params: object) -> str:
    """A translated sentence, HTML-escaped, its {placeholders} filled with escaped values in bold."""
    escaped = escape(text, quote=False)
    try:
        return escaped.format(**{name: f"<b>{escape(str(value))}</b>" for name, value in params.items()})
    except (KeyError, IndexError, ValueError):  # a translation with broken braces must not blank the page
        log.warning("help text with broken placeholders: %r", text)
        return escaped


def _printer_kind(kind: str) -> str:
    words = {
        "network": translate("HelpPage", "a network printer"),
        "usb": translate("HelpPage", "a USB printer"),
        "serial": translate("HelpPage", "a serial-port printer"),
        "cups": translate("HelpPage", "a printer of the system's print queue"),
        "lp": translate("HelpPage", "a printer of the system's print queue"),
        "win32raw": translate("HelpPage", "a Windows printer"),
        "file": translate("HelpPage", "a printer device file"),
    }
    return words.get(kind, kind or "—")


def _section(title: str, body: str) -> str:
    return f"<h2>{_t(title)}</h2>{body}"


def _list(tag: str, items: list[str]) -> str:
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


def help_html(info: StoreInfo) -> str:
    """The help text for this store, as rich text."""
    parts: list[str] = [_STYLE]
    title = translate("HelpPage", "Help for {store}")
    parts.append(f"<h1>{_t(title, store=info.store_name)}</h1>")
    meta = translate("HelpPage", "Cashier {operator} · printer {printer} · platform {host}")
    meta = _t(meta, operator=info.operator, printer=info.printer_name, host=info.platform_host)
    parts.append(f"<p class='meta'>{meta}</p>")
    if info.training:
        training = translate("HelpPage", "Training mode: practise freely, no real order is touched.")
        parts.append(f"<p class='training'>{_t(training)}</p>")

    abnormal = [
        _t(translate("HelpPage", "The till printed no receipt, or the customer's phone shows paid but the till "
                                 "says it failed.")),
        _t(translate("HelpPage", "The customer shows a payment voucher (支付凭证) but you have no receipt.")),
        _t(translate("HelpPage", "The tray icon or the status bar turns amber or red, or a notification says a "
                                 "new case was raised.")),
    ]
    then = _t(translate("HelpPage", "Then press F3, scan or type the order number, and press Enter. The page says "
                                    "in one sentence what became of the order and what to do next; the highlighted "
                                    "button is the next step."))
    never = _t(translate("HelpPage", "Never take payment again while the state is unknown or the customer shows a "
                                     "voucher: sync the order first. Take payment again only after the app has "
                                     "closed the first order."))
    parts.append(_section(translate("HelpPage", "How do I tell that an order is abnormal?"),
                          _list("ul", abnormal) + f"<p>{then}</p><p>{never}</p>"))

    steps = [
        _t(translate("HelpPage", "Look at the status bar: it shows the state of printer {printer} ({kind})."),
           printer=info.printer_name, kind=_printer_kind(info.printer_kind)),
        _t(translate("HelpPage", "Out of paper, cover open, offline: fix it; held receipts print by themselves "
                                 "once it is ready.")),
        _t(translate("HelpPage", "On the receipts page (F2), check that the till's receipt arrived at all. If it "
                                 "did not, the till did not write it: look the order up and print it from the "
                                 "platform's record.")),
        _t(translate("HelpPage", "To print a receipt again: look the order up (F3) and press Reprint receipt. The "
                                 "copy is marked as a reprint (重打小票).")),
    ]
    if info.mode == "observe":
        steps.insert(0, _t(translate("HelpPage", "This till prints its own receipts; the app only records them. "
                                                 "Check the till's printer first.")))
    parts.append(_section(translate("HelpPage", "The printer printed nothing. What now?"), _list("ol", steps)))

    recorded = _t(translate("HelpPage", "Every abnormal order is written down by itself as a case: who handled it, "
                                        "which order, its payment state, the cause, each step taken with its time, "
                                        "the result and how long it took."))
    add = _t(translate("HelpPage", "Add what the app cannot know in the note when you report an order or close a "
                                   "case: what the customer said, whom you called."))
    parts.append(_section(translate("HelpPage", "What is recorded, and what should I add?"),
                          f"<p>{recorded}</p><p>{add}</p>"))

    durations = [
        _t(translate("HelpPage", "A lookup takes a few seconds.")),
        _t(translate("HelpPage", "A sync asks the payment channel again and confirms a few more times, usually "
                                 "within ten seconds.")),
        _t(translate("HelpPage", "A third-party order number (第三方订单号) only finds the order once the platform "
                                 "has heard from the channel; the merchant order number (商户订单号) in the "
                                 "voucher's details always works.")),
        _t(translate("HelpPage", "A paid order with no receipt is raised as a case a few minutes after payment.")),
    ]
    parts.append(_section(translate("HelpPage", "How long does it take?"), _list("ul", durations)))

    if info.support_contact:
        contact = _t(translate("HelpPage", "Technical support: {contact}"), contact=info.support_contact)
    else:
        contact = _t(translate("HelpPage", "Technical support: ask your store manager for the technician's number."))
    tell = _t(translate("HelpPage", "Tell them the order number, the case number and what the lookup page says. "
                                    "The merchant platform of this store is {host}."), host=info.platform_host)
    parts.append(_section(translate("HelpPage", "Whom do I call?"), f"<p>{contact}</p><p>{tell}</p>"))
    return "".join(parts)


class HelpPage(Page):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("helpPage")
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenExternalLinks(False)
        styled(self.browser, "QTextBrowser { background: #ffffff; border: 1px solid #dadce0;"
                                   " border-radius: 8px; padding: 12px 20px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.browser)
        self.retranslate()


    def refresh(self) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        try:
            info = self.context.services.store_info()
        except Exception as error:
            log.warning("reading the store's setup failed: %s", error)
            info = StoreInfo("—", "—", "print", "—", "", "—")
        self.browser.setHtml(help_html(info))
        accessible(self.browser, translate("HelpPage", "Help for this store"),
                   translate("HelpPage", "The common questions at the till, answered for this store"))

    def text(self) -> str:
        return self.browser.toPlainText()
