"""``rembuk serve`` with a real HTTP and WebSocket client (aiohttp): the page, the follow view's
text over the WebSocket, no external assets, and the token off localhost."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from core.live import LiveView, Terminal
from core.models import Innovation
from data import presence
from data.store import WorkshopStore

REMBUK = str(Path(sys.executable).parent / "rembuk")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(port: int, timeout: float = 20.0) -> None:
    """Wait until the server accepts connections (it announces itself just before binding)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on {port}")


def serving(path: Path, *options: str) -> Iterator[str]:
    """Run ``rembuk serve`` until the test ends; yield the URL it printed."""
    port = str(free_port())
    process = subprocess.Popen([REMBUK, "--lang", "en", "serve", str(path), "--port", port, *options],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        line = process.stderr.readline()
        found = re.search(r"http://\S+/", line)
        assert found, line
        listening(int(port))
        yield found.group(0).replace("0.0.0.0", "127.0.0.1")
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def driven(workshop_path: Path) -> Path:
    store = WorkshopStore.open(workshop_path)
    item = store.save(Innovation(title="Mal Pelayanan Publik", dimension="GOV", element="GOV-1"))
    ayu = Terminal(id="a", name="Ayu")
    presence.join(store, ayu)
    presence.take_over(store, ayu, LiveView(screen="board", dimension="GOV", innovation_id=item.id))
    store.close()
    return workshop_path


async def received_text(url: str, wanted: str, timeout: float = 30.0) -> str:
    """Open the page's WebSocket as the browser does and collect output until ``wanted`` shows."""
    ws_url = url.replace("http://", "ws://") + "ws?width=80&height=24"
    seen = ""
    async with aiohttp.ClientSession() as session, session.ws_connect(ws_url) as ws:
        deadline = time.monotonic() + timeout
        while wanted not in seen and time.monotonic() < deadline:
            try:
                message = await ws.receive(timeout=deadline - time.monotonic())
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data.decode("utf-8", "replace")
            elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                break
    return seen


async def test_the_page_loads_with_no_external_asset_and_the_view_arrives(driven):
    for url in serving(driven):
        async with aiohttp.ClientSession() as session:
            async with session.get(url) as page:
                html = await page.text()
                assert page.status == 200
            external = [u for u in re.findall(r'(?:src|href)="([^"]+)"', html) if not u.startswith(url)]
            assert external == [] and "googleapis" not in html
            for asset in re.findall(r'(?:src|href|url\()"([^"]+)"', html):
                async with session.get(asset) as response:
                    assert response.status == 200, asset
        text = await received_text(url, "Mal Pelayanan Publik")
        assert "Mal Pelayanan Publik" in text and "Ayu drives" in text


async def test_off_localhost_a_request_without_the_token_is_refused(driven):
    for url in serving(driven, "--host", "0.0.0.0"):
        token = url.rstrip("/").rsplit("/", 1)[1]
        assert len(token) >= 20
        base = url.removesuffix(f"{token}/")
        async with aiohttp.ClientSession() as session:
            for path in ("", "ws", "static/js/textual.js", "x" + token + "/"):
                async with session.get(base + path) as refused:
                    assert refused.status == 403, path
            async with session.get(url) as page:
                assert page.status == 200
                assert f"/{token}/ws" in await page.text()
        assert "Mal Pelayanan Publik" in await received_text(url, "Mal Pelayanan Publik")
