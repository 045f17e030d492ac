"""Side effects that must wait for a successful commit: socket emits and job enqueues.

Nobody may see an event about a row that rolled back, and no worker may look for a row that is
not written yet, so services queue callbacks here and the session runs them after COMMIT.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
_KEY = "parallel_after_commit"


def on_commit(session: Session, callback: Callable[[], None]) -> None:
    """Run ``callback`` once the session's current transaction commits; drop it on rollback."""
    session.info.setdefault(_KEY, []).append(callback)


@event.listens_for(Session, "after_commit")
def _run_callbacks(session: Session) -> None:
    callbacks = session.info.pop(_KEY, [])
    for callback in callbacks:
        try:
            callback()
        except Exception:
            # The data is committed; a failed notification must not turn into an error page.
            log.exception("after-commit callback failed")


@event.listens_for(Session, "after_soft_rollback")
def _drop_callbacks(session: Session, previous_transaction) -> None:
    # Only the outermost rollback discards the work the callbacks describe.
    if previous_transaction.parent is None:
        session.info.pop(_KEY, None)
