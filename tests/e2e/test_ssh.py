"""Over SSH, as in the room: rembuk in tmux on the server, the link dropped, the note still there.

The test starts its own ``sshd`` on 127.0.0.1 only, on a free port, with a throwaway host key
and user key in ``tmp_path`` (root login by key only, for this test). Locally, the ssh client
runs in a private tmux terminal (``TmuxTerminal``); on the server side it starts rembuk inside
another private tmux server (``tmux -L <socket> new -A -s bimtek``), as the README tells
facilitators to. A note is captured, the ssh client is killed (SIGKILL: the link is gone),
a new ssh session attaches, and the note is on screen and in the file.

Everything started here is stopped by its pid (sshd) or by its private socket (the server's
tmux). Skips, saying why, where sshd or ssh-keygen is missing.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.terminal import _socket_path, process_running
from tests.reliability.helpers import integrity, stored_notes

REMBUK = str(Path(sys.executable).parent / "rembuk")


def _sshd() -> str | None:
    return shutil.which("sshd") or next(
        (p for p in ("/usr/sbin/sshd", "/usr/local/sbin/sshd") if os.access(p, os.X_OK)), None)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_listening(port: int, server: subprocess.Popen, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"sshd exited: {server.stderr.read().decode()}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError("sshd did not start listening")


def _config(tmp: Path, port: int) -> Path:
    config = tmp / "sshd_config"
    config.write_text("\n".join([
        f"Port {port}", "ListenAddress 127.0.0.1", f"HostKey {tmp / 'host_key'}",
        f"PidFile {tmp / 'sshd.pid'}", f"AuthorizedKeysFile {tmp / 'authorized_keys'}",
        "StrictModes no", "PermitRootLogin prohibit-password", "PasswordAuthentication no",
        "KbdInteractiveAuthentication no", "UsePAM no", "PrintMotd no", "PrintLastLog no",
        "X11Forwarding no", "AllowTcpForwarding no", "",
    ]))
    return config


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[int]:
    """A throwaway sshd on 127.0.0.1 accepting root by the key ``tmp_path/user_key``; its port."""
    daemon, keygen = _sshd(), shutil.which("ssh-keygen")
    if daemon is None or keygen is None or shutil.which("ssh") is None:
        pytest.skip("sshd, ssh or ssh-keygen is not installed (.ci/run installs openssh-server)")
    if os.geteuid() != 0:
        pytest.skip("sshd needs root to switch users; this test runs only as root (as in CI)")
    for name in ("host_key", "user_key"):
        subprocess.run([keygen, "-q", "-t", "ed25519", "-N", "", "-f", str(tmp_path / name)],
                       check=True)
    shutil.copy(tmp_path / "user_key.pub", tmp_path / "authorized_keys")
    Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege-separation directory
    port = _free_port()
    server = subprocess.Popen([daemon, "-D", "-e", "-f", str(_config(tmp_path, port))],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_listening(port, server)
        yield port
    finally:
        server.terminate()  # by its pid
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def ssh_command(tmp: Path, port: int, remote: str) -> list[str]:
    """The ssh client's command line: a forced tty, the throwaway key, no known_hosts kept."""
    return ["ssh", "-tt", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR", "-i", str(tmp / "user_key"),
            "-p", str(port), "root@127.0.0.1", remote]


@pytest.mark.e2e
def test_a_note_survives_a_dropped_ssh_link(sshd, terminal, tmp_path, workshop_path):
    socket_name = f"rembuk-ssh-{uuid.uuid4().hex[:8]}"
    # ssh passes no locale by default: tmux is told UTF-8 (-u) and the app gets a UTF-8 LANG.
    server_tmux = ["env", "LANG=C.UTF-8", "tmux", "-u", "-L", socket_name, "-f", "/dev/null"]
    app = f"REMBUK_LANG=en {shlex.quote(REMBUK)} open {shlex.quote(str(workshop_path))}"
    start = shlex.join([*server_tmux, "new", "-A", "-s", "bimtek", app])
    try:
        link = terminal(ssh_command(tmp_path, sshd, start), term="xterm-256color")
        link.wait_for("Smart Environment", timeout=60)
        link.send("n")
        link.wait_for("Note →")
        link.type("Diskominfo menyiapkan jaringan lewat SSH")
        link.send("Enter")
        link.wait_for("Note: Diskominfo menyiapkan jaringan")
        link.type("setengah diketik")
        link.wait_for("setengah diketik")
        link.kill(signal.SIGKILL)  # the ssh client dies: the link is gone
        link.wait_exit()

        attach = shlex.join([*server_tmux, "attach", "-t", "bimtek"])
        again = terminal(ssh_command(tmp_path, sshd, attach), term="xterm-256color")
        again.wait_for("Note: Diskominfo menyiapkan jaringan", timeout=60)
        again.wait_for("setengah diketik")  # rembuk kept running: the half-typed line too
        assert stored_notes(workshop_path) == ["Diskominfo menyiapkan jaringan lewat SSH"]
    finally:
        pid = subprocess.run([*server_tmux, "display-message", "-p", "#{pane_pid}"],
                             capture_output=True, text=True, check=False).stdout.strip()
        subprocess.run([*server_tmux, "kill-server"], capture_output=True, check=False)
        _socket_path(socket_name).unlink(missing_ok=True)
        if pid.isdigit():
            deadline = time.monotonic() + 10
            while process_running(int(pid)) and time.monotonic() < deadline:
                time.sleep(0.05)
    assert integrity(workshop_path) == "ok"
