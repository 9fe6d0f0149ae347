"""Reading one row of a recognised sheet into the fields of the item it describes.

Each column key has a reader (text, a whole number, rupiah, a value from a fixed list, a list
of agencies) and the model field it fills. An empty cell changes nothing (so a sheet that
leaves a column blank never wipes what the workshop holds); an empty required cell, or a
value that cannot be read, is refused at its cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from core.i18n import Translator, translator
from core.models import Bundle
from core.sheets import values
from core.sheets.submission import FoundSheet, Refusal
from core.sheets.values import Choices, Refused

FIELDS = {
    "lead": "lead_agency_id", "supporting": "supporting_agency_ids", "owner": "owner_agency_id",
    "step_status": "status",
}
"""Column keys whose model field has another name; every other key is its field's name."""


Field = str | int | list[int]
"""A field as a row reads it: text, a whole number (a year, a level, rupiah, an agency's id) or
the ids of agencies (the supporting ones)."""

WHOLE = {"year", "likelihood", "impact", "residual_likelihood", "residual_impact"}
AGENCY = {"lead", "owner"}


@dataclass
class ReadRow:
    """One row read: its fields by model name, and what was refused in it."""

    sheet: FoundSheet
    number: int
    cells: Sequence[object]
    fields: dict[str, Field] = field(default_factory=dict)
    refusals: list[Refusal] = field(default_factory=list)

    def text(self, key: str) -> str:
        """The row's cell for column ``key`` as text."""
        return values.text(self.sheet.value(self.cells, key))

    def field_text(self, name: str, default: str | None = None) -> str:
        """The text field ``name``; ``default`` if the row has none (without one, a KeyError)."""
        value = self.fields[name] if default is None else self.fields.get(name, default)
        if not isinstance(value, str):
            raise TypeError(f"field {name!r} is not text: {value!r}")
        return value

    def field_whole(self, name: str, default: int | None = None) -> int:
        """The whole-number field ``name``; ``default`` if the row has none (without one, a KeyError)."""
        value = self.fields[name] if default is None else self.fields.get(name, default)
        if not isinstance(value, int):
            raise TypeError(f"field {name!r} is not a whole number: {value!r}")
        return value

    def column_of(self, field_name: str) -> int:
        """The index of the column filling ``field_name`` (the first column if none does)."""
        keys = [k for k, f in FIELDS.items() if f == field_name] or [field_name]
        return next((self.sheet.positions[k] for k in keys if k in self.sheet.positions),
                    min(self.sheet.positions.values()))

    def refuse(self, column: int, reason: str) -> None:
        """Refuse the value at ``column`` of this row."""
        self.refusals.append(Refusal(self.sheet.name, self.number, column, reason))


class RowReader:
    """Reads rows against one workshop's fixed lists, agencies and years."""

    def __init__(self, bundle: Bundle, lang: str) -> None:
        self.tr: Translator = translator(lang)
        self.lists = values.vocabulary(bundle, lang)
        self.elements = {e.code: e.dimension for e in bundle.reference.elements}
        self.years = bundle.workshop.years

    def read(self, sheet: FoundSheet, number: int, cells: Sequence[object]) -> ReadRow:
        """The fields of row ``number``, or its refusals."""
        row = ReadRow(sheet, number, cells)
        for column in sheet.kind.columns:
            if column.key not in sheet.positions:
                continue
            typed = row.text(column.key)
            position = sheet.positions[column.key]
            if not typed:
                if column.required:
                    row.refuse(position, self.tr("sheets.error.required", column=sheet.column_name(column.key)))
                continue
            try:
                self._store(row, column.key, typed, sheet.value(cells, column.key), column.choices)
            except Refused as refused:
                row.refuse(position, str(refused))
        if "element" in row.fields and not row.refusals:
            self._check_dimension(row)
        return row

    def _store(self, row: ReadRow, key: str, typed: str, raw: object, choices: str) -> None:
        """Read one cell into its field; the innovation and an innovation's code only say which item."""
        name = row.sheet.column_name(key)
        if key == "innovation" or (key == "code" and row.sheet.kind.name != "risks"):
            return
        if key == "element":
            row.fields["element"] = self._element(row, typed, name)
            return
        reader = self._reader(key, choices)
        row.fields[FIELDS.get(key, key)] = reader(typed, raw, name)

    def _reader(self, key: str, choices: str) -> Callable[[str, object, str], Field]:
        if key == "year":
            return lambda _t, raw, _n: self._year(raw)
        if key in WHOLE:
            return lambda typed, _r, name: int(self.lists["levels"].pick(typed, name, self.tr))
        if key == "budget":
            return lambda _t, raw, _n: values.amount(raw, self.tr)
        if key == "supporting":
            return lambda typed, _r, name: self._agencies(typed, name)
        if key in AGENCY:
            return lambda typed, _r, name: int(self.lists["agencies"].pick(typed, name, self.tr))
        if choices:
            return lambda typed, _r, name: self._choice(choices, typed, name)
        return lambda typed, _r, _n: typed

    def _element(self, row: ReadRow, typed: str, name: str) -> str:
        """An element by code or label; refused with the elements of the row's dimension."""
        try:
            return self.lists["elements"].pick(typed, name, self.tr)
        except Refused:
            dimension = row.text("dimension").upper() or typed.split("-")[0].upper()
            inside = [code for code, dim in self.elements.items() if dim == dimension] or list(self.elements)
            raise Refused(self.tr("sheets.error.unknown_choice", column=name, value=typed,
                                  choices=values.listed(inside, self.tr))) from None

    def _choice(self, choices: str, typed: str, name: str) -> str:
        return self.lists[choices].pick(typed, name, self.tr)

    def _year(self, raw: object) -> int:
        year = values.whole(raw, self.tr)
        if year not in self.years:
            raise Refused(self.tr("sheets.error.year_outside", value=year, start=self.years.start,
                                  end=self.years.stop - 1))
        return year

    def _agencies(self, typed: str, name: str) -> list[int]:
        agencies: Choices = self.lists["agencies"]
        return [int(agencies.pick(part.strip(), name, self.tr)) for part in typed.split(",") if part.strip()]

    def _check_dimension(self, row: ReadRow) -> None:
        """An element belongs to the dimension the row names (or, without one, gives it)."""
        element = str(row.fields["element"])
        dimension = str(row.fields.get("dimension") or self.elements[element])
        row.fields["dimension"] = dimension
        if self.elements[element] != dimension:
            inside = [code for code, dim in self.elements.items() if dim == dimension]
            name = row.sheet.column_name("element")
            row.refuse(row.sheet.positions["element"], self.tr(
                "sheets.error.unknown_choice", column=name, value=element, choices=values.listed(inside, self.tr)))
