"""The floor: a hello-world Textual app every benchmark figure is compared against.

It is as small as a Textual app with a header and a footer can be. `c` changes the label
(`hello` becomes `hello 1`, `hello 2`, ...) so key-to-screen latency can be measured on a
visible change; `q` quits. Run it as a script: `python tests/bench/hello_app.py`.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import Footer, Header, Static


class HelloApp(App[None]):
    """Header, a `hello` label, and a footer."""

    BINDINGS = [
        Binding("c", "count", "Count", id="hello.count"),
        Binding("q", "quit", "Quit", id="hello.quit"),
    ]

    presses: reactive[int] = reactive(0, init=False, repaint=False)
    """How often `c` was pressed; shown after the greeting. Not a reason to repaint the app: the
    label repaints itself, as a hello world written the usual way does (an app-level reactive
    that repaints would redraw the whole terminal per key and inflate the floor tenfold)."""

    def compose(self) -> ComposeResult:
        """A header, the label, a footer."""
        yield Header()
        yield Static("hello", id="hello")
        yield Footer()

    def action_count(self) -> None:
        """Count one more press."""
        self.presses += 1

    def watch_presses(self, presses: int) -> None:
        """Show the count beside the greeting."""
        self.query_one("#hello", Static).update(f"hello {presses}" if presses else "hello")


if __name__ == "__main__":
    HelloApp().run()
