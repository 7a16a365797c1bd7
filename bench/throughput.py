"""How fast `kg build` runs on a folder of articles, against spaCy alone on the same texts, and how fast it rebuilds.

    python bench/throughput.py [FOLDER] [--jobs N] [--add FOLDER] [--limit N]

In one run, each step in a fresh Python process, with the same number of processes (--jobs, default 2):

  raw      spaCy's nlp.pipe(texts, n_process=N) over the bodies of the articles kg reads from FOLDER, every Doc
           consumed: the parse alone, the floor for any builder on this pipeline
  build    kg.pipeline.build(FOLDER, jobs=N) with an empty cache: read, parse, extract, merge, write every output
  rebuild  the same build after adding 10 articles (the first 10 of --add, by name) to FOLDER: only they are parsed

The raw time counts nlp.pipe alone; the build's counts everything from reading the files to the last output written,
loading the model included. For each: wall time, articles per second and the peak memory of the whole process tree
(the sum over the process and its workers of their proportional set size, so pages the workers share with the parent
count once), sampled every 0.2 s. FOLDER defaults to ../shared/corpus/wikinews_politics_2004_2009 and --add to
../shared/corpus/wikinews_2019_2020.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=SHARED / "wikinews_politics_2004_2009")
    parser.add_argument("--jobs", type=int, default=2, help="processes for both spaCy and kg (default 2)")
    parser.add_argument("--add", type=Path, default=SHARED / "wikinews_2019_2020", help="where the 10 new articles "
                        "come from")
    parser.add_argument("--limit", type=int, help="use only the first N files of FOLDER (for a quick run)")
    parser.add_argument("--step", choices=["raw", "build"], help=argparse.SUPPRESS)  # one step, in a child process
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(run_step(args.step, args.folder, jobs=args.jobs, out=args.out, cache=args.cache)))
        return
    with tempfile.TemporaryDirectory(prefix="kg-throughput-") as temp:
        work = Path(temp)
        folder = work / "articles"
        files = sorted(path for path in args.folder.rglob("*") if path.is_file())[: args.limit]
        for path in files:  # a copy, so that adding 10 articles leaves the corpus as it was
            target = folder / path.relative_to(args.folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        print(f"machine: {platform.machine()}, Python {platform.python_version()}; {len(files)} files from "
              f"{args.folder}; {args.jobs} processes")
        raw = measure("raw", folder, jobs=args.jobs)
        print(line("raw nlp.pipe", raw))
        cache = work / "cache"
        full = measure("build", folder, jobs=args.jobs, out=work / "out", cache=cache)
        print(line("kg build", full))
        added = sorted(path for path in args.add.rglob("*.txt"))[:10]
        for path in added:
            shutil.copyfile(path, folder / f"added-{path.name}")
        again = measure("build", folder, jobs=args.jobs, out=work / "out", cache=cache)
        print(line(f"kg rebuild, {len(added)} articles added", again))
        print(f"throughput of kg build against raw nlp.pipe: {full['rate'] / raw['rate']:.2f}")
        print(f"rebuild after adding {len(added)} articles: {again['seconds'] / full['seconds']:.1%} of the full build")


def line(name: str, result: dict) -> str:
    parsed = f", {result['parsed']} parsed" if "parsed" in result else ""
    tokens = f", {result['tokens'] / result['seconds']:,.0f} tokens/s" if "tokens" in result else ""
    return (f"{name}: {result['seconds']:.1f} s for {result['articles']} articles{parsed} ({result['rate']:.1f} "
            f"articles/s{tokens}); peak memory {result['peak'] / 1e9:.2f} GB")


def measure(step: str, folder: Path, *, jobs: int, out: Path | None = None, cache: Path | None = None) -> dict:
    """Run one step in a child process, sampling the memory of its process tree; its result with "peak" added."""
    import psutil

    command = [sys.executable, __file__, str(folder), "--step", step, "--jobs", str(jobs)]
    if out is not None:
        command += ["--out", str(out), "--cache", str(cache)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        process = psutil.Process(child.pid)
        while not done.is_set():
            try:
                tree = [process, *process.children(recursive=True)]
                peak = max(peak, sum(_pss(p) for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = child.communicate()
    done.set()
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"{step} failed with exit code {child.returncode}")
    result = json.loads(output.strip().splitlines()[-1])
    result["peak"] = peak
    return result


def _pss(process) -> int:
    import psutil

    try:
        return process.memory_full_info().pss
    except psutil.Error:
        return 0


def run_step(step: str, folder: Path, *, jobs: int, out: Path | None, cache: Path | None) -> dict:
    from kg.ingest import read_articles
    from kg.nlp import DEFAULT_MODEL, load_model

    if step == "raw":
        articles, _ = read_articles([folder])
        nlp = load_model(DEFAULT_MODEL)
        started = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe((a.body for a in articles), batch_size=16, n_process=jobs))
        seconds = time.perf_counter() - started
        return {"seconds": seconds, "articles": len(articles), "rate": len(articles) / seconds, "tokens": tokens}
    from kg.pipeline import build

    started = time.perf_counter()
    result = build([folder], out_dir=out, jobs=jobs, cache_dir=cache)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": result.articles, "parsed": result.parsed,
            "rate": result.articles / seconds}


if __name__ == "__main__":
    main()
