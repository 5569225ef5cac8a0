"""``oit-checker serve``: run the web page (and its JSON API) on this machine."""

from __future__ import annotations

from pathlib import Path

import typer

from oit_checker.commands.options import ConfigFile, NoOcr
from oit_checker.errors import UsageError
from oit_checker.store.history import default_history_path


def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on"),
    port: int = typer.Option(8731, "--port", help="port to listen on"),
    jobs: int = typer.Option(2, "--jobs", "-j", help="scans at once; the others wait in a queue"),
    token: str | None = typer.Option(
        None,
        "--token",
        help="access token (or OIT_SERVE_TOKEN); required on any address but 127.0.0.1",
    ),
    allow_private: bool = typer.Option(
        False,
        "--allow-private",
        help="allow scanning loopback, private and link-local addresses (refused by default)",
    ),
    data: Path | None = typer.Option(
        None,
        "--data",
        help="folder for history.sqlite3, uploads and batches (default: the CLI's data folder,"
        " so the CLI and the web page share one history)",
    ),
    celery: str | None = typer.Option(
        None, "--celery", help="Redis broker URL: run the scans on the Celery workers"
    ),
    config_file: ConfigFile = None,
    no_ocr: NoOcr = False,
) -> None:
    """เปิดหน้าเว็บสำหรับตรวจเว็บไซต์ / Serve the web page: scan, audit, batch, history.

    Open http://127.0.0.1:8731/ in a browser. Binds 127.0.0.1 by default; any other address
    needs a token. See the README ("The web page") for an office set-up behind nginx.
    """
    try:
        import uvicorn

        from oit_checker.web.app import create_app
    except ImportError as exc:
        raise UsageError(f"serve needs: pip install 'oit-checker[serve]' ({exc})") from exc
    from oit_checker.commands.scan import read_config
    from oit_checker.web.settings import ServeSettings, resolve_token

    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    chosen = resolve_token(host, token)
    settings = ServeSettings(
        data=data if data is not None else default_history_path().parent,
        host=host,
        port=port,
        jobs=jobs,
        token=chosen,
        allow_private=allow_private,
        celery=celery,
        config=read_config(config_file),
        ocr=not no_ocr,
    )
    app = create_app(settings, chosen)
    typer.echo(f"oit-checker: http://{host if ':' not in host else f'[{host}]'}:{port}/", err=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        timeout_graceful_shutdown=5,
        proxy_headers=True,
    )
