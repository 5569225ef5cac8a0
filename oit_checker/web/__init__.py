"""``oit-checker serve``: the web page for webmasters and assessors who never open a terminal.

:mod:`app` builds the ASGI app (FastAPI on uvicorn), :mod:`views` the pages, :mod:`api` the
JSON API, :mod:`jobs` the job table (in the run history file), :mod:`runner` the bounded job
queue, :mod:`tasks` what a scan, audit or batch job does, :mod:`progress` what a job shows
while it runs, :mod:`security` the token, CSRF and upload rules, :mod:`chart` the history chart.
Import it only with the ``serve`` extra installed.
"""
