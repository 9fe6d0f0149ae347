"""Property tests (hypothesis): any text in gives a valid document out, and nothing typed is lost.

- The models: any text is either refused (blank) or kept with only control characters and
  escape sequences removed; printable text is kept exactly.
- The bundle: a workshop holding any texts exports, imports and exports again byte for byte,
  and every text arrives as the model cleaned it.
- The minutes of such a workshop parse (markdown-it) to the same headings as the minutes of
  the same workshop with plain texts, contain no HTML, and still hold every word typed.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from core.minutes import render_minutes
from core.models import Innovation, Note, Risk, Workshop
from core.text import clean_line, clean_text
from data.bundle import dumps, loads
from data.notes import capture_note
from data.workshops import create_workshop, export_bundle, new_workshop
from tests.core.mdparse import headings, html, parse

PRINTABLE = st.text(st.characters(exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp")) | st.just("\n"),
                    max_size=80)
ANY = st.text(max_size=80)
TEXTS = st.lists(ANY.filter(lambda s: clean_text(s).strip()), min_size=1, max_size=4)
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


def note(text: str, speaker: str = "") -> Note:
    """A note at a fixed time."""
    return Note(text=text, speaker=speaker, dimension="GOV", target_type="dimension",
                created_at=datetime(2024, 7, 2, 9))


@settings(max_examples=300, deadline=None)
@given(ANY)
def test_any_text_is_refused_as_blank_or_kept_clean(text):
    try:
        kept = note(text).text
    except ValidationError:
        assert not clean_text(text).strip()
        return
    assert kept == clean_text(text)
    assert "\x1b" not in kept and all(c == "\n" or c.isprintable() or c in " \u200d" or not c.isascii()
                                      for c in kept)


@settings(max_examples=300, deadline=None)
@given(PRINTABLE.filter(lambda s: s.strip()))
def test_printable_text_is_kept_exactly(text):
    assert note(text).text == text.replace("\t", "    ")


def _workshop_with(folder: Path, texts: list[str], speaker: str) -> Path:
    """A workshop file holding notes, an innovation and a risk with the given texts."""
    path = folder / "w.rembuk"
    store = new_workshop(path, Workshop(region="Kabupaten Serang", title=speaker))
    for text in texts:
        capture_note(store, note(text, speaker))
    innovation = store.save(Innovation(title=texts[0].strip() or "x", dimension="GOV",
                                       element="GOV-1", problem=texts[-1], quick_win="selected"))
    store.save(Risk(innovation_id=innovation.id, event=texts[0].strip() or "x", cause=texts[-1]))
    store.close()
    return path


@SETTINGS
@given(texts=TEXTS, speaker=ANY)
def test_export_import_export_is_byte_identical_and_keeps_every_text(texts, speaker):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        store = create_workshop(folder / "a.rembuk", loads(_export(_workshop_with(folder, texts, speaker))))
        first = _export(folder / "w.rembuk")
        again = export_bundle(store)
        store.close()
    assert again == first
    bundle = loads(first)
    assert [n.text for n in bundle.notes] == [note(t).text for t in texts]
    assert bundle.notes[0].speaker == note("x", speaker).speaker


def _export(path: Path) -> str:
    from data.store import WorkshopStore

    store = WorkshopStore.open(path)
    try:
        return dumps(store.bundle())
    finally:
        store.close()


@SETTINGS
@given(texts=TEXTS, speaker=ANY)
def test_the_minutes_of_any_text_are_a_valid_document_holding_every_word(texts, speaker):
    with tempfile.TemporaryDirectory() as scratch:
        bundle = loads(_export(_workshop_with(Path(scratch), texts, speaker)))
        plain = loads(_export(_workshop_with(Path(scratch) / "p", ["catatan"] * len(texts), "Ari")))
    for lang in ("id", "en"):
        tokens = parse(render_minutes(bundle, lang))
        assert headings(tokens) == headings(parse(render_minutes(plain, lang)))
        assert html(tokens) == []
        shown = " ".join(_all_text(tokens).split())
        for text in texts:
            for word in clean_text(text).split():
                assert word in shown, word  # the parser has undone the escaping


def _all_text(tokens) -> str:
    """Every piece of text a reader sees, in order."""
    pieces = []
    for token in tokens:
        for child in token.children or []:
            pieces.append(child.content if child.type in ("text", "code_inline") else " ")
    return " ".join(pieces)



def _reference_clean_text(value: str) -> str:
    """clean_text as first written, one character at a time: the fast path must agree with it."""
    import re

    from core.text import _ESCAPE_SEQUENCE, _is_control

    value = _ESCAPE_SEQUENCE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return re.sub("\t", "    ", "".join(c for c in value if not _is_control(c)))


@settings(max_examples=500, deadline=None)
@given(ANY | PRINTABLE)
def test_the_fast_path_of_clean_text_changes_nothing(text):
    assert clean_text(text) == _reference_clean_text(text)


@settings(max_examples=500, deadline=None)
@given(ANY | PRINTABLE | PRINTABLE.map(lambda s: f"  {s} "))
def test_the_fast_path_of_clean_line_changes_nothing(text):
    expected = " ".join(part.strip() for part in _reference_clean_text(text).split("\n")).strip()
    assert clean_line(text) == expected
