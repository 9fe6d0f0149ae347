"""kill -9 in the middle of an action: after reopening, the change record and the data agree.

A child process makes multi-row actions as fast as it can (a step inserted at the top of a plan
renumbers every step; a card deleted with its steps; undos of both) and is killed with SIGKILL
at a random moment. The file must pass ``PRAGMA integrity_check`` and the record's own check:
every row's changes chain, and the last one left the row as it is now (no action half recorded,
no change unrecorded).
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from data import history
from data.store import WorkshopStore

CHILD = """
import sys
from core.models import ActionStep, Innovation
from data import actions, innovations as board, undo
from data.store import WorkshopStore

store = WorkshopStore.open(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    n += 1
    card = board.create(store, Innovation(title=f"Kartu {n}", dimension="GOV", element="GOV-1"))
    for k in range(6):
        actions.insert_step(store, ActionStep(innovation_id=card.id, activity=f"Langkah {k}",
                                              start_year=2025, end_year=2026), index=0)
    undo.undo(store)
    if n % 2:
        board.delete(store, card.id)
        undo.undo(store)
        undo.redo(store)
"""

RUNS = 5


def test_record_and_data_agree_after_kill_9_mid_action(workshop_path: Path):
    chance = random.Random(14)
    for _ in range(RUNS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(workshop_path)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(chance.uniform(0.05, 0.6))  # a random moment: what is being tested is "anywhere"
        child.send_signal(signal.SIGKILL)
        child.wait()
        store = WorkshopStore.open(workshop_path)
        try:
            assert store.query("PRAGMA integrity_check")[0]["integrity_check"] == "ok"
            assert history.problems(store) == []
            assert store.query("SELECT count(*) AS n FROM history_actions WHERE open = 1")[0]["n"] == 0
        finally:
            store.close()
    store = WorkshopStore.open(workshop_path)
    assert len(history.latest(store, limit=10_000)) > RUNS, "the child got some actions done"
    store.close()
