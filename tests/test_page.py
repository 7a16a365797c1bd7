"""The page of the examples' build, in real Chromium with the network blocked: what a reader sees."""

from __future__ import annotations

from browser import hover_edge, node_labels, open_page

PARTICIPANTS = {"Hulusi Akar", "Hakan Fidan", "Ali Mahmoud Abbas", "Ali Mamlouk", "Sergei Shoigu"}
EVIDENCE = "met Syrian defence minister Ali Mahmoud Abbas and Syrian intelligence chief Ali Mamlouk in Moscow"


def test_page_loads_offline_and_shows_the_moscow_meeting(examples_build, tmp_path):
    _, out = examples_build
    page_path = out / "graph.html"
    with open_page(page_path) as (page, requests, errors):
        assert PARTICIPANTS <= set(node_labels(page))
        tooltip = hover_edge(page, "Hulusi Akar", "Ali Mamlouk")
        assert EVIDENCE in tooltip
        assert "Moscow" in tooltip and "held" in tooltip
        assert "Turkey, Syria, Russia defence ministers hold talks in Moscow" in tooltip
        page.screenshot(path=str(tmp_path / "page.png"))
    assert requests == [page_path.resolve().as_uri()]
    assert errors == []
