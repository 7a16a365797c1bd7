"""Run the per-article step on a Dask cluster (`pip install -e ".[dask]"`; `kg build --dask-scheduler ADDRESS`).

Each batch of articles goes to a worker as one task; the worker parses and extracts it (kg.pipeline.extract_batch,
loading the model once per worker process) and sends back plain Extraction records. The merge across articles runs
where `kg build` runs, on the records in the order of the articles, so the output does not depend on which worker did
what. "local" starts a cluster of worker processes on this machine for the build and stops it afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from kg.errors import KGError

Batch = TypeVar("Batch")
Result = TypeVar("Result")


def map_batches(function: Callable[..., Result], batches: Sequence[Batch], *, model: str, scheduler: str
                ) -> Iterator[Result]:
    """`function(batch, model)` for every batch on the cluster at `scheduler`, yielded in the order of `batches`."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise KGError('--dask-scheduler needs Dask: pip install -e ".[dask]"') from err
    cluster = None
    try:
        if scheduler == "local":
            # Processes, not threads: spaCy holds the GIL while it parses. Dask picks how many for this machine.
            cluster = LocalCluster(threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as err:
        if cluster is not None:
            cluster.close()
        raise KGError(f"--dask-scheduler {scheduler}: cannot reach the scheduler ({err})") from err
    try:
        futures = client.map(function, batches, model=model, pure=False)
        for future in futures:  # in order: a later batch may finish first, and waits in the cluster's memory
            yield future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
