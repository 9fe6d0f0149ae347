"""Read a process tree's memory from /proc, without psutil (Linux only)."""

from __future__ import annotations

from pathlib import Path


def tree_peak_rss_bytes(root: int) -> int:
    """Sum of VmHWM (peak resident set) over `root` and its live descendants, from /proc."""
    return sum(_vm_hwm_bytes(pid) for pid in process_tree(root))


def process_tree(root: int) -> list[int]:
    """`root` and every live descendant, found through the parent pid in /proc/<pid>/stat."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            parent = _parent_pid(entry)
            if parent is not None:
                children.setdefault(parent, []).append(int(entry.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending.extend(children.get(pid, ()))
    return tree


def _parent_pid(proc_dir: Path) -> int | None:
    try:
        stat = (proc_dir / "stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _vm_hwm_bytes(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0  # a zombie or a kernel thread has no memory of its own
