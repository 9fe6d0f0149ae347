"""The terminal user interface: the app shell, the CLI, app-wide messages and reusable widgets."""
