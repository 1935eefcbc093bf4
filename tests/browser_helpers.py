"""What the browser tests share: Chromium's settings, the server's 404 page, a watched tab.

Playwright is imported only when a browser test runs, never while tests are collected:
`make test-fast` and a run without the browser tests load none of it.
"""

from __future__ import annotations

import http.server
import re
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ALLOWED_OUTSIDE = ("https://cdn.jsdelivr.net/npm/mathjax@",)
PHONE = {"width": 375, "height": 812}
WIDE = {"width": 1280, "height": 900}


def expect(*args, **kwargs):
    """Playwright's `expect`, imported on first use."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(*args, **kwargs)


class BookHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; an unknown path gets the book's 404 page, as Read the Docs serves it."""

    def log_message(self, *args) -> None:
        pass

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class Tab:
    """One browser page that records everything that went wrong while it was open."""

    def __init__(self, browser, base_url: str, **context_options) -> None:
        self.base = base_url
        self.problems: list[str] = []
        self.expected_404: set[str] = set()
        self.watching = True
        self.context = browser.new_context(**context_options)
        self.context.route(re.compile(r"^(?!" + re.escape(base_url) + ")"), self.outside)
        self.context.set_default_timeout(10_000)
        self.page = self.context.new_page()
        self.page.on("console", self.console)
        self.page.on("pageerror", lambda error: self.problems.append(f"uncaught {error}"))
        self.page.on("response", self.response)

    def outside(self, route) -> None:
        url = route.request.url
        if url.startswith(ALLOWED_OUTSIDE):
            route.fulfill(status=200, body="", content_type="text/javascript")
        else:
            self.problems.append(f"request outside the site: {url}")
            route.abort()

    def console(self, message) -> None:
        if not self.watching or message.type != "error":
            return
        # Chromium also logs the 404 status of a page we asked for on purpose.
        if message.location.get("url") in self.expected_404 and "404" in message.text:
            return
        self.problems.append(f"console error on {self.page.url}: {message.text}")

    def response(self, response) -> None:
        if self.watching and response.status >= 400 and response.url not in self.expected_404:
            self.problems.append(f"{response.status} for {response.url}")

    def open(self, path: str, status: int = 200):
        if status == 404:
            self.expected_404.add(self.base + path)
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None and response.status == status, path
        return self.page

    def close(self) -> None:
        self.context.close()
