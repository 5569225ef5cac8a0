"""The crawler: fetch an agency site politely and record every URL with why it was (not) read."""

from oit_checker.crawl.crawler import (
    CrawlConfig,
    Crawler,
    CrawlProgress,
    CrawlResult,
    PageHandler,
    PriorityFn,
    ProgressFn,
)
from oit_checker.crawl.decode import decode_html
from oit_checker.crawl.priority import default_priority
from oit_checker.crawl.urls import normalize_url

__all__ = [
    "CrawlConfig",
    "CrawlProgress",
    "CrawlResult",
    "Crawler",
    "PageHandler",
    "PriorityFn",
    "ProgressFn",
    "decode_html",
    "default_priority",
    "normalize_url",
]
