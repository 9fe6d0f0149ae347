"""Making the disk misbehave for a test: a tiny full filesystem, a read-only one.

As root with mount rights (a CI container usually has them) these are real filesystems: a
small ``tmpfs`` that fills up (ENOSPC, what a full disk gives), and a read-only bind mount
(EROFS). Without them, :func:`small_disk` yields None and the caller falls back to
``RLIMIT_FSIZE`` in a subprocess; each test says which way it ran.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


def _umount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)


def can_mount() -> bool:
    """Whether this process may mount filesystems (root with CAP_SYS_ADMIN)."""
    return os.geteuid() == 0 and Path("/proc/self/mountinfo").exists()


@contextmanager
def small_disk(where: Path, size_kib: int = 1024) -> Iterator[Path | None]:
    """A ``size_kib`` tmpfs mounted at ``where`` (None when mounting is not possible)."""
    where.mkdir(parents=True, exist_ok=True)
    if not (can_mount() and _mount("-t", "tmpfs", "-o", f"size={size_kib}k,mode=700", "tmpfs",
                                   str(where))):
        yield None
        return
    try:
        yield where
    finally:
        _umount(where)


def fill(disk: Path) -> Path:
    """Fill ``disk`` up with a filler file; returns it (delete it to free the space)."""
    filler = disk / "filler"
    with suppress(OSError), filler.open("wb") as out:
        while True:
            out.write(b"\0" * 4096)
            out.flush()
    return filler


@contextmanager
def read_only(directory: Path) -> Iterator[bool]:
    """Make ``directory`` read-only underneath its users (a read-only bind mount over itself).

    Yields False, doing nothing, where mounting is not possible.
    """
    if not (can_mount() and _mount("--bind", str(directory), str(directory))):
        yield False
        return
    try:
        yield _mount("-o", "remount,bind,ro", str(directory))
    finally:
        _umount(directory)
