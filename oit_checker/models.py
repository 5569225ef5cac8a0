"""The data passed between pipeline stages: crawl → extract → match → assess → report.

One place for every model; stages import from here and never define their own copies.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

REPORT_SCHEMA_VERSION = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- crawl


class FetchError(StrEnum):
    """Why a resource could not be fetched or used. Stable values: they appear in reports."""

    DNS = "dns"
    CONNECT = "connect"
    TLS = "tls"
    TIMEOUT = "timeout"
    RESET = "reset"
    HTTP_STATUS = "http_status"
    TOO_LARGE = "too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    ROBOTS_DISALLOWED = "robots_disallowed"
    OUT_OF_SCOPE = "out_of_scope"
    CONTENT_TYPE = "content_type"
    DECODE = "decode"
    CIRCUIT_OPEN = "circuit_open"
    NOT_FETCHED = "not_fetched"
    """Left in the frontier because a crawl limit was hit or the crawl was interrupted."""
    ADDRESS_REFUSED = "address_refused"
    """The address guard refused the connection (a non-public address; audit, web server)."""


class Resource(_Model):
    """One URL the crawler requested (or decided not to request), with what came back."""

    url: str
    """The normalised URL that was requested."""
    final_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    size: int = 0
    fetched_at: datetime | None = None
    sha256: str | None = None
    error: FetchError | None = None
    error_detail: str | None = None
    body_path: str | None = None
    """Where the body is stored on disk (the HTTP cache); None when there is no body."""
    encoding: str | None = None
    depth: int = 0
    referrer: str | None = None
    anchor_text: str | None = None
    redirects: list[str] = Field(default_factory=list)
    from_cache: bool = False
    tls_verified: bool = True
    truncated: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


class LinkCategory(StrEnum):
    """What kind of place an off-site link leads to."""

    SOCIAL = "social"
    FILE_HOST = "file_host"
    PROCUREMENT = "procurement"
    NACC = "nacc"
    OTHER = "other"


class Link(_Model):
    """A link found in a page: target, anchor text, the text around it, and the element."""

    url: str
    text: str = ""
    context: str = ""
    tag: str = "a"
    raw_href: str | None = None
    """The attribute value as written, e.g. ``#`` or ``javascript:void(0)``."""
    nav: bool = False
    """The link sits in the page's chrome: a menu, the header or footer, a side bar
    (``oit_checker.extract.chrome``)."""


class ExternalLink(_Model):
    """A link to another host, recorded with its anchor text but not crawled."""

    url: str
    text: str = ""
    found_on: str
    host: str
    category: LinkCategory = LinkCategory.OTHER


class CrawlStats(_Model):
    pages_fetched: int = 0
    documents_fetched: int = 0
    bytes_fetched: int = 0
    from_cache: int = 0
    errors_by_kind: dict[str, int] = Field(default_factory=dict)
    read_problems: dict[str, int] = Field(default_factory=dict)
    """Documents fetched but not read in full, by problem code (``extract_timeout``: killed in
    the worker pool; ``extractor_error``: the reader raised; ``body_unavailable``)."""
    limits_hit: list[str] = Field(default_factory=list)
    elapsed_s: float = 0.0
    queued_left: int = 0
    soft_404: bool = False
    tls_unverified: bool = False
    interrupted: bool = False


# --------------------------------------------------------------------------- extract


class DocKind(StrEnum):
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"
    DOC = "doc"
    XLSX = "xlsx"
    XLS = "xls"
    CSV = "csv"
    IMAGE = "image"
    OTHER = "other"


class DateRole(StrEnum):
    ISSUED = "issued"
    PERIOD = "period"
    FISCAL_YEAR = "fiscal_year"
    UNKNOWN = "unknown"


class DateMention(_Model):
    """A date or period found in text, with the string it was read from."""

    source: str
    start: date | None = None
    end: date | None = None
    fiscal_year: int | None = None
    """Thai fiscal year (พ.ศ.) that the mention names or falls in."""
    role: DateRole = DateRole.UNKNOWN


class Image(_Model):
    src: str
    alt: str = ""
    width: int | None = None
    height: int | None = None
    main: bool = False
    """Part of the page's main content (a chart, a board, a person's photo, an announcement),
    not a logo, banner, icon, button, menu image or tracking pixel (extract.content_images)."""
    context: str = ""
    """The text around the image in the page (its caption, the card or row it sits in)."""


class Table(_Model):
    rows: list[list[str]] = Field(default_factory=list)


class Form(_Model):
    """An HTML ``<form>``: where it sends what a person fills in (a Q&A, complaint or
    service form is how a channel item's page lets people in)."""

    action: str = ""
    """The action URL resolved like links (the page itself when the attribute is missing or
    empty); "" for a placeholder or script action (the form is sent by JavaScript)."""
    method: str = "get"
    fields: int = 0
    """User-fillable fields: text-like inputs, textarea, select, file, date, check boxes …
    (not hidden, submit, button, reset or image inputs)."""
    text: str = ""
    """The form's visible labels, legends, button texts and placeholders, normalised."""
    search: bool = False
    """A site search box (one text field named q/s/search/keyword/ค้นหา …, ``role=search``,
    or inside the page's header or navigation), not a service form."""
    login: bool = False
    """A log-in form (it has a password field)."""


