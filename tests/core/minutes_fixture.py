"""A small Bimtek II workshop (after Serang's, July 2024) as a bundle, for the minutes tests.

Names and NIPs are invented. Some texts carry Markdown-looking characters on purpose, as a
room would type them, so the golden files show the escaping.
"""

from __future__ import annotations

from datetime import date, datetime

from core.models import (
    Agency,
    Attendance,
    Bundle,
    Innovation,
    InnovationStatus,
    Note,
    NoteKind,
    Participant,
    QuickWin,
    ReviewOutcome,
    Role,
    Stage,
    TargetType,
    Workshop,
)
from data.reference import reference_data

DAY_1, DAY_2 = date(2024, 7, 2), date(2024, 7, 3)

NIP_CHAIR, NIP_NOTULIS = "196805121994031007", "199003152015032002"
"""Invented civil-servant numbers (18 digits, as real NIPs have)."""

AGENCIES = ["Bappeda", "Diskominfosatik", "DPMPTSP", "Disporapar", "Dinkes", "DLH"]
"""Agency abbreviations; agency ids are their position in this list, from 1."""


def _agency(abbreviation: str) -> int:
    return AGENCIES.index(abbreviation) + 1


def workshop() -> Workshop:
    """The header: Bimtek II, two days, chair named, speakers left to the participant roles."""
    return Workshop(
        region="Kabupaten Serang",
        organiser="Pemerintah Kabupaten Serang",
        title="Bimbingan Teknis Penyusunan Masterplan Smart City",
        stage=Stage.II,
        dates=[DAY_2, DAY_1],
        start_time="08:00",
        end_time="16.00",
        venue="Aula RSUD dr. Drajat Prawiranegara",
        chair="Drs. H. Ahmad Fauzi, M.Si.",
        facilitator="Budi Santoso",
        next_stage_date=date(2024, 8, 6),
    )


def participants() -> list[Participant]:
    """Six people: one per role, and two plain participants."""
    rows = [
        ("Drs. H. Ahmad Fauzi, M.Si.", "Kepala Bappeda", "Bappeda", Role.CHAIR, NIP_CHAIR),
        ("Dr. Rina Kusumawati", "Tenaga Ahli Smart City", None, Role.SPEAKER, ""),
        ("Budi Santoso", "Fasilitator", "Diskominfosatik", Role.FACILITATOR, ""),
        ("Siti Nurhaliza, S.Kom.", "Pranata Komputer", "Diskominfosatik", Role.MINUTE_TAKER, NIP_NOTULIS),
        ("dr. Yusuf Maulana", "Kepala Bidang Pelayanan", "Dinkes", Role.PARTICIPANT, ""),
        ("Dewi Lestari", "Analis Kebijakan", "DPMPTSP", Role.PARTICIPANT, ""),
    ]
    return [
        Participant(id=n, name=name, position=job, agency_id=_agency(a) if a else None, role=role, nip=nip)
        for n, (name, job, a, role, nip) in enumerate(rows, 1)
    ]


def attendance() -> list[Attendance]:
    """Everyone on day 1; on day 2 dr. Yusuf is absent and Dewi was not recorded."""
    day_1 = [Attendance(participant_id=n, day=DAY_1) for n in range(1, 7)]
    day_2 = [Attendance(participant_id=n, day=DAY_2, present=n != 5) for n in range(1, 6)]
    return day_1 + day_2


def innovations() -> list[Innovation]:
    """Four innovations in four dimensions, existing and new, selected and candidate."""
    return [
        Innovation(id=1, title="Serang Tatu (layanan satu pintu)", dimension="GOV", element="GOV-1",
                   lead_agency_id=_agency("DPMPTSP"), status=InnovationStatus.EXISTING,
                   review_outcome=ReviewOutcome.IMPROVE, quick_win=QuickWin.SELECTED),
        Innovation(id=2, title="Sikonde", dimension="BRA", element="BRA-1",
                   lead_agency_id=_agency("Disporapar"), quick_win=QuickWin.CANDIDATE),
        Innovation(id=3, title="Pesan Ibu", dimension="ENV", element="ENV-2",
                   lead_agency_id=_agency("DLH"), quick_win=QuickWin.SELECTED),
        Innovation(id=4, title="Telemedicine Puskesmas", dimension="LIV", element="LIV-2",
                   lead_agency_id=_agency("Dinkes"), status=InnovationStatus.EXISTING,
                   review_outcome=ReviewOutcome.CONTINUE),
    ]


def _note(n: int, kind: NoteKind, text: str, **fields: object) -> Note:
    """Note ``n``, taken ``n`` minutes after 09:00 on day 1."""
    return Note(id=n, kind=kind, text=text, created_at=datetime(2024, 7, 2, 9, n), **fields)


def notes() -> list[Note]:
    """Discussion, decisions, follow-ups and data requests, as typed in the room."""
    say, ask = NoteKind.NOTE, NoteKind.QUESTION
    decide, follow, data = NoteKind.DECISION, NoteKind.FOLLOW_UP, NoteKind.DATA_REQUEST
    return [
        _note(1, say, "masterplan smart city menjadi acuan RPJMD 2025–2029.", speaker="Kepala Bappeda"),
        _note(2, say, "Serang Tatu perlu terhubung dengan layanan Disdukcapil.", speaker="Diskominfosatik",
              dimension="GOV"),
        _note(3, ask, "apakah data rekam medis boleh dibagi antar-fasilitas?", speaker="Dinkes",
              target_type=TargetType.INNOVATION, target_id=4),
        _note(4, say, "Bank sampah sudah ada di 5 desa.\n- target 2025: 10 desa\n- target 2026: 20 desa",
              dimension="ENV"),
        _note(5, say, "Sikonde menghubungkan desa wisata; lihat <https://example.org> & *brosur*.",
              speaker="Disporapar", dimension="BRA"),
        _note(6, decide, "Serang Tatu ditetapkan sebagai quick win dimensi Smart Governance.",
              dimension="GOV"),
        _note(7, decide, "Setiap perangkat daerah melengkapi formulir inovasi."),
        _note(8, follow, "Menyusun rencana aksi Serang Tatu", owner_agency_id=_agency("DPMPTSP"),
              due=date(2024, 7, 16)),
        _note(9, follow, "Mengirim daftar aplikasi | target 2025: 3 aplikasi",
              owner_agency_id=_agency("Diskominfosatik"), due=date(2024, 7, 10)),
        _note(10, follow, "Menjadwalkan rapat koordinasi dengan desa wisata"),
        _note(11, data, "Dokumen RPJMD 2025–2029 (rancangan)", owner_agency_id=_agency("Bappeda"),
              due=date(2024, 7, 12)),
        _note(12, data, "Jumlah puskesmas yang memakai SIMPUS", owner_agency_id=_agency("Dinkes")),
        _note(13, data, "Renstra Bappeda 2025–2029", owner_agency_id=_agency("Bappeda"),
              due=date(2024, 7, 10)),
        _note(14, data, "Data volume sampah per kecamatan"),
    ]


def bundle() -> Bundle:
    """The whole fixture workshop."""
    return Bundle(
        workshop=workshop(),
        reference=reference_data(),
        agencies=[Agency(id=n, abbreviation=a) for n, a in enumerate(AGENCIES, 1)],
        participants=participants(),
        attendance=attendance(),
        innovations=innovations(),
        notes=notes(),
    )
