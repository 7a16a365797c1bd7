"""Open a built page in Debian's Chromium through Playwright, with the network blocked, for tests of what a reader sees.

    with open_page(path) as (page, requests, errors):
        assert requests == [path.resolve().as_uri()]   # nothing but the page itself was fetched
        assert errors == []                            # no console error, page error or dialog
        text = hover_edge(page, "Vladimir Putin", "Recep Tayyip Erdogan")
        details = search(page, "Shoigu")               # type, press Enter: the node is centred and described

The page must define a global `network` (a vis.Network) and the elements of kg/export/html.py's page: `#tip` (the
tooltip, whose `data-item` names the node or line it describes), `#search`, `#results`, `#details` and the filter
check boxes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 800}


def skip_without_browser() -> None:
    """Skip the calling test, saying why, when Playwright or Chromium is missing; fail instead when KG_REQUIRE_BROWSER
    is set (CI sets it: a page nobody drew in a browser is an untested page)."""
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found (apt-get install chromium)"
        if os.environ.get("KG_REQUIRE_BROWSER"):
            pytest.fail(message + "; KG_REQUIRE_BROWSER is set, so the page tests may not be skipped")
        pytest.skip(message)


@contextmanager
def open_page(path: Path, *, viewport: dict | None = None) -> Iterator[tuple[object, list[str], list[str]]]:
    """Yield (page, requests, errors) for the page at `path`, loaded and drawn.

    `requests` lists every URL the page tried to fetch, its own file:// URL included; all others are aborted.
    `errors` collects console errors, uncaught exceptions and dialogs (alert, confirm, prompt), which are dismissed.
    """
    skip_without_browser()
    from playwright.sync_api import sync_playwright

    url = path.resolve().as_uri()
    requests: list[str] = []
    errors: list[str] = []

    def route(route) -> None:
        requests.append(route.request.url)
        if route.request.url == url:
            route.continue_()
        else:
            route.abort()

    def dialog(dialog) -> None:
        errors.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport=viewport or VIEWPORT)
            context.route("**/*", route)
            page = context.new_page()
            page.on("console", lambda message: message.type == "error" and errors.append(f"console: {message.text}"))
            page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
            page.on("dialog", dialog)
            page.goto(url, wait_until="load")
            # One animation frame after load: vis-network has drawn the canvas by then.
            page.evaluate("() => new Promise(resolve => requestAnimationFrame(() => resolve()))")
            yield page, requests, errors
        finally:
            browser.close()


def node_labels(page) -> list[str]:
    """The labels of the nodes drawn now (those the filters let through), sorted."""
    return sorted(page.evaluate("() => network.body.data.nodes.get().map(node => node.label)"))


def drawn_edges(page) -> list[dict]:
    """The lines drawn now, as the page's data gives them (from, to, and meetings or facts)."""
    return page.evaluate("() => network.body.data.edges.get()")


def switch_view(page, view: str) -> None:
    """Show the "people" or the "graph" view, and wait for it to be drawn."""
    page.check(f"input[name=view][value={view}]")
    _next_frame(page)


def set_filter(page, value: str, checked: bool) -> None:
    """Tick or untick the kind or status check box with this value ("planned", "Article", ...)."""
    page.set_checked(f".controls input[type=checkbox][value={value}]", checked)
    _next_frame(page)


def search(page, text: str) -> str:
    """Type `text` into the search box and press Enter; return the text of the details panel that opens."""
    page.fill("#search", text)
    page.press("#search", "Enter")
    _next_frame(page)
    return page.locator("#details").inner_text()


def hover_edge(page, a_label: str, b_label: str) -> str:
    """Move the mouse onto the line between the nodes labelled `a_label` and `b_label`, at its middle or, if another
    node lies there, at the point nearest the middle that is clear of nodes; return the text of the tooltip that
    appears (waits for it to be visible)."""
    found = page.evaluate(
        """([a, b]) => {
            const nodes = network.body.data.nodes.get();
            const ids = [a, b].map(label => nodes.find(node => node.label === label).id);
            const edge = network.body.data.edges.get().find(edge =>
                (edge.from === ids[0] && edge.to === ids[1]) || (edge.from === ids[1] && edge.to === ids[0]));
            const all = network.getPositions();
            const [p, q] = ids.map(id => all[id]);
            const clear = spot => Object.values(all).every(node => Math.hypot(node.x - spot.x, node.y - spot.y) > 30);
            const spots = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].map(t =>
                ({x: p.x + t * (q.x - p.x), y: p.y + t * (q.y - p.y)}));
            const spot = network.canvasToDOM(spots.find(clear) || spots[0]);
            const box = network.body.container.getBoundingClientRect();
            return {item: edge.id, x: box.left + spot.x, y: box.top + spot.y};
        }""",
        [a_label, b_label],
    )
    return _hover(page, found)


def hover_node(page, label: str) -> str:
    """Move the mouse onto the node labelled `label`; return the text of the tooltip that appears."""
    found = page.evaluate(
        """(label) => {
            const node = network.body.data.nodes.get().find(node => node.label === label);
            const spot = network.canvasToDOM(network.getPositions([node.id])[node.id]);
            const box = network.body.container.getBoundingClientRect();
            return {item: node.id, x: box.left + spot.x, y: box.top + spot.y};
        }""",
        label,
    )
    return _hover(page, found)


def _hover(page, found: dict) -> str:
    # Rest on an empty corner of the drawing first, so a tooltip already open closes, then arrive in steps: the page
    # opens its tooltip when vis-network says the pointer is over an item, and names the item in data-item.
    corner = page.evaluate(
        """() => {
            const box = network.body.container.getBoundingClientRect();
            return {x: box.right - 3, y: box.bottom - 3};
        }"""
    )
    page.mouse.move(corner["x"], corner["y"])
    page.mouse.move(found["x"], found["y"], steps=5)
    page.wait_for_function("(item) => { const tip = document.getElementById('tip');"
                           " return !tip.hidden && tip.dataset.item === item; }", arg=found["item"], timeout=5000)
    return page.locator("#tip").inner_text()


def _next_frame(page) -> None:
    page.evaluate("() => new Promise(resolve => requestAnimationFrame(() => resolve()))")


def drawn_labels_and_overlaps(page) -> tuple[list[str], list[tuple[str, str]]]:
    """The nodes whose labels are drawn in sight now, and the pairs of those labels that overlap (from vis-network's
    own measure of each label)."""
    return page.evaluate("""() => {
        const view = network.getViewPosition(), scale = network.getScale();
        const box = network.body.container.getBoundingClientRect();
        const half = {x: box.width / 2 / scale, y: box.height / 2 / scale};
        const drawn = Object.values(network.body.nodes).filter(n => network.body.nodeIndices.includes(n.id)
            && n.options.font.size > 0 && Math.abs(n.x - view.x) < half.x && Math.abs(n.y - view.y) < half.y);
        const boxes = drawn.map(n => [n.id, n.labelModule.size]);
        const pairs = [];
        boxes.forEach(([a, s], i) => boxes.slice(i + 1).forEach(([b, t]) => {
            if (!(s.left + s.width <= t.left || t.left + t.width <= s.left || s.top + s.height <= t.top
                  || t.top + t.height <= s.top)) pairs.push([a, b]);
        }));
        return [boxes.map(([id]) => id), pairs];
    }""")
