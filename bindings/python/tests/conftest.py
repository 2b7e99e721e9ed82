"""Shared paths for the binding tests. Files are read relative to the repository
root (three levels up), so the tests run from any working directory."""

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
CORPUS = (ROOT / ".." / "shared" / "corpus").resolve()


def corpus_texts():
    """The shared Lao corpus, one str per file (sorted by name); [] when missing."""
    if not CORPUS.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def corpus():
    texts = corpus_texts()
    # The shared corpus is part of the test set-up (see ./test): without it the
    # tests that use it would test nothing, so they fail instead of skipping.
    assert texts, "../shared/corpus is missing: check it out beside the project"
    return texts


@pytest.fixture(scope="session")
def decree():
    return (ROOT / "examples" / "decree-323.txt").read_text(encoding="utf-8")


def pytest_report_header(config):
    import akson

    return "akson %s (core %s, dictionary %s) from %s" % (
        akson.__version__,
        akson.VERSION,
        akson.DICTIONARY_VERSION,
        os.path.dirname(akson.__file__),
    )
