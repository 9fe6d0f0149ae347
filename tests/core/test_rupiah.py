"""core.rupiah: Indonesian formatting and the typed forms a facilitator uses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.i18n import set_language
from core.rupiah import MAX_AMOUNT, RupiahError, format_rupiah, parse, short


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1250000000", 1_250_000_000),
        ("1.250.000.000", 1_250_000_000),
        ("Rp 1.250.000.000", 1_250_000_000),
        ("Rp. 1.250.000.000", 1_250_000_000),
        ("rp1.250.000.000", 1_250_000_000),
        ("1,250,000,000", 1_250_000_000),
        ("1,25 M", 1_250_000_000),
        ("1.25 miliar", 1_250_000_000),
        ("1,25 milyar", 1_250_000_000),
        ("750 juta", 750_000_000),
        ("750jt", 750_000_000),
        ("1.250 juta", 1_250_000_000),
        ("1,5 T", 1_500_000_000_000),
        ("2 triliun", 2_000_000_000_000),
        ("500 rb", 500_000),
        ("500 ribu", 500_000),
        ("1.250.000,00", 1_250_000),
        ("  0 ", 0),
    ],
)
def test_typed_forms(typed: str, amount: int) -> None:
    assert parse(typed) == amount


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("-5", "rupiah.error.negative"),
        ("Rp -1.000", "rupiah.error.negative"),
        ("\u2212750 juta", "rupiah.error.negative"),
        ("abc", "rupiah.error.not_a_number"),
        ("12 apples", "rupiah.error.not_a_number"),
        ("1.2.3", "rupiah.error.not_a_number"),
        ("1e9", "rupiah.error.not_a_number"),
        ("", "rupiah.error.empty"),
        ("1,5", "rupiah.error.fraction"),
        ("1,2345678 jt", "rupiah.error.fraction"),
        ("99999 T", "rupiah.error.too_large"),
    ],
)
def test_refusals_say_why(typed: str, reason: str) -> None:
    with pytest.raises(RupiahError) as refused:
        parse(typed)
    assert refused.value.key == reason


def test_refusal_is_translated() -> None:
    set_language("id")
    with pytest.raises(RupiahError) as refused:
        parse("-1")
    assert str(refused.value) == "Jumlah tidak boleh negatif."


def test_format_is_indonesian() -> None:
    assert format_rupiah(1_250_000_000) == "Rp 1.250.000.000"
    assert format_rupiah(0) == "Rp 0"
    assert format_rupiah(999) == "Rp 999"


def test_short_forms() -> None:
    assert short(1_250_000_000) == "1,25 M"
    assert short(750_000_000) == "750 jt"
    assert short(1_500_000_000_000) == "1,5 T"
    assert short(500_000) == "500 rb"
    assert short(12) == "12"


@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_parse_reads_back_what_format_writes(amount: int) -> None:
    assert parse(format_rupiah(amount)) == amount
    assert parse(str(amount)) == amount


@given(st.integers(min_value=0, max_value=MAX_AMOUNT))
def test_short_form_reads_back_close(amount: int) -> None:
    """The short form rounds to two decimals of its scale: within 0.5 % of the amount."""
    assert abs(parse(short(amount).replace(",", ".")) - amount) <= max(amount * 0.005, 0)
