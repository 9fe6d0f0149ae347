"""Starting rembuk loads what the overview and the note line need, nothing more (issue 15).

Every module imported at start costs start-up time and memory before the first screen, over SSH
on a slow server, in front of the room. The other screens, the forms, the dialogs, the documents
and the bundle are imported when their key is pressed. Checked in a fresh interpreter, as the
``rembuk`` command starts (this test process has imported everything already).
"""

from __future__ import annotations

import json
import subprocess
import sys

NOT_AT_START = [
    # libraries only a document, a preview, a sheet or the web view needs
    "markdown_it", "pygments", "docx", "openpyxl", "python_calamine", "aiohttp", "textual_serve",
    # screens, forms and dialogs the overview opens with a key
    "screens.board", "screens.people", "screens.action_plan", "screens.roadmap", "screens.preview",
    "screens.risk_heatmap", "screens.quick_wins", "screens.history", "screens.notes", "screens.agenda",
    "screens.forms.field_form", "screens.forms.workshop_form", "screens.dialogs.help",
    "screens.dialogs.timer_dialog", "screens.dialogs.innovation_picker",
    # a settings file's parser, when there is no settings file
    "tomllib",
    # data work the first screen never does
    "data.bundle", "data.carry", "data.undo", "data.exports", "core.minutes", "core.masterplan",
]

PROBE = """
import json, sys
from tui.cli import main  # what the rembuk console script imports
from tui.app import make_app  # what `rembuk open` imports next
print(json.dumps(sorted(sys.modules)))
"""


def test_starting_the_app_does_not_import_what_the_first_screen_does_not_show() -> None:
    loaded = set(json.loads(subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                                           check=True, timeout=120).stdout))
    assert "screens.overview" in loaded and "screens.capture" in loaded  # the probe imported the app
    assert sorted(name for name in NOT_AT_START if name in loaded) == []


FIRST_SCREEN_PROBE = """
import json, sys
from tui.cli import main
from tui.app import make_app
app = make_app(sys.argv[1], language="en")
app.first.take("probe")  # the first screen's reading, done
print(json.dumps(sorted(sys.modules)))
"""


def test_opening_a_workshop_and_reading_its_first_screen_leaves_sqlite_utils_unloaded(workshop_path) -> None:
    """The first screen reads through plain sqlite3; sqlite-utils (~30 ms, ~3 MiB) loads with the first write."""
    loaded = set(json.loads(subprocess.run([sys.executable, "-c", FIRST_SCREEN_PROBE, str(workshop_path)],
                                           capture_output=True, text=True, check=True, timeout=120).stdout))
    assert "data.first_screen" in loaded
    assert sorted(name for name in loaded if name.split(".")[0] in {"sqlite_utils", "dateutil", "pluggy"}) == []


def test_importing_the_cli_leaves_the_garbage_collector_on():
    """The collector is off only while `rembuk` loads the app (``_run_app``): importing the CLI
    module, as tests and other tools do, must not leave the importer without one."""
    shown = subprocess.run([sys.executable, "-c", "import gc, tui.cli; print(gc.isenabled())"],
                           capture_output=True, text=True, check=True, timeout=60)
    assert shown.stdout.strip() == "True"
