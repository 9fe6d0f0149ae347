"""Stress data: a workshop with thousands of innovations, for benchmarks and trying the boards.

Deterministic (seeded), so a benchmark measures the same workshop every run.
"""

from __future__ import annotations

import argparse
import random

from core.models import Horizon, Innovation, InnovationStatus, QuickWin, ReviewOutcome
from data.store import WorkshopStore

WORDS = ("layanan", "digital", "desa", "pasar", "sehat", "sekolah", "sampah", "wisata", "aman",
         "data", "terpadu", "online", "kampung", "UMKM", "air", "jalan", "energi", "hijau")


def stress_innovations(store: WorkshopStore, count: int = 3_000, seed: int = 7) -> None:
    """Add ``count`` innovations spread over every element and agency, in one transaction."""
    rng = random.Random(seed)
    reference = store.reference()
    agencies = store.query("SELECT id FROM agencies")
    with store.write() as db:
        for number in range(count):
            store.save_in(db, _innovation(rng, number, reference.elements, agencies))


def _innovation(rng: random.Random, number: int, elements: list, agencies: list[dict]) -> Innovation:
    element = rng.choice(elements)
    existing = rng.random() < 0.4
    return Innovation(
        title=" ".join(rng.choice(WORDS).capitalize() for _ in range(3)) + f" {number}",
        dimension=element.dimension, element=element.code,
        lead_agency_id=rng.choice(agencies)["id"] if agencies else None,
        status=InnovationStatus.EXISTING if existing else InnovationStatus.NEW,
        review_outcome=rng.choice(list(ReviewOutcome)) if existing and rng.random() < 0.5 else None,
        problem=" ".join(rng.choice(WORDS) for _ in range(12)),
        horizon=rng.choice(list(Horizon)),
        quick_win=QuickWin.CANDIDATE if rng.random() < 0.1 else QuickWin.NONE,
        position=number,
    )


def main(argv: list[str] | None = None) -> None:
    """``python -m data.stress FILE [--count N]``: fill a workshop file with stress data."""
    parser = argparse.ArgumentParser(description="Add generated innovations to a workshop file.")
    parser.add_argument("path", help="a workshop file (created with 'rembuk new')")
    parser.add_argument("--count", type=int, default=3_000)
    args = parser.parse_args(argv)
    store = WorkshopStore.open(args.path)
    try:
        stress_innovations(store, args.count)
    finally:
        store.close()


if __name__ == "__main__":
    main()
