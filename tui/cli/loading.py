"""What the CLI sets before it loads anything else (imported first, by ``tui.cli``), for start-up time.

- pydantic's plugin scan is off: rembuk uses no plugins, and the scan reads every installed
  package's entry points.

(The garbage collector is off while the app's modules load, which cost ~35 ms of a start:
``tui.cli._run_app`` turns it off before importing the app and on again once the app is made,
with what loading made frozen. Not here: importing ``tui.cli`` (as the tests do) must not
leave the importer without a collector.)
"""

from __future__ import annotations

import os

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
