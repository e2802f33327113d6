"""A TCP server for tests: on 127.0.0.1, a free port, each connection served on a thread of its own;
`stop()` ends the accepting thread and waits for the connections' threads."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable


class LoopbackServer:
    def __init__(self, serve: Callable[[socket.socket], None]) -> None:
        self._serve = serve
        self.stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port: int = self._listener.getsockname()[1]
        self.connections = 0
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)
        self._accepting.start()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self._listener.close()
        self._accepting.join(5)
        for thread in self._threads:
            thread.join(5)
