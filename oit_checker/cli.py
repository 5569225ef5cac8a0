"""The ``oit-checker`` command line."""

from __future__ import annotations

import sys
import traceback

import typer

from oit_checker import __version__
from oit_checker.commands.audit import audit_command
from oit_checker.commands.batch import batch_command, worker_command
from oit_checker.commands.eval import eval_command
from oit_checker.commands.options import VERBOSE_FLAGS
from oit_checker.commands.runs import diff_command, history_command, schema_command
from oit_checker.commands.scan import demo_command, scan_command
from oit_checker.commands.serve import serve_command
from oit_checker.errors import OitCheckerError
from oit_checker.rules.cli import rules_app

app = typer.Typer(
    name="oit-checker",
    help="ตรวจเว็บไซต์หน่วยงานตามเกณฑ์ OIT (ITA, สำนักงาน ป.ป.ช.) / Check an agency website"
    " against the ITA OIT checklist.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command("scan")(scan_command)
app.command("demo")(demo_command)
app.command("audit")(audit_command)
app.command("history")(history_command)
app.command("diff")(diff_command)
app.command("schema")(schema_command)
app.command("eval")(eval_command)
app.command("batch")(batch_command)
app.command("worker")(worker_command)
app.command("serve")(serve_command)
app.add_typer(rules_app, name="rules")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"oit-checker {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """ตรวจเว็บไซต์หน่วยงานตามเกณฑ์ OIT / Check an agency website against the OIT checklist."""


EXIT_INTERNAL = 4


def _verbose() -> bool:
    return any(arg in VERBOSE_FLAGS for arg in sys.argv[1:])


def _internal_error(exc: Exception) -> None:
    """An error nobody foresaw: one line (the traceback with ``--verbose``), exit 4."""
    if _verbose():
        traceback.print_exception(exc)
    typer.echo(
        f"oit-checker: ข้อผิดพลาดภายใน / internal error: {type(exc).__name__}: {exc}"
        + ("" if _verbose() else " (--verbose shows the details)"),
        err=True,
    )
    sys.exit(EXIT_INTERNAL)


def main() -> None:
    """Entry point: run the app, turning known errors into one line and an exit code."""
    try:
        code = app(standalone_mode=False)  # click returns typer.Exit codes here
    except OitCheckerError as exc:
        if _verbose():
            traceback.print_exception(exc)
        typer.echo(f"oit-checker: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("oit-checker: aborted", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors
        from typer import _click as click  # typer vendors click; there is no top-level click

        if isinstance(exc, click.exceptions.UsageError):
            typer.echo(f"oit-checker: error: {exc.format_message()}", err=True)
            sys.exit(2)
        if isinstance(exc, click.exceptions.ClickException):
            typer.echo(f"oit-checker: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        _internal_error(exc)
    sys.exit(code if isinstance(code, int) else 0)
