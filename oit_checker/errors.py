"""Exceptions that the command line turns into one clear line and an exit code."""


class OitCheckerError(Exception):
    """Base class for errors a user should see as one line."""

    exit_code = 2


class UsageError(OitCheckerError):
    """Bad arguments, a missing file, an invalid rule pack: exit code 2."""

    exit_code = 2


class CouldNotAssessError(OitCheckerError):
    """The site could not be assessed at all (unreachable, blocked): exit code 3."""

    exit_code = 3