class Document(_Model):
    """What was read from one fetched resource."""

    url: str
    kind: DocKind
    title: str = ""
    text: str = ""
    """Normalised text (see oit_checker.thai.text.normalize)."""
    headings: list[str] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    images: list[Image] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    forms: list[Form] = Field(default_factory=list)
    """HTML forms (see :class:`Form`); empty for other kinds."""
    dates: list[DateMention] = Field(default_factory=list)
    period: DateMention | None = None
    """The period the document covers (e.g. ต.ค. 2567 – มี.ค. 2568)."""
    issued: DateMention | None = None
    """When the document was issued or signed."""
    dates_read: bool = True
    """False while ``dates``, ``period`` and ``issued`` wait to be read from the text
    (``oit_checker.extract.read_dates``; a scan reads dates only of pages it assesses)."""
    page_count: int | None = None
    pages_read: int | None = None
    """Pages read when a limit stopped the reader (``page_limit``, ``extract_timeout``, OCR
    capped) before ``page_count``; None when every page was read."""
    chars_total: int | None = None
    """Characters the text had before ``text_truncated`` cut it; None when kept whole."""
    ocr_used: bool = False
    review_reason: str | None = None
    """Set when the text could not be read reliably (problem code, e.g. ``scanned_no_ocr``)."""
    warnings: list[str] = Field(default_factory=list)
    sha256: str | None = None
    fetched_at: datetime | None = None


# --------------------------------------------------------------------------- match


class SignalKind(StrEnum):
    HUB_LABEL = "hub_label"
    ANCHOR_TEXT = "anchor_text"
    URL = "url"
    FILE_NAME = "file_name"
    TITLE = "title"
    HEADING = "heading"
    BODY = "body"
    CODE = "code"
    NEGATIVE = "negative"


class Signal(_Model):
    kind: SignalKind
    detail: str
    weight: float


class Candidate(_Model):
    """A document proposed as evidence for an item, with the signals behind its score."""

    item_id: str
    url: str
    score: float
    signals: list[Signal] = Field(default_factory=list)
    via_hub: str | None = None
    """URL of the ITA hub page whose row pointed here, if any."""
    labelled_as: str | None = None
    """The hub row's label when its code names another item of the pack (e.g. a 2568-style
    row "O11 ข้อมูลสถิติการให้บริการ" judged for 2569 O10 by its title and content)."""


# --------------------------------------------------------------------------- assess / report


class Verdict(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    REVIEW = "review"
    NOT_CHECKED = "not_checked"


class Problem(_Model):
    """A problem a user can see: one stable code, a Thai and an English message."""

    code: str
    message_th: str
    message_en: str
    url: str | None = None
    params: dict[str, Any] = Field(default_factory=dict)


class Evidence(_Model):
    url: str
    snippet: str = ""
    element: str | None = None
    date_read: str | None = None
    sha256: str | None = None
    fetched_at: datetime | None = None
    via: str | None = None
    read_via: str | None = None
    """``ocr`` when the snippet was read from an image or a scan by OCR (it may be misread)."""


class ItemResult(_Model):
    item_id: str
    title_th: str
    title_en: str
    verdict: Verdict
    confidence: float = 0.0
    reason_th: str = ""
    reason_en: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    missing_elements: list[str] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    remediation_th: str = ""
    remediation_en: str = ""
    not_checked_reason: str | None = None
    signals: list[Signal] = Field(default_factory=list)
    candidates: list[Candidate] = Field(default_factory=list)
    ignored: bool = False
    """Accepted by an unexpired ``ignore`` entry of the config: the verdict is kept and shown,
    but exit codes and regressions skip the item (see oit_checker.config.apply_ignores)."""


class PackInfo(_Model):
    id: str
    scheme: str
    year: int
    status: str
    item_count: int
    notice_th: str = ""
    """The pack's own notice (e.g. an expected list not yet published by the NACC)."""
    notice_en: str = ""
    reason_th: str = ""
    """Why the run uses this pack (the calendar default for the day, or the user's choice)."""
    reason_en: str = ""


class ScoreSummary(_Model):
    score: float | None = None
    """Mean of item scores (100 for pass, 0 otherwise); None when nothing could be assessed."""
    counts: dict[str, int] = Field(default_factory=dict)


class Report(_Model):
    schema_version: str = REPORT_SCHEMA_VERSION
    tool_version: str
    pack: PackInfo
    site: str
    started_at: datetime
    finished_at: datetime
    settings: dict[str, Any] = Field(default_factory=dict)
    crawl: CrawlStats
    site_findings: list[Problem] = Field(default_factory=list)
    items: list[ItemResult] = Field(default_factory=list)
    external_links: list[ExternalLink] = Field(default_factory=list)
    summary: ScoreSummary = Field(default_factory=ScoreSummary)
    partial: bool = False
