"""The one kind of error a user can fix, and the exit codes of every command.

Any command raises :class:`UserError` for a problem the person at the keyboard can fix; the
command line (:mod:`phobien.cli`) prints it as one line and exits with its code. Nothing else
is caught there: anything else is a bug in phobien and keeps its traceback."""

from __future__ import annotations

EXIT_OK = 0
"""Everything went well."""
EXIT_CONTENT = 1
"""The content (or an input document) has errors; the messages say where and how to fix them."""
EXIT_USAGE = 2
"""The command was called wrongly: an unknown option, a missing argument, a file that is not there."""
EXIT_INTERRUPTED = 130
"""Stopped with Ctrl+C."""


class UserError(Exception):
    """A problem the user can fix. ``str(error)`` says what is wrong and how to fix it."""

    def __init__(self, message: str, code: int = EXIT_CONTENT) -> None:
        super().__init__(message)
        self.code = code
