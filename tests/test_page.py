"""The page of the examples' build, in real Chromium with the network blocked: what a reader sees."""

from __future__ import annotations

from browser import hover_edge, node_labels, open_page

PARTICIPANTS = {"Hulusi Akar", "Hakan Fidan", "Ali Mahmoud Abbas", "Ali Mamlouk", "Sergei Shoigu"}
EVIDENCE = "met Syrian defence minister Ali Mahmoud Abbas and Syrian intelligence chief Ali Mamlouk in Moscow"
PAGE_DATE_READING = "2025-11-05"  # "Wednesday" read against the page date of an article whose text is from 2022


def test_page_loads_offline_and_shows_the_moscow_meeting(examples_build, tmp_path):
    _, out = examples_build
    page_path = out / "graph.html"
    with open_page(page_path) as (page, requests, errors):
        assert PARTICIPANTS <= set(node_labels(page))
        # Both articles are copies of a 2022 story with a later page date.
        assert "2 articles with doubtful dates" in page.locator("header .counts").inner_text()
        tooltip = hover_edge(page, "Hulusi Akar", "Ali Mamlouk")
        assert EVIDENCE in tooltip
        assert "Moscow" in tooltip and "held" in tooltip
        assert "Turkey, Syria, Russia defence ministers hold talks in Moscow" in tooltip
        # The reports disagree on the date: no date is picked, and the page-date reading is only an uncertain claim.
        lines = tooltip.splitlines()
        assert "Date disputed" in lines
        assert "\u26a0 page date doubtful" in tooltip
        assert not any(line.startswith("When:") for line in lines)
        readings = [line for line in lines if PAGE_DATE_READING in line]
        assert readings and all(line.startswith(PAGE_DATE_READING) and "uncertain" in line for line in readings)
        assert any("estimated from the article's text" in line for line in lines)
        assert any("text suggests 2022-" in line for line in lines)
        page.screenshot(path=str(tmp_path / "page.png"))
    assert requests == [page_path.resolve().as_uri()]
    assert errors == []
