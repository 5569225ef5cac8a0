"""The evaluation corpora: fixture sites with hand-written truth, each measured on its own.

``main`` is the first corpus (``fixtures/sites`` + ``fixtures/truth``), written together with the
checker. ``cms`` is the second (``fixtures/sites-cms`` + ``fixtures/truth-cms``): sites modelled on
real CMS families the checker was not built against (issue #13). Each corpus has its own builder
script for its binary documents and its own baseline file, so the two figures never mix.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path

from oit_checker.errors import UsageError

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Corpus:
    name: str
    sites: Path
    truth: Path
    baseline: Path
    builder: str
    """Module under ``fixtures/`` with ``ensure_built(sites_dir)`` for the binary documents."""
    description: str = ""

    def ensure_built(self) -> None:
        """Generate the corpus's binary documents if this checkout has not built them yet."""
        if str(REPO) not in sys.path:
            sys.path.insert(0, str(REPO))
        try:
            module = importlib.import_module(f"fixtures.{self.builder}")
        except ImportError:  # an installed package without the fixtures: nothing to build
            return
        module.ensure_built(self.sites)


CORPORA: dict[str, Corpus] = {
    c.name: c
    for c in (
        Corpus(
            "main",
            REPO / "fixtures" / "sites",
            REPO / "fixtures" / "truth",
            REPO / "fixtures" / "eval-baseline.json",
            "build_corpus",
            "the first corpus, written together with the checker",
        ),
        Corpus(
            "cms",
            REPO / "fixtures" / "sites-cms",
            REPO / "fixtures" / "truth-cms",
            REPO / "fixtures" / "eval-baseline-cms.json",
            "build_cms",
            "sites modelled on real CMS families (AS System, OVEC, MOPH tree)",
        ),
    )
}
DEFAULT_CORPUS = CORPORA["main"]


def get_corpus(name: str) -> Corpus:
    try:
        return CORPORA[name]
    except KeyError:
        raise UsageError(f"unknown corpus {name!r}; known: {', '.join(sorted(CORPORA))}") from None


def corpus_of(sites_dir: Path) -> Corpus | None:
    """The corpus whose sites live in ``sites_dir`` (None for a folder of one's own)."""
    resolved = sites_dir.resolve()
    return next((c for c in CORPORA.values() if c.sites.resolve() == resolved), None)


__all__ = ["CORPORA", "DEFAULT_CORPUS", "Corpus", "corpus_of", "get_corpus"]
