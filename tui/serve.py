"""``rembuk serve``: the follow view in a browser, through textual-serve, for a projector laptop.

textual-serve answers each browser's WebSocket by spawning a command, here ``rembuk follow``
on the file, so every browser tab is one more read-only follow view. The page is
textual-serve's own with one change: it loads no font from the internet (the projector laptop
may have none), using the copy of the font textual-serve ships.

On 127.0.0.1 (the default) only this machine, or a laptop through ``ssh -L``, can connect. On
any other address every path starts with a random token, and a request without it is refused
(403): whoever can reach the port still needs the URL printed at start.
"""

from __future__ import annotations

import hmac
import secrets
import shlex
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server

from core.i18n import _

PAGE_FOLDER = Path(__file__).with_name("serve_page")
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
"""Addresses only this machine can reach: no token is needed there."""


def follow_command(path: Path, language: str) -> str:
    """The shell command textual-serve runs for each browser: this rembuk's follow view."""
    script = "from tui.cli import main; main()"
    return shlex.join([sys.executable, "-c", script, "--lang", language, "follow", str(path)])


class FollowServer(Server):
    """textual-serve's server, with its page kept offline and, off localhost, a token in every path."""

    def __init__(self, path: Path, language: str, host: str, port: int, title: str) -> None:
        super().__init__(follow_command(path, language), host=host, port=port, title=title,
                         templates_path=PAGE_FOLDER)
        self.token = None if host in LOCAL_HOSTS else secrets.token_urlsafe(18)
        self.prefix = f"/{self.token}" if self.token else ""

    @property
    def url(self) -> str:
        """Where to point the browser."""
        return f"{self.public_url}{self.prefix}/"

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._refuse_without_token])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get(f"{self.prefix}/", self.handle_index, name="index"),
            web.get(f"{self.prefix}/ws", self.handle_websocket, name="websocket"),
            web.static(f"{self.prefix}/static", self.statics_path, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def _refuse_without_token(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Off localhost, a path that does not start with the token is refused before routing."""
        if self.token:
            first = request.path.split("/")[1] if request.path.count("/") else ""
            if not hmac.compare_digest(first.encode(), self.token.encode()):
                raise web.HTTPForbidden(text="403: this address needs the URL rembuk serve printed.\n")
        return await handler(request)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page, with its URLs on the host the browser used (an ``ssh -L`` port, a LAN name)."""
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def on_startup(self, app: web.Application) -> None:
        """Say where to point the browser (instead of textual-serve's banner, which names the command)."""
        print(_("serve.started", url=self.url), file=sys.stderr, flush=True)
