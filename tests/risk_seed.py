"""A small, known risk register for the risk tests (the ``risk_workshop`` fixture): three
innovations, six risks.

Cells (likelihood, impact), inherent → residual:
GOV  Serang Tatu (lead Diskominfosatik): (5,5)→(2,3) · (4,3) not reassessed · (3,3)→(1,1)
ECO  Pasar Digital (lead Disperindag):    (5,5)→(4,5) · (2,3)→(2,3)
ENV  Pesan Ibu (lead DLH):                (1,1)→(1,2)
"""

from __future__ import annotations

from core.models import Agency, Innovation, Risk
from data.store import WorkshopStore

INNOVATIONS = [
    ("Serang Tatu", "GOV", "GOV-1", "Diskominfosatik"),
    ("Pasar Digital", "ECO", "ECO-3", "Disperindag"),
    ("Pesan Ibu", "ENV", "ENV-2", "DLH"),
]

RISKS = [  # innovation index, event, category, l, i, residual l, residual i, owner
    (0, "Server down on launch day", "Infrastruktur SPBE", 5, 5, 2, 3, "Diskominfosatik"),
    (0, "Staff not trained", "Sumber Daya Manusia SPBE", 4, 3, None, None, ""),
    (0, "Data leak", "Keamanan SPBE", 3, 3, 1, 1, "Diskominfosatik"),
    (1, "Vendors do not sign up", "Inovasi", 5, 5, 4, 5, "Disperindag"),
    (1, "Budget cut", "Rencana dan Anggaran", 2, 3, 2, 3, "BPKAD"),
    (2, "Residents ignore the app", "Layanan SPBE", 1, 1, 1, 2, ""),
]


def agency_ids(store: WorkshopStore) -> dict[str, int]:
    """Agency abbreviation → id."""
    return {a.abbreviation: a.id for a in store.all(Agency)}


def seed(store: WorkshopStore) -> list[Risk]:
    """Add the known innovations and risks to ``store``; returns the saved risks."""
    ids = agency_ids(store)
    innovations = [
        store.save(Innovation(title=t, dimension=d, element=e, lead_agency_id=ids[a]))
        for t, d, e, a in INNOVATIONS
    ]
    return [
        store.save(Risk(innovation_id=innovations[n].id, code=f"R{k:02}", event=event, category=cat,
                        likelihood=lk, impact=im, residual_likelihood=rl, residual_impact=ri,
                        owner_agency_id=ids.get(owner)))
        for k, (n, event, cat, lk, im, rl, ri, owner) in enumerate(RISKS, 1)
    ]

