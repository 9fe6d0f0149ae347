"""The sheets an agency can send in (innovations, action plans, risks) and their columns.

A column's header is matched loosely: case, spaces and punctuation do not count, and its
name in either language (the catalog's heading), its key and a few common synonyms all
match. So the registers rembuk exports read back as they are, and so does a sheet an agency
retyped by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.i18n import LANGUAGES, translator


@dataclass(frozen=True)
class Column:
    """One column of a submission sheet."""

    key: str
    label: str
    """The catalog key of its heading."""
    required: bool = False
    synonyms: tuple[str, ...] = ()
    choices: str = ""
    """The name of the list its values come from (``agencies``, ``elements``, …), if fixed."""

    def names(self) -> set[str]:
        """Every spelling that identifies this column, normalised."""
        spelled = {self.key, *self.synonyms, *(translator(lang)(self.label) for lang in LANGUAGES)}
        return {normalise(name) for name in spelled}


@dataclass(frozen=True)
class SheetKind:
    """A kind of submission: its name, its title's catalog key and its columns."""

    name: str
    title: str
    columns: tuple[Column, ...]

    def titles(self) -> set[str]:
        """The sheet's title in either language and its name, normalised."""
        return {normalise(self.name), *(normalise(translator(lang)(self.title)) for lang in LANGUAGES)}

    @property
    def required(self) -> tuple[Column, ...]:
        """The columns a row cannot do without."""
        return tuple(c for c in self.columns if c.required)


def normalise(name: str) -> str:
    """``Pagu Indikatif (Rp)`` → ``paguindikatifrp``: what is left when case and punctuation go."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


_I = "sheets.innovations.column."
_A = "actions_export.column."
_R = "risk.col."

INNOVATIONS = SheetKind("innovations", "sheets.title.innovations", (
    Column("code", _I + "code", synonyms=("kode inovasi",)),
    Column("title", _I + "title", required=True, synonyms=("judul", "nama inovasi", "innovation title")),
    Column("dimension", _I + "dimension", choices="dimensions"),
    Column("element", _I + "element", required=True, choices="elements"),
    Column("status", _I + "status", choices="statuses"),
    Column("lead", _I + "lead", choices="agencies", synonyms=("opd", "pengampu", "perangkat daerah")),
    Column("supporting", _I + "supporting", synonyms=("pendukung",)),
    Column("horizon", _I + "horizon", choices="horizons", synonyms=("jangka",)),
    Column("programme", _I + "programme", synonyms=("program rpjmd",)),
    Column("problem", _I + "problem", synonyms=("masalah",)),
    Column("beneficiaries", _I + "beneficiaries", synonyms=("sasaran",)),
))

ACTIONS = SheetKind("actions", "sheets.title.actions", (
    Column("innovation", _A + "innovation", required=True, synonyms=("nama inovasi", "judul inovasi")),
    Column("activity", _A + "activity", required=True, synonyms=("aksi", "rencana aksi")),
    Column("year", _A + "year", required=True, synonyms=("tahun anggaran",)),
    Column("budget", _A + "budget", synonyms=("pagu", "pagu indikatif", "anggaran", "indicative budget")),
    Column("lead", _A + "lead", choices="agencies", synonyms=("opd", "penanggung jawab", "lead agency")),
    Column("supporting", _A + "supporting", synonyms=("pendukung",)),
    Column("output", _A + "output"),
    Column("indicator", _A + "indicator", synonyms=("indikator",)),
    Column("target", _A + "target"),
    Column("location", _A + "location"),
    Column("funding_source", _A + "funding_source", choices="funding_sources"),
    Column("priority", _A + "priority"),
    Column("step_status", _A + "step_status", choices="step_statuses"),
))

RISKS = SheetKind("risks", "sheets.title.risks", (
    Column("code", _R + "code", synonyms=("kode risiko",)),
    Column("innovation", _R + "innovation", required=True),
    Column("event", _R + "event", required=True, synonyms=("risiko", "peristiwa", "risk event")),
    Column("type", _R + "type", choices="risk_types"),
    Column("cause", _R + "cause"),
    Column("category", _R + "category", choices="categories"),
    Column("impact_description", _R + "impact_description", synonyms=("uraian dampak",)),
    Column("impact_area", _R + "impact_area", choices="impact_areas"),
    Column("existing_controls", _R + "existing_controls", synonyms=("pengendalian",)),
    Column("likelihood", _R + "likelihood", required=True, choices="levels", synonyms=("kemungkinan",)),
    Column("impact", _R + "impact", required=True, choices="levels"),
    Column("treatment_option", _R + "treatment_option", choices="treatments"),
    Column("treatment_action", _R + "treatment_action"),
    Column("output", _R + "output"),
    Column("schedule", _R + "schedule"),
    Column("owner", _R + "owner", choices="agencies"),
    Column("residual_likelihood", _R + "residual_likelihood", choices="levels"),
    Column("residual_impact", _R + "residual_impact", choices="levels"),
))

KINDS: dict[str, SheetKind] = {kind.name: kind for kind in (INNOVATIONS, ACTIONS, RISKS)}
"""The kinds of submission, by the name ``rembuk template`` takes, in the order they import."""
