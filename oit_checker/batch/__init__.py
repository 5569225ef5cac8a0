"""Batch mode: many agencies from a CSV, in parallel on one machine or as Celery jobs.

- :mod:`agencies` reads the list, :mod:`state` keeps the resumable state (SQLite),
- :mod:`site` scans one agency and writes its reports, :mod:`runner` runs many in one loop,
- :mod:`partition` splits the list over processes by host, :mod:`processes` runs one loop per
  process (every core of one machine),
- :mod:`summary` writes the summary CSV/HTML, :mod:`progress` shows done/running/failed/ETA,
- :mod:`celery_app` and :mod:`distributed` are the scale-out (import them only with Celery).
"""

from oit_checker.batch.agencies import Agencies, Agency, read_agencies, site_id_for
from oit_checker.batch.processes import run_batch
from oit_checker.batch.progress import BatchProgress, make_progress
from oit_checker.batch.runner import run_local, run_sites
from oit_checker.batch.site import SiteSettings, finish_site, scan_agency
from oit_checker.batch.state import STATE_FILE, BatchState, SiteResult
from oit_checker.batch.summary import SUMMARY_CSV, SUMMARY_HTML, write_summary

__all__ = [
    "STATE_FILE",
    "SUMMARY_CSV",
    "SUMMARY_HTML",
    "Agencies",
    "Agency",
    "BatchProgress",
    "BatchState",
    "SiteResult",
    "SiteSettings",
    "finish_site",
    "make_progress",
    "read_agencies",
    "run_batch",
    "run_local",
    "run_sites",
    "scan_agency",
    "site_id_for",
    "write_summary",
]
