"""Fetch one page over HTTP(S) within the limits a polite and careful collector keeps.

Redirects are followed here, one hop at a time, so that each hop is counted, checked (http or https
only) and paced like any other request. The body is streamed into the store's temporary file, which
stops it at the size cap; nothing here writes anywhere else.
"""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from ..model import Capture
from .limits import USER_AGENT, Limits
from .store import Pending

PAGE_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}
FEED_TYPES = {"application/atom+xml", "application/rss+xml", "application/rdf+xml", "application/xml", "text/xml"}
REDIRECTS = {301, 302, 303, 307, 308}
HEADER_CHARS = 300


class FetchError(Exception):
    """Why a page was not fetched, in words for the curator."""


@dataclass(frozen=True)
class Wanted:
    """The media types a fetch accepts, and how to name them when refusing another."""

    types: frozenset[str]
    label: str


PAGE = Wanted(frozenset(PAGE_TYPES), "HTML or plain text")
FEED = Wanted(frozenset(FEED_TYPES | set(PAGE_TYPES)), "an RSS or Atom feed")


class HostThrottle:
    """At most one request per `delay` seconds to each host."""

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.delay, self.clock, self.sleep = delay, clock, sleep
        self.last: dict[str, float] = {}

    def wait(self, url: httpx.URL) -> None:
        host = url.host.lower()
        if host in self.last:
            self.sleep(max(0.0, self.last[host] + self.delay - self.clock()))
        self.last[host] = self.clock()


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def web_url(text: str) -> httpx.URL:
    """An http(s) address with a host, or FetchError."""
    try:
        url = httpx.URL(text.strip())
    except httpx.InvalidURL as exc:
        raise FetchError(f"not a valid address ({exc})") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise FetchError("not an http:// or https:// address")
    return url


def media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


def header_value(raw: str | None) -> str | None:
    """A server header worth keeping, as one line of at most HEADER_CHARS characters; None when empty."""
    return " ".join((raw or "").split())[:HEADER_CHARS] or None


def _capture(requested: httpx.URL, response: httpx.Response, received: str) -> Capture:
    charset = (response.charset_encoding or "").strip()[:40] or None
    return Capture(final_url=str(response.url), captured_at=received, requested_url=str(requested),
                   status=response.status_code, content_type=media_type(response) or None, charset=charset,
                   date=header_value(response.headers.get("date")),
                   last_modified=header_value(response.headers.get("last-modified")),
                   etag=header_value(response.headers.get("etag")))


def _describe(exc: httpx.HTTPError, limits: Limits) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer within {limits.timeout:g} s ({type(exc).__name__})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the connection broke off: {exc}"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {exc}"
    return f"{type(exc).__name__}: {exc}"


class Fetcher:
    """One HTTP client for a whole `add` run: its connections, its pacing per host, its limits."""

    def __init__(self, limits: Limits = Limits()):
        self.limits = limits
        self.throttle = HostThrottle(limits.delay)
        self.client = httpx.Client(timeout=limits.timeout, follow_redirects=False,
                                   headers={"User-Agent": USER_AGENT})

    def close(self) -> None:
        self.client.close()

    def fetch(self, address: str, into: Pending, wanted: Wanted = PAGE) -> Capture:
        """Receive the page at `address` into `into`; its capture record (without the sha256), or FetchError."""
        requested = web_url(address)
        deadline = time.monotonic() + self.limits.page_seconds
        try:
            response = self._follow(requested)
            try:
                received = utc_now()
                self._check(response, wanted)
                for chunk in response.iter_bytes():
                    into.write(chunk)
                    if time.monotonic() > deadline:
                        raise FetchError(f"took longer than {self.limits.page_seconds:g} s; stopped receiving")
            finally:
                response.close()
        except httpx.HTTPError as exc:
            raise FetchError(_describe(exc, self.limits)) from exc
        return _capture(requested, response, received)

    def _send(self, url: httpx.URL) -> httpx.Response:
        self.throttle.wait(url)
        return self.client.send(self.client.build_request("GET", url), stream=True)

    def _follow(self, url: httpx.URL) -> httpx.Response:
        """The response at the end of at most max_redirects redirects."""
        for _ in range(self.limits.max_redirects + 1):
            response = self._send(url)
            if response.status_code not in REDIRECTS:
                return response
            response.close()
            location = response.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {response.status_code} redirect without a Location header")
            try:
                url = web_url(str(response.url.join(location)))
            except (FetchError, httpx.InvalidURL) as exc:
                raise FetchError(f"redirected to {location[:200]!r}, which is {exc}") from exc
        raise FetchError(f"more than {self.limits.max_redirects} redirects")

    def _check(self, response: httpx.Response, wanted: Wanted) -> None:
        """Refuse what is not a complete page of an accepted type, before reading its body."""
        if response.status_code != 200:
            raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
        media = media_type(response)
        if media not in wanted.types:
            raise FetchError(f"{media or 'no content type'} is not {wanted.label}; refused")
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.limits.max_bytes:
            raise FetchError(f"{int(length) / 2**20:.1f} MiB is larger than the "
                             f"{self.limits.max_bytes / 2**20:g} MiB limit; refused")
