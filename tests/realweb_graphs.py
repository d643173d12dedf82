"""The real link graphs of ../shared/realweb/graph as (vertices, src, dst) numpy arrays, 0-based and deduplicated."""

from __future__ import annotations

from pathlib import Path

import numpy as np

GRAPHS = Path(__file__).resolve().parents[2] / "shared" / "realweb" / "graph"


def available() -> bool:
    """Whether ../shared/realweb (beside the checkout) is there: a fresh clone elsewhere has only the synthetic
    graphs, and the real-graph cases skip."""
    return (GRAPHS / "hollins" / "hollins.dat").is_file() and (GRAPHS / "epa_kleinberg" / "gr0.epa").is_file()


def load(name: str) -> tuple[int, np.ndarray, np.ndarray]:
    if name == "hollins":
        # A "start end" header, then 1-based page ids; links.dat names the 6,012 pages.
        lines = (GRAPHS / "hollins" / "hollins.dat").read_text().split("\n")[1:]
        pairs = np.array([line.split() for line in lines if line.strip()], dtype=np.int64) - 1
        vertices = sum(1 for line in (GRAPHS / "hollins" / "links.dat").read_text().splitlines()[1:] if line.strip())
    elif name == "epa":
        # "e i j" lines, 0-based; gr0epaurls has one "n i url" line per page.
        lines = (GRAPHS / "epa_kleinberg" / "gr0.epa").read_text().splitlines()
        pairs = np.array([line.split()[1:3] for line in lines if line.startswith("e ")], dtype=np.int64)
        vertices = sum(1 for line in (GRAPHS / "epa_kleinberg" / "gr0epaurls").read_text().splitlines()
                       if line.startswith("n "))
    else:
        raise ValueError(f"unknown graph {name}")
    pairs = np.unique(pairs[pairs[:, 0] != pairs[:, 1]], axis=0)  # self-links add no distance
    return vertices, pairs[:, 0], pairs[:, 1]
