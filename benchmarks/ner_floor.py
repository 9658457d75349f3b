"""The floor of a cold build on this machine: spaCy's entity model alone over the same text.

    python benchmarks/ner_floor.py SOURCES_DIR [--cache DIR]

Cleans the sources (from the build cache when given, not timed), then times the entity model exactly as
the builder runs it (the small English model with only its tokenizer, tok2vec and NER, batches of
NER_BATCH) over the distinct paragraphs, in NER_PROCESSES processes: model loading included, nothing
else. A cold build's seconds divided by these is its ratio to the floor.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from builder.analyze.mentions import NER_BATCH, NER_PROCESSES, load_model  # noqa: E402
from builder.pipeline import read_and_clean  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", type=Path)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    articles = read_and_clean(args.sources, args.cache).articles
    paragraphs = list(dict.fromkeys(p for a in articles if not a.excluded for p in a.paragraphs))
    started = time.perf_counter()
    nlp = load_model()
    if nlp is None:
        sys.exit("the entity model is not installed")
    loaded = time.perf_counter() - started
    entities = sum(len(doc.ents) for doc in nlp.pipe(paragraphs, batch_size=NER_BATCH, n_process=NER_PROCESSES))
    seconds = time.perf_counter() - started
    print(f"{len(articles)} articles, {len(paragraphs)} distinct paragraphs, {entities} entity spans")
    print(f"spaCy NER alone: {seconds:.1f} s ({loaded:.1f} s loading the model), {NER_PROCESSES} processes, "
          f"{1000 * seconds / max(1, len(articles)):.1f} ms per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
