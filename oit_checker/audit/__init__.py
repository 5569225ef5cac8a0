"""Audit mode (assessors): judge an agency's item → URL submission against the checklist.

Only the submitted URLs and the documents they link (one level) are fetched, politely; the
verdicts and reports are those of a scan (``settings.mode == "audit"``), with a note per
submitted URL and ``submitted_for_wrong_item`` where a URL holds another item's evidence.
"""

from oit_checker.audit.guard import HostGuard, non_public, resolve_host
from oit_checker.audit.run import AuditOptions, AuditOutcome, audit, run_audit
from oit_checker.audit.submission import (
    Submission,
    SubmittedItem,
    read_submission,
    resolve_submission,
)

__all__ = [
    "AuditOptions",
    "AuditOutcome",
    "HostGuard",
    "Submission",
    "SubmittedItem",
    "audit",
    "non_public",
    "read_submission",
    "resolve_host",
    "resolve_submission",
    "run_audit",
]
