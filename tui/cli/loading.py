"""What the CLI sets before it loads anything else (imported first, by ``tui.cli``), for start-up time.

- The garbage collector is off while the modules load: collecting meanwhile cost ~35 ms of a
  start. ``tui.cli`` turns it on again when a command other than the app starts, and
  ``_run_app`` once the app is made (with what loading made frozen).
- pydantic's plugin scan is off: rembuk uses no plugins, and the scan reads every installed
  package's entry points.
"""

from __future__ import annotations

import gc
import os

gc.disable()
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
