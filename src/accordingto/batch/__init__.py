"""Batch: running the pipeline over many articles, the one way every front end does it.

``runner.analyze_stream`` turns articles and read failures into outcomes, in this process or in worker processes;
``corpus.run_corpus`` runs a corpus into a store (``accordingto run``). The cluster workers (``cluster/``) and
``accordingto analyze`` call the same runner. Import the modules themselves: this package imports nothing, so
that loading the runner never loads the store.
"""
