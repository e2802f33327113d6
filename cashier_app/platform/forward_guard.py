"""The last state the client saw of each order, so that no answer can move an order back."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping

from cashier_app.domain.orders import OrderState, is_forward

# Orders of a till over weeks fit easily; the oldest are forgotten beyond this.
MAX_REMEMBERED = 100_000


class ForwardGuard:
    def __init__(self, max_remembered: int = MAX_REMEMBERED) -> None:
        self._states: OrderedDict[str, OrderState] = OrderedDict()
        self._max = max_remembered
        self._lock = threading.Lock()

    def seed(self, states: Mapping[str, OrderState | str]) -> None:
        """Take what the journal knows. A seed never moves a remembered state back either."""
        with self._lock:
            for number, state in states.items():
                self._accept(number, OrderState(state))

    def known(self, out_trade_no: str) -> OrderState | None:
        with self._lock:
            return self._states.get(out_trade_no)

    def admit(self, out_trade_no: str, state: OrderState) -> OrderState | None:
        """Remember `state` if it does not move the order back. Returns the known state it would
        have moved back from (the answer is then refused), or None when admitted."""
        with self._lock:
            return self._accept(out_trade_no, state)

    def _accept(self, number: str, state: OrderState) -> OrderState | None:
        old = self._states.get(number)
        if old is not None and not is_forward(old, state):
            return old
        self._states[number] = state
        self._states.move_to_end(number)
        while len(self._states) > self._max:
            self._states.popitem(last=False)
        return None
