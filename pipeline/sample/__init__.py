"""A deterministic multilingual mini web in Common Crawl's layout, with the truth about every part of it."""

from __future__ import annotations

from pathlib import Path


def generate_sample(out: str | Path, seed: int = 1, scale: int = 1, file_bytes: int | None = None,
                    release: int = 1) -> dict:
    """Write the sample crawl under ``out`` and return a summary of what it holds (``file_bytes``: one
    release-sized file set of about that many WARC bytes instead of the usual small files; ``release`` > 1: a later
    release of the same web, written beside the first as crawl ``CC-MAIN-SAMPLE-<release>``)."""
    from pipeline.sample.writer import generate

    return generate(Path(out), seed=seed, scale=scale, file_bytes=file_bytes, release=release)
