"""Logging of the command line: warnings on stderr, more with ``-v``, everything into
``--log-file``.

The package logs through stdlib ``logging`` under the ``oit_checker`` logger (each module its
own child logger); nothing is printed unless a command sets this up. Processes a command starts
(batch processes, the document-reading workers) log the same way: the settings travel in the
environment, which spawned processes inherit, and workers send their records back to the
process that started the task (see :mod:`oit_checker.extract.pool`).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

_ENV_LEVEL = "OIT_CHECKER_LOG_LEVEL"
_ENV_FILE = "OIT_CHECKER_LOG_FILE"
_FORMAT = "%(asctime)s %(levelname)s %(processName)s %(name)s: %(message)s"
_HANDLER_FLAG = "_oit_checker_handler"


def setup_logging(verbose: int = 0, log_file: Path | None = None, *, quiet: bool = False) -> None:
    """Console: warnings (errors only with ``quiet``; info with ``-v``, debug with ``-vv``).
    ``log_file``: appended, info and up (debug with ``-vv``), tracebacks included."""
    console = logging.ERROR if quiet else logging.WARNING
    if verbose == 1:
        console = logging.INFO
    elif verbose >= 2:
        console = logging.DEBUG
    os.environ[_ENV_LEVEL] = str(console)
    if log_file is not None:
        os.environ[_ENV_FILE] = str(Path(log_file).resolve())
    else:
        os.environ.pop(_ENV_FILE, None)
    _install(console, log_file, debug_file=verbose >= 2)


def setup_from_environment() -> None:
    """In a process started by a command: log as that command was told to."""
    level = os.environ.get(_ENV_LEVEL)
    if level is None:
        return
    file = os.environ.get(_ENV_FILE)
    _install(int(level), Path(file) if file else None, debug_file=int(level) <= logging.DEBUG)


def _install(console: int, log_file: Path | None, *, debug_file: bool) -> None:
    root = logging.getLogger("oit_checker")
    for handler in [h for h in root.handlers if getattr(h, _HANDLER_FLAG, False)]:
        root.removeHandler(handler)
        handler.close()
    formatter = logging.Formatter(_FORMAT)
    stream = logging.StreamHandler()
    stream.setLevel(console)
    stream.setFormatter(formatter)
    handlers: list[logging.Handler] = [stream]
    file_level = logging.DEBUG if debug_file else logging.INFO
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        to_file = logging.FileHandler(log_file, encoding="utf-8")
        to_file.setLevel(file_level)
        to_file.setFormatter(formatter)
        handlers.append(to_file)
    for handler in handlers:
        setattr(handler, _HANDLER_FLAG, True)
        root.addHandler(handler)
    root.setLevel(min(console, file_level if log_file is not None else console))
    root.propagate = False


__all__ = ["setup_from_environment", "setup_logging"]
