"""Rupiah amounts: shown the Indonesian way (``Rp 1.250.000.000``), typed the way people type.

:func:`parse` accepts what a facilitator types into a budget field: plain digits
(``1250000000``), grouped with dots (``1.250.000.000``) or commas (``1,250,000,000``), with or
without ``Rp``, and the spoken scales with a decimal comma or point: ``1,25 M``,
``1.25 miliar``, ``750 juta``, ``750jt``, ``1,5 T``, ``500 rb``. Amounts are whole rupiah;
negative amounts and anything that is not a number are refused with a translatable message.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from core.i18n import _

SCALES: dict[str, int] = {
    "t": 10**12, "tn": 10**12, "triliun": 10**12, "trilyun": 10**12,
    "m": 10**9, "miliar": 10**9, "milyar": 10**9, "mlr": 10**9, "b": 10**9, "bn": 10**9,
    "jt": 10**6, "juta": 10**6, "j": 10**6,
    "rb": 10**3, "ribu": 10**3, "k": 10**3,
}
"""Scale words and abbreviations (lower case), as multipliers."""

MAX_AMOUNT = 10**16
"""No budget line reaches ten thousand trillion rupiah: above this it is a typing slip."""

_FORM = re.compile(r"^(?P<number>[0-9][0-9.,]*)\s*(?P<scale>[a-z]*)$")
_GROUPED = re.compile(r"^\d{1,3}([.,]\d{3})+$")


class RupiahError(ValueError):
    """A typed amount that is not a whole, non-negative number of rupiah.

    ``key`` is the catalog key of the reason; ``str()`` gives it in the current language.
    """

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key

    def __str__(self) -> str:
        return _(self.key)


def format_rupiah(amount: int) -> str:
    """``1250000000`` → ``Rp 1.250.000.000`` (dots group the thousands)."""
    return "Rp " + group(amount)


def group(amount: int) -> str:
    """Digits grouped by thousands with dots, without ``Rp``: ``1.250.000``."""
    return f"{amount:,}".replace(",", ".")


def short(amount: int) -> str:
    """A compact form for narrow columns: ``1,25 M``, ``750 jt``, ``500 rb`` (parseable back)."""
    for suffix, scale in (("T", 10**12), ("M", 10**9), ("jt", 10**6), ("rb", 10**3)):
        if amount >= scale:
            value = f"{amount / scale:.2f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"{value} {suffix}"
    return str(amount)


def parse(text: str) -> int:
    """The whole rupiah in ``text``.

    Raises:
        RupiahError: empty, negative, not a number, a fraction of a rupiah, or absurdly large.
    """
    cleaned = re.sub(r"\s+", " ", text.strip().lower())
    if not cleaned:
        raise RupiahError("rupiah.error.empty")
    if "-" in cleaned or "\u2212" in cleaned:  # a hyphen or a typographic minus sign
        raise RupiahError("rupiah.error.negative")
    cleaned = cleaned.removeprefix("rp").lstrip(". ").strip()
    found = _FORM.match(cleaned)
    if not found or (found["scale"] and found["scale"] not in SCALES):
        raise RupiahError("rupiah.error.not_a_number")
    scale = SCALES.get(found["scale"], 1)
    return _whole(_number(found["number"], scaled=scale > 1) * scale)


def _number(digits: str, scaled: bool) -> Decimal:
    """The value of ``1.250.000``, ``1,25``, ``1.25``, ``1.250,5`` (Indonesian or English)."""
    if "." in digits and "," in digits:
        decimal_mark = "," if digits.rfind(",") > digits.rfind(".") else "."
        grouping = "." if decimal_mark == "," else ","
        digits = digits.replace(grouping, "").replace(decimal_mark, ".")
    elif _GROUPED.match(digits) and not (scaled and digits.count(",") == 1):
        digits = digits.replace(".", "").replace(",", "")
    else:
        digits = digits.replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:
        raise RupiahError("rupiah.error.not_a_number") from None


def _whole(value: Decimal) -> int:
    """``value`` as an int, refusing fractions of a rupiah and absurd amounts."""
    if value != value.to_integral_value():
        raise RupiahError("rupiah.error.fraction")
    if value > MAX_AMOUNT:
        raise RupiahError("rupiah.error.too_large")
    return int(value)
