"""Lighthouse 12 (pinned in package.json, offline, Debian's Chromium) gives 100 in
accessibility, best practices and SEO on three representative pages: the start page, the
chapter with the most widgets (chapter 5) and *Min översikt*. Performance is a benchmark
(tools/benchmark.py --lighthouse), not a test: it depends on the machine's load."""

import pytest

from widgets.build.lighthouse import Lighthouse

PAGES = ["book/intro.html", "book/sjalvuppfyllande-forvantningar.html", "book/min-oversikt.html"]
CATEGORIES = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def reports(base_url):
    """The three pages' reports, from one Node process (each run is a cold visit)."""
    with Lighthouse(categories=CATEGORIES) as runner:
        return dict(zip(PAGES, runner.run_many([base_url + path for path in PAGES]), strict=True))


@pytest.mark.parametrize("path", PAGES)
def test_accessibility_best_practices_and_seo_score_100(reports, path):
    result = reports[path]
    assert result.url.endswith(path)
    scores = {category: result.scores.get(category) for category in CATEGORIES}
    assert scores == dict.fromkeys(CATEGORIES, 100), (
        f"{path}: {scores}; failing audits: {result.failed_audits}")
