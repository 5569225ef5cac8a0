"""The ``oit-checker`` command line."""

from __future__ import annotations

import sys

import typer

from oit_checker import __version__
from oit_checker.errors import OitCheckerError

app = typer.Typer(
    name="oit-checker",
    help="ตรวจเว็บไซต์หน่วยงานตามเกณฑ์ OIT (ITA, สำนักงาน ป.ป.ช.) / Check an agency website"
    " against the ITA OIT checklist.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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


def main() -> None:
    """Entry point: run the app, turning known errors into one line and an exit code."""
    try:
        app(standalone_mode=False)
    except OitCheckerError as exc:
        typer.echo(f"oit-checker: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("oit-checker: aborted", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors
        import click

        if isinstance(exc, click.exceptions.UsageError):
            typer.echo(f"oit-checker: error: {exc.format_message()}", err=True)
            sys.exit(2)
        if isinstance(exc, click.exceptions.ClickException):
            typer.echo(f"oit-checker: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        raise
