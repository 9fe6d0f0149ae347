"""A kept note line reads back as it was typed, and a draft from an older rembuk (only text) too."""

from __future__ import annotations

from core.line_draft import LineDraft


def test_a_follow_up_line_reads_back_with_every_field():
    typed = LineDraft(text="Kirim data faskes", kind="follow_up", speaker="Bu Rina", agency="Dinkes", due="15/8",
                      about="Sistem Antrean Online", dimension="LIV", target_type="innovation", target_id="42")
    assert LineDraft.loads(typed.dumps()) == typed


def test_a_plain_note_is_kept_as_its_text_as_older_files_hold_it():
    assert LineDraft(text="Data DTKS belum lengkap").dumps() == "Data DTKS belum lengkap"
    assert LineDraft.loads("Data DTKS belum lengkap") == LineDraft(text="Data DTKS belum lengkap")


def test_a_note_typed_as_json_stays_the_text_it_was():
    for text in ('{"a": 1}', "{not json", '{"rembuk.note_line"'):
        assert LineDraft.loads(LineDraft(text=text).dumps()).text == text


def test_an_empty_line_keeps_no_draft():
    assert LineDraft().dumps() == ""
    assert LineDraft(kind="decision").dumps() == ""
