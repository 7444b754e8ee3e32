"""A TCP relay in front of the test server that a test can stall or cut when kg sends a given statement.

Killing the session's Neo4j would break the tests that share it.  Cutting
the relay drops every connection through it and refuses new ones, which is
what a client sees of a server that has died; stalling it holds a statement
on its way, so a test can interrupt kg at a known point of a load.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["BoltRelay", "bolt_relay"]


class BoltRelay:
    """Relays 127.0.0.1:`port` to `target`.

    When the client sends `trigger` (bytes of a statement's text), the relay
    cuts everything (`action="cut"`) or holds that message until `resume()`
    (`action="stall"`); `triggered` is set either way.
    """

    def __init__(self, target: tuple[str, int], trigger: bytes | None = None, action: str = "cut") -> None:
        self.target = target
        self.trigger = trigger
        self.action = action
        self.triggered = threading.Event()
        self._resumed = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._sockets: list[socket.socket] = [self._listener]
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def resume(self) -> None:
        self._resumed.set()

    def cut(self) -> None:
        """Drop every connection and stop listening: the port then refuses, as a dead server's does."""
        with self._lock:
            self._closed = True
            for sock in self._sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            with self._lock:
                if self._closed:
                    client.close()
                    server.close()
                    return
                self._sockets += [client, server]
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, from_client: bool) -> None:
        seen = b""
        while True:
            try:
                data = source.recv(65536)
                if not data:
                    break
                if from_client and self.trigger and not self.triggered.is_set():
                    seen = seen[-len(self.trigger) :] + data  # a statement may straddle two reads
                    if self.trigger in seen:
                        self.triggered.set()
                        if self.action == "cut":
                            self.cut()
                            return
                        self._resumed.wait()
                sink.sendall(data)
            except OSError:
                break
        for sock in (source, sink):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


@contextmanager
def bolt_relay(target: tuple[str, int], trigger: bytes | None = None, action: str = "cut") -> Iterator[BoltRelay]:
    relay = BoltRelay(target, trigger, action)
    try:
        yield relay
    finally:
        relay.resume()
        relay.cut()
