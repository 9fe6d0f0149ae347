"""The one way to run store work off the UI thread.

Every thread worker in rembuk is started through :func:`in_thread`, a decorator used like
Textual's ``@work``. The worker runs with ``exit_on_error=False``, so an exception in it never
ends the app, and the exception is posted to the app as :class:`~tui.messages.WorkFailed`,
whose single handler in the app turns it into one line in the user's language and keeps the
traceback in ``rembuk.log`` (see :mod:`tui.failures`). A worker posts its result as a message;
it does not reach into widgets.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from textual.dom import DOMNode
from textual.worker import Worker

from tui.messages import WorkFailed

N = TypeVar("N", bound=DOMNode)
P = ParamSpec("P")
R = TypeVar("R")


def in_thread(*, group: str = "default", exclusive: bool = False, description: str = ""
              ) -> Callable[[Callable[Concatenate[N, P], R]], Callable[Concatenate[N, P], Worker[R]]]:
    """Run the decorated method in a thread worker whose failure is reported, never fatal."""

    def decorator(method: Callable[Concatenate[N, P], R]) -> Callable[Concatenate[N, P], Worker[R]]:
        @functools.wraps(method)
        def start(node: N, *args: P.args, **kwargs: P.kwargs) -> Worker[R]:
            app = node.app  # taken on the UI thread, where the active app is known

            def guarded() -> R:
                try:
                    return method(node, *args, **kwargs)
                except Exception as exc:
                    app.post_message(WorkFailed(exc))  # thread-safe; the app shows one line
                    raise

            return node.run_worker(guarded, thread=True, exit_on_error=False, group=group,
                                   exclusive=exclusive, description=description or method.__name__)

        return start

    return decorator
