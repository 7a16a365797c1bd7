"""How fast the who-met-whom page is written, and drawn and answering in headless Chromium, on large graphs.

    python bench/page_speed.py [--nodes N ...] [--runs R] [--seed S] [--keep DIR]

For each size (default 3,000 and 15,000 nodes) it builds a synthetic graph the way `kg build` does: the made-up
stories of bench/query_speed.py (meetings of two to five people in a city, posts, planned and possible meetings,
well-known people in many meetings) as kg.records objects, through kg.graph.build_graph. Then, --runs times each:

  write        kg.export.html.write_html: the page data, both layouts, the HTML, written to disk
  loaded       in Debian's Chromium (Playwright, headless, every request but the page's own blocked), from navigation
               start to the load event: the page parsed and its script run (data read, network built)
  drawn        from navigation start to the first animation frame after the load event, in which vis-network draws
  responsive   from navigation start until hovering the most connected person has opened a tooltip: drawn, and
               answering (a busy page answers late)
  search, filter, view, zoom
               after that, each from the action until the page shows its result: type a name and press Enter until the
               panel names it; untick "held" until the next frame; switch to the full graph until the next frame; a
               mouse-wheel zoom until the next frame

and prints the medians, what each view drew and what the page says it left out. Every step waits at most 60 s; a page
that does not answer by then is reported as hung. See bench/README.md ("Page speed") for figures.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))  # bench/query_speed.py makes the synthetic stories

from query_speed import synthetic_records  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# As tests/browser.py starts it: no sandbox and no GPU (it runs as root in a container), no background traffic.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1280, "height": 800}
TIMEOUT_MS = 60_000
NEXT_FRAME = "() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))"
# Stamps the first frame after the load event: vis-network asked for its first frame while the page's script ran.
STAMP_DRAWN = ("addEventListener(\"load\", () => requestAnimationFrame(() => "
               "{ window.__drawn = performance.now(); }));")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[3000, 15000], help="graph sizes (default 3000 15000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measure (default 3); medians are shown")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the synthetic graphs")
    parser.add_argument("--keep", type=Path, help="keep the pages in this folder")
    args = parser.parse_args()
    import networkx
    import numpy
    from playwright.sync_api import sync_playwright

    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"networkx {networkx.__version__}, numpy {numpy.__version__}")
    with tempfile.TemporaryDirectory(prefix="kg-page-") as temp, sync_playwright() as playwright:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print(f"browser: Chromium {browser.version}, headless, viewport {VIEWPORT['width']}x{VIEWPORT['height']}")
        try:
            for nodes in args.nodes:
                measure_size(browser, nodes, folder=folder, runs=args.runs, seed=args.seed)
        finally:
            browser.close()


def synthetic_graph(nodes: int, *, seed: int):
    """A graph of about `nodes` nodes (within 2 %) made of synthetic stories."""
    from kg.graph import build_graph

    stories = max(1, nodes // 5)
    for _ in range(8):
        graph = build_graph(*synthetic_records(stories, seed=seed))
        if abs(graph.number_of_nodes() - nodes) <= 0.02 * nodes:
            break
        # Nodes grow about linearly with stories, above a fixed set of places and countries.
        stories = max(1, round(stories * (nodes - 430) / max(graph.number_of_nodes() - 430, 1)))
    return graph


def measure_size(browser, nodes: int, *, folder: Path, runs: int, seed: int) -> None:
    from kg.export.html import left_out_notes, to_page_data, write_html

    graph = synthetic_graph(nodes, seed=seed)
    kinds: dict[str, int] = {}
    for _, kind in graph.nodes(data="kind"):
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"\n== {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges "
          f"({', '.join(f'{count:,} {kind}' for kind, count in sorted(kinds.items()))})")
    page = folder / f"page-{graph.number_of_nodes()}.html"
    writes = []
    for _ in range(runs):
        started = time.perf_counter()
        write_html(graph, page)
        writes.append(time.perf_counter() - started)
    data = to_page_data(graph)
    for name, view in data["views"].items():
        print(f"   {name} view: {len(view['nodes']):,} of {view['total_nodes']:,} nodes, "
              f"{len(view['edges']):,} of {view['total_edges']:,} lines drawn")
    for note in left_out_notes(data["views"]):
        print(f"   page says: {note}")
    print(f"   page: {page.stat().st_size / 1e6:.1f} MB")
    print(f"   write        {_seconds(writes)}")
    results: dict[str, list[float]] = {}
    for _ in range(runs):
        for step, seconds in open_and_use(browser, page).items():
            results.setdefault(step, []).append(seconds)
    for step, seconds in results.items():
        print(f"   {step:<12} {_seconds(seconds)}")


def open_and_use(browser, page_path: Path) -> dict[str, float]:
    """Seconds of each step on a fresh page; a step that does not finish within 60 s raises (a hung page)."""
    url = page_path.resolve().as_uri()
    context = browser.new_context(viewport=VIEWPORT)
    context.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    context.add_init_script(STAMP_DRAWN)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        loaded = page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
        page.wait_for_function("() => window.__drawn !== undefined")
        drawn = page.evaluate("() => window.__drawn") / 1000
        # The most connected person of the people view, where it is on the screen.
        target = page.evaluate("""() => {
            const node = network.body.data.nodes.get().reduce((a, b) => (b.size > a.size ? b : a));
            const spot = network.canvasToDOM(network.getPositions([node.id])[node.id]);
            const box = network.body.container.getBoundingClientRect();
            return {id: node.id, label: node.label, x: box.left + spot.x, y: box.top + spot.y};
        }""")
        page.mouse.move(target["x"] - 40, target["y"] - 40)
        page.mouse.move(target["x"], target["y"], steps=2)
        # Zoomed out, other nodes may lie on it: any node's tooltip shows that the page answered.
        page.wait_for_function("() => !document.getElementById('tip').hidden")
        responsive = page.evaluate("() => performance.now()") / 1000
        times = {"loaded": loaded, "drawn": drawn, "responsive": responsive}
        times["search"] = _timed(lambda: (
            page.fill("#search", target["label"]), page.press("#search", "Enter"),
            page.wait_for_function("(label) => document.querySelector('#details h2')?.textContent === label",
                                   arg=target["label"])))
        times["filter"] = _timed(lambda: (page.uncheck("input[value=held]"), page.evaluate(NEXT_FRAME)))
        times["view"] = _timed(lambda: (page.check("input[name=view][value=graph]"), page.evaluate(NEXT_FRAME)))
        times["zoom"] = _timed(lambda: (page.mouse.move(640, 450), page.mouse.wheel(0, -300),
                                        page.evaluate(NEXT_FRAME)))
        if errors:
            raise RuntimeError(f"{page_path}: script errors: {errors}")
        return times
    finally:
        context.close()


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _seconds(values: list[float]) -> str:
    return f"{statistics.median(values):6.2f} s  (runs: {', '.join(f'{value:.2f}' for value in values)})"


if __name__ == "__main__":
    main()
