"""Open a built page in Debian's Chromium through Playwright, with the network blocked, for tests of what a reader sees.

    with open_page(path) as (page, requests, errors):
        assert requests == [path.resolve().as_uri()]   # nothing but the page itself was fetched
        assert errors == []                            # no console error, page error or dialog
        text = hover_edge(page, "Vladimir Putin", "Recep Tayyip Erdogan")

The page must define a global `network` (a vis.Network), as kg/export/html.py's page does.
"""

from __future__ import annotations

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
    """Skip the calling test, saying why, when Playwright or Chromium is missing."""
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found (apt-get install chromium)")


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
    """The labels of the nodes in the drawn network, sorted."""
    return sorted(page.evaluate("() => network.body.data.nodes.get().map(node => node.label)"))


def hover_edge(page, a_label: str, b_label: str) -> str:
    """Move the mouse to the middle of the edge between the nodes labelled `a_label` and `b_label`; return the text of
    the tooltip that appears (waits for it to be visible)."""
    point = page.evaluate(
        """([a, b]) => {
            const nodes = network.body.data.nodes.get();
            const ids = [a, b].map(label => nodes.find(node => node.label === label).id);
            const positions = network.getPositions(ids);
            const middle = network.canvasToDOM({
                x: (positions[ids[0]].x + positions[ids[1]].x) / 2,
                y: (positions[ids[0]].y + positions[ids[1]].y) / 2,
            });
            const box = network.body.container.getBoundingClientRect();
            return {x: box.left + middle.x, y: box.top + middle.y};
        }""",
        [a_label, b_label],
    )
    return _hover(page, point)


def hover_node(page, label: str) -> str:
    """Move the mouse onto the node labelled `label`; return the text of the tooltip that appears."""
    point = page.evaluate(
        """(label) => {
            const node = network.body.data.nodes.get().find(node => node.label === label);
            const spot = network.canvasToDOM(network.getPositions([node.id])[node.id]);
            const box = network.body.container.getBoundingClientRect();
            return {x: box.left + spot.x, y: box.top + spot.y};
        }""",
        label,
    )
    return _hover(page, point)


def _hover(page, point: dict) -> str:
    # Rest on an empty corner of the canvas first, so a tooltip already open closes, then arrive in steps:
    # vis-network opens a tooltip when the pointer moves over an item, and says so with a "showPopup" event.
    corner = page.evaluate(
        """() => {
            const box = network.body.container.getBoundingClientRect();
            window.__kgShown = null;
            network.once("showPopup", item => { window.__kgShown = item; });
            return {x: box.right - 3, y: box.bottom - 3};
        }"""
    )
    page.mouse.move(corner["x"], corner["y"])
    page.mouse.move(point["x"], point["y"], steps=5)
    page.wait_for_function("() => window.__kgShown !== null", timeout=5000)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    return tooltip.inner_text()
