"""``python -m tui.cli``: the same CLI as the ``rembuk`` command."""

from tui.cli import main

main()
