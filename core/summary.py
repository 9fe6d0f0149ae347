"""What the overview shows of each dimension: counts, computed from plain numbers."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DimensionSummary:
    """The counts on one dimension tile."""

    code: str
    name: str
    order: int
    existing: int = 0
    """Innovations already running (sudah berjalan)."""
    new: int = 0
    """New innovations (baru)."""
    candidates: int = 0
    """Quick-win candidates, selected ones included."""
    selected: int = 0
    """Selected quick wins."""
    high_risks: int = 0
    """Risks whose inherent level is Tinggi (high) or above."""
    notes: int = 0
    elements: dict[str, tuple[str, int]] = field(default_factory=dict)
    """Element code → (label, number of innovations)."""

    @property
    def innovations(self) -> int:
        """All innovations of the dimension."""
        return self.existing + self.new
