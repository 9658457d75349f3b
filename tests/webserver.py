"""A real HTTP server for the `add` tests: bound to 127.0.0.1 on a free port, serving a table of routes.

Each route says what to answer: a status, headers and body, and how badly: late (`delay`), chunked,
cut off after some bytes (`drop_after`), or stalled after some bytes until the server stops
(`stall_after`). Every request is recorded (path, headers, monotonic time). Stopping releases every
waiting handler, so no test waits on a sleeping thread.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CHUNK = 64 * 1024


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunked: bool = False
    drop_after: int | None = None
    stall_after: int | None = None


def redirect(location: str, status: int = 302) -> Route:
    return Route(status=status, headers={"Location": location})


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    at: float


class LocalServer:
    def __init__(self, routes: dict[str, Route]):
        self.routes = routes
        self.requests: list[Request] = []
        self.released = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.released.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append(Request(self.path, dict(self.headers), time.monotonic()))
                route = server.routes.get(self.path.split("?")[0], Route(b"not here", 404))
                if route.delay:
                    server.released.wait(route.delay)
                try:
                    self._answer(route)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def _answer(self, route: Route) -> None:
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                else:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                cut = route.drop_after if route.drop_after is not None else route.stall_after
                body = route.body if cut is None else route.body[:cut]
                for start in range(0, len(body), CHUNK):
                    piece = body[start:start + CHUNK]
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if route.chunked else piece)
                self.wfile.flush()
                if route.stall_after is not None:
                    server.released.wait(60)
                if cut is not None:
                    self.close_connection = True
                elif route.chunked:
                    self.wfile.write(b"0\r\n\r\n")

        return Handler
