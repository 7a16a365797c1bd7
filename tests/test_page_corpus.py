"""The page of two real piles of news, in real Chromium with the network blocked: readable at first sight.

These build hundreds of articles, so they run only when KG_CORPUS names the news corpus (the folder holding
wikinews_2019_2020/ and wikinews_politics_2004_2009/):

    KG_CORPUS=../shared/corpus pytest tests/test_page_corpus.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser import drawn_labels_and_overlaps, open_page, search

from kg.pipeline import build

pytestmark = pytest.mark.browser

CORPUS = Path(os.environ["KG_CORPUS"]) if os.environ.get("KG_CORPUS") else None
FONT_PX = 15  # the people view's label size in canvas pixels (kg/render's page)
PILES = {
    # name: (folder under the corpus, how many of its articles in file-name order, a name to search, who it opens)
    "2019-2020": ("wikinews_2019_2020/text", None, "Trump", "Donald Trump"),
    "2004-2009": ("wikinews_politics_2004_2009/text", 1000, "Bush", "George W. Bush"),
}


@pytest.fixture(scope="module", params=sorted(PILES))
def pile(request, tmp_path_factory):
    if CORPUS is None or not CORPUS.is_dir():
        pytest.skip("KG_CORPUS does not name the news corpus")
    folder, count, query, person = PILES[request.param]
    articles = sorted((CORPUS / folder).glob("*.txt"))[:count]
    inputs = tmp_path_factory.mktemp(f"in-{request.param}")
    for article in articles:
        (inputs / article.name).symlink_to(article.resolve())
    out = tmp_path_factory.mktemp(f"out-{request.param}")
    build([inputs], out_dir=out)
    return out, query, person


def test_the_most_connected_people_are_readable_and_no_labels_overlap(pile):
    out, _, _ = pile
    with open_page(out / "graph.html") as (page, requests, errors):
        scale = page.evaluate("() => network.getScale()")
        top = page.evaluate("""() => {
            const box = network.body.container.getBoundingClientRect();
            const ids = network.body.data.nodes.getIds();
            return ids.map(id => [id, network.getConnectedEdges(id).length]).sort((a, b) => b[1] - a[1])
                .slice(0, 10).map(([id]) => {
                    const p = network.canvasToDOM(network.getPositions([id])[id]);
                    return [id, p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height];
                });
        }""")
        drawn, overlapping = drawn_labels_and_overlaps(page)
    assert FONT_PX * scale >= 11
    assert [id for id, seen in top if not seen] == []
    assert overlapping == [] and len(drawn) >= 10
    assert errors == []


def test_a_surname_and_enter_open_the_person(pile):
    out, query, person = pile
    with open_page(out / "graph.html") as (page, _, errors):
        details = search(page, query)
    assert details.splitlines()[:2] == [person, "person"]
    assert errors == []


def test_the_header_counts_are_the_reports(pile):
    out, _, _ = pile
    report = (out / "report.md").read_text(encoding="utf-8")
    counted = dict(re.findall(r"^- (people|organisations|countries|places|meetings|articles): (.+)$", report, re.M))
    with open_page(out / "graph.html") as (page, _, errors):
        header = page.locator("header .counts").inner_text()
    assert len(counted) == 6 and all(f"{key} {value}" in header for key, value in counted.items()), header
    assert errors == []
