"""The input filter: keys pass whole, every other escape sequence is dropped whole."""

from __future__ import annotations

import pytest

from tui.driver import escape_wait
from tui.input_filter import LONE_ESCAPE, PASTE_END, PASTE_START, InputFilter


def filtered(*reads: str) -> str:
    """What the parser sees for these reads, one after another."""
    text_filter = InputFilter()
    return "".join(text_filter.feed(read) for read in reads) + text_filter.flush()


@pytest.mark.parametrize("key", ["\x1b[A", "\x1b[1;5C", "\x1b[15~", "\x1bOP", "\x1b[<0;3;4M",
                                 "\x1b[I", "\x1b[97;5u", "\r", "\t", "\x7f", "\x14"])
def test_keys_pass_unchanged(key):
    assert filtered(key) == key


@pytest.mark.parametrize(("reads", "keys"), [
    (["\x1b"], LONE_ESCAPE),  # Escape, and nothing after it
    (["\x1bt"], LONE_ESCAPE + "t"),  # Escape and t in one read: not Alt+T
    (["\x1b", "t"], LONE_ESCAPE + "t"),  # in two reads
    (["\x1b1"], LONE_ESCAPE + "1"),
    (["\x1b\x1b[A"], LONE_ESCAPE + "\x1b[A"),  # Escape, then the up arrow
    (["\x1b", "[A"], "\x1b[A"),  # one arrow in two reads
])
def test_escape_followed_at_once_by_a_key_is_two_keys(reads, keys):
    assert filtered(*reads) == keys


def test_the_escape_mark_cannot_be_typed():
    assert filtered("a" + LONE_ESCAPE + "b") == "a\ufffdb"


def test_typed_title_and_screen_clear_leave_no_remnant():
    assert filtered("awal\x1b]0;PWNED\x07 tengah\x1b[2J\x1b[31m merah") == "awal tengah merah"


def test_an_unterminated_title_swallows_no_enter():
    assert filtered("a\x1b]0;PWNED\rb") == "a\rb"


def test_a_paste_keeps_its_words_in_order_without_sequences_or_controls():
    pasted = f"{PASTE_START}awal \x1b]0;PWNED\x07 tengah\x07\x08\x7f\x0b akhir\x1b[2J{PASTE_END}"
    assert filtered(pasted) == f"{PASTE_START}awal  tengah\n akhir{PASTE_END}"


def test_a_sequence_split_between_two_reads_is_dropped_whole():
    assert filtered(f"{PASTE_START}satu \x1b]0;PWN", "ED\x07 dua\x1b[3", f"1m tiga{PASTE_END}") == (
        f"{PASTE_START}satu  dua tiga{PASTE_END}")


def test_an_unfinished_sequence_goes_on_when_input_pauses():
    text_filter = InputFilter()
    assert text_filter.feed("\x1b[1;") == ""
    assert text_filter.flush() == "\x1b[1;"


def test_a_line_feed_typed_before_raw_mode_is_enter_but_stays_a_line_break_in_a_paste():
    assert filtered("catatan\n") == "catatan\r"
    assert filtered(f"{PASTE_START}satu\ndua{PASTE_END}") == f"{PASTE_START}satu\ndua{PASTE_END}"


def test_a_held_escape_makes_the_driver_wait_only_briefly_and_is_let_go_on_flush():
    text_filter = InputFilter()
    assert not text_filter.holding  # nothing held: the driver waits its idle time
    assert text_filter.feed("a\x1b") == "a"
    assert text_filter.holding  # an Escape: the driver waits ESCDELAY for what follows
    assert text_filter.flush() == LONE_ESCAPE
    assert not text_filter.holding


@pytest.mark.parametrize(("environ", "seconds"), [
    ({}, 0.025),  # as quick as tmux's own wait in the README's set-up
    ({"ESCDELAY": "100"}, 0.1),  # a link that splits a key's bytes
    ({"ESCDELAY": "0"}, 0.0),
    ({"ESCDELAY": "fast"}, 0.025),  # not a number: the default, not a crash at start-up
    ({"ESCDELAY": "-5"}, 0.025),
    ({"ESCDELAY": "60000"}, 0.025),  # a minute's wait on every Escape is a typo
])
def test_the_wait_after_a_lone_escape_follows_escdelay_in_milliseconds(environ, seconds):
    assert escape_wait(environ) == seconds
