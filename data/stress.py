"""A stress workshop: a large, deterministic workshop file for benchmarks and soak tests.

``python -m data.stress PATH [--innovations N] [--steps N] [--risks N] [--notes N]
[--agencies N] [--seed N] [--scale K]`` creates a new workshop file at ``PATH`` holding
``K`` times the given numbers of innovations, action steps, risks and notes (agencies are not
scaled). The defaults are the size a large regency reaches after all four Bimtek stages:
40 agencies, 3,000 innovations, 15,000 action steps, 9,000 risks and 5,000 notes.

The same arguments always give the same rows (one seeded :class:`random.Random`, a fixed
clock), so two machines benchmark the same file. Rows are built as plain table rows and
written with ``insert_all`` in one transaction: building 32,000 models one by one would
measure pydantic, not the workshop. A test validates a sample of them through the models.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from core.models import Agency, ReferenceData, Workshop
from data import history
from data.bundle import new_bundle
from data.store import WorkshopStore
from data.workshops import create_workshop

Row = dict[str, Any]

WORDS = (
    "layanan data terpadu aplikasi desa pasar pajak sampah air irigasi wisata batik kesehatan "
    "sekolah jalan lampu banjir kanal sensor dashboard satu peta izin UMKM posyandu pangan "
    "pelabuhan kopi budaya transportasi parkir CCTV aduan warga digital integrasi"
).split()
"""Vocabulary of the generated texts (Indonesian, like a real workshop's)."""

PRIORITIES = ("Prioritas Daerah", "Prioritas Nasional", "")
"""The steps' priorities in turn (not drawn, so the random sequence stays that of older files)."""

START = datetime(2024, 7, 2, 8, 30)
"""The fixed clock of the generated notes: the first minute of a workshop day."""


@dataclass(frozen=True)
class StressSize:
    """How many rows of each kind the stress workshop holds."""

    agencies: int = 40
    innovations: int = 3_000
    steps: int = 15_000
    risks: int = 9_000
    notes: int = 5_000

    def scaled(self, factor: int) -> StressSize:
        """The same workshop ``factor`` times larger (agencies stay as they are)."""
        return replace(self, innovations=self.innovations * factor, steps=self.steps * factor,
                       risks=self.risks * factor, notes=self.notes * factor)


class _Rows:
    """Builds the generated rows from one seeded random generator."""

    def __init__(self, reference: ReferenceData, size: StressSize, seed: int) -> None:
        self.random = random.Random(seed)
        self.size = size
        self.elements = [(e.dimension, e.code) for e in reference.elements]

    def words(self, low: int, high: int) -> str:
        """A phrase of ``low``..``high`` words."""
        return " ".join(self.random.choices(WORDS, k=self.random.randint(low, high)))

    def agency(self) -> int:
        """A random agency id."""
        return self.random.randint(1, self.size.agencies)

    def innovations(self) -> list[Row]:
        """The innovations, spread over every element."""
        rows = []
        for n in range(1, self.size.innovations + 1):
            dimension, element = self.elements[n % len(self.elements)]
            rows.append({
                "id": n, "version": 0, "title": f"{self.words(2, 6)} {n}".capitalize(),
                "dimension": dimension, "element": element, "lead_agency_id": self.agency(),
                "supporting_agency_ids": json.dumps(sorted({self.agency(), self.agency()})),
                "status": self.random.choice(("existing", "new")), "review_outcome": None,
                "improvement": "", "merge_into_id": None, "problem": self.words(8, 30),
                "beneficiaries": self.words(2, 5), "horizon": self.random.choice(("short", "medium", "long")),
                "programme": self.words(2, 4),
                "quick_win": self.random.choice(("none", "none", "none", "candidate", "selected")),
                "position": n,
            })
        return rows

    def steps(self) -> list[Row]:
        """The action steps, each on a random innovation, with a budget per year."""
        rows = []
        for n in range(1, self.size.steps + 1):
            start = self.random.randint(2025, 2032)
            end = min(2034, start + self.random.randint(0, 3))
            budget = {str(y): self.random.randint(1, 500) * 10_000_000 for y in range(start, end + 1)}
            rows.append({
                "id": n, "version": 0, "innovation_id": self.random.randint(1, self.size.innovations),
                "activity": self.words(3, 8).capitalize(), "output": self.words(2, 5),
                "indicator": self.words(2, 5), "target": f"{self.random.randint(1, 100)}%",
                "lead_agency_id": self.agency(), "supporting_agency_ids": json.dumps([self.agency()]),
                "start_year": start, "end_year": end, "start_quarter": self.random.randint(1, 4),
                "end_quarter": 4, "budget": json.dumps(budget, sort_keys=True), "funding_source": "APBD",
                "location": f"Kecamatan {n % 29 + 1}", "priority": PRIORITIES[n % len(PRIORITIES)],
                "programme": self.words(2, 4), "status": self.random.choice(("planned", "ongoing", "done")),
                "position": n,
            })
        return rows

    def risks(self) -> list[Row]:
        """The risks, each on a random innovation, assessed and treated."""
        rows = []
        for n in range(1, self.size.risks + 1):
            rows.append({
                "id": n, "version": 0, "innovation_id": self.random.randint(1, self.size.innovations),
                "code": f"R{n:05d}", "type": self.random.choice(("negative", "negative", "positive")),
                "event": self.words(4, 10).capitalize(), "cause": self.words(5, 15),
                "category": "Operasional", "impact_description": self.words(5, 15),
                "impact_area": "Layanan", "existing_controls": self.words(3, 8),
                "likelihood": self.random.randint(1, 5), "impact": self.random.randint(1, 5),
                "treatment_option": "Mitigasi", "treatment_action": self.words(4, 10),
                "output": self.words(2, 4), "schedule": "Triwulan II", "owner_agency_id": self.agency(),
                "residual_likelihood": self.random.randint(1, 3), "residual_impact": self.random.randint(1, 3),
            })
        return rows

    def notes(self) -> list[Row]:
        """The notes, a minute apart, of every kind, attached to dimensions and innovations."""
        kinds = ("note", "note", "decision", "follow_up", "question", "data_request")
        rows = []
        for n in range(1, self.size.notes + 1):
            dimension, _ = self.random.choice(self.elements)
            on_innovation = self.random.random() < 0.3
            kind = self.random.choice(kinds)
            rows.append({
                "id": n, "version": 0, "kind": kind, "text": self.words(6, 40).capitalize() + ".",
                "speaker": f"Peserta {self.random.randint(1, 120)}", "dimension": dimension,
                "target_type": "innovation" if on_innovation else "dimension",
                "target_id": self.random.randint(1, self.size.innovations) if on_innovation else None,
                "owner_agency_id": self.agency() if kind in ("follow_up", "data_request") else None,
                "due": (date(2024, 8, 1) + timedelta(days=n % 60)).isoformat()
                if kind in ("follow_up", "data_request") else None,
                "created_at": (START + timedelta(minutes=n)).isoformat(),
            })
        return rows


def stress_workshop() -> Workshop:
    """The header of the stress workshop."""
    return Workshop(region="Kabupaten Stres", organiser="Kementerian Kominfo", stage="IV",
                    title="Bimtek IV (uji beban)", dates=[date(2024, 7, 2), date(2024, 7, 3)],
                    venue="Aula Bappeda", language="id")


def _agencies(count: int) -> list[Agency]:
    """The shipped agencies, cut or padded with numbered ones to ``count``, ids 1..count."""
    shipped = new_bundle(stress_workshop()).agencies[:count]
    extra = [Agency(abbreviation=f"UPTD {n}", name=f"Unit Pelaksana Teknis Daerah {n}")
             for n in range(len(shipped) + 1, count + 1)]
    return [a.model_copy(update={"id": n}) for n, a in enumerate([*shipped, *extra], 1)]


def create_stress(path: Path, size: StressSize = StressSize(), seed: int = 0) -> WorkshopStore:
    """Create the stress workshop file at ``path`` (refuses to overwrite) and return it open."""
    bundle = new_bundle(stress_workshop()).model_copy(update={"agencies": _agencies(size.agencies)})
    store = create_workshop(path, bundle)
    rows = _Rows(store.reference(), size, seed)
    with store.write() as db:
        history.suspend(db)  # generated rows, like an import's: no user action to record
        for table, make in (("innovations", rows.innovations), ("action_steps", rows.steps),
                            ("risks", rows.risks), ("notes", rows.notes)):
            db.table(table).insert_all(make(), batch_size=1000)
    return store


def main(argv: Sequence[str] | None = None) -> int:
    """Create a stress workshop file from the command line."""
    parser = argparse.ArgumentParser(prog="python -m data.stress", description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the workshop file to create (must not exist)")
    defaults = StressSize()
    for name in ("agencies", "innovations", "steps", "risks", "notes"):
        parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))
    parser.add_argument("--seed", type=int, default=0, help="the random seed (same seed, same rows)")
    parser.add_argument("--scale", type=int, default=1, help="multiply every count but agencies")
    args = parser.parse_args(argv)
    size = StressSize(args.agencies, args.innovations, args.steps, args.risks, args.notes)
    create_stress(args.path, size.scaled(args.scale), args.seed).close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
