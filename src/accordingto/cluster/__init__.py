"""Cluster: analyse a corpus on a Dask cluster (``pip install accordingto[cluster]``).

``run_on_cluster(inputs, address=..., out=...)`` is the entry point; ``docs/cluster.md`` tells how to set up
the workers. ``tasks`` (cutting the work) needs no Dask, so this package imports Dask only when the runner is
used. Workers analyse with the batch runner every front end uses (``batch/runner.py``) and build the store's rows
(``store/rows.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .run import ClusterError, ClusterRun, Progress, connect, run_on_cluster

__all__ = ["ClusterError", "ClusterRun", "Progress", "connect", "run_on_cluster"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import run

        return getattr(run, name)
    raise AttributeError(name)
