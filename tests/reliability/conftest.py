"""Fixtures of the reliability suite: the e2e `terminal` fixture, shared here."""

from tests.e2e.conftest import terminal  # noqa: F401  (a fixture, used by name)
