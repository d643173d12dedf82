"""Harmonic centrality of hosts, exact (BFS) for small graphs and HyperBall-approximated on one machine (numpy) or
on Spark, the two approximations bit-for-bit identical for the same hash seed.

Direction. The harmonic centrality of v is H(v) = Σ_{u≠v} 1/d(u, v): distances *from* every other host *to* v,
along links, so a host is central when many hosts reach it in few clicks (1/∞ = 0: unreachable hosts add
nothing). This is Common Crawl's host ranking (computed with WebGraph's HyperBall on the transposed graph: in-links)
and networkx's ``harmonic_centrality(G)`` on a DiGraph (it adds 1/d(v, u) to u for every source v).

HyperBall (Boldi & Vigna, 2013). B(v, t), the hosts within distance t of v (d(u, v) ≤ t), satisfies
B(v, 0) = {v} and B(v, t) = B(v, t−1) ∪ ⋃_{u→v} B(u, t−1). Each ball is a HyperLogLog counter of m = 2^b uint8
registers; a union is an element-wise max; so iteration t maxes every counter with its in-neighbours' counters
of iteration t−1. The hosts at distance exactly t number |B(v, t)| − |B(v, t−1)|, so
H(v) = Σ_t (|B(v, t)| − |B(v, t−1)|) / t, accumulated from the estimates as t grows. Iteration stops when no
counter changed (every ball is complete) or at ``max_distance``. Only counters that changed in iteration t−1
can change anything in iteration t, so only their out-edges are followed: late iterations are cheap.

Error. One HyperLogLog estimate of a ball has relative standard error ε ≈ 1.04/√m (m = 2^b registers: 6.5% at
b = 8); small balls (≤ 2.5 m) use linear counting and do better. Rewriting the sum by parts,
H = Σ_{t<T} |B_t| / (t(t+1)) + |B_T| / T − |B_0|, all coefficients positive but the last, so if every ball estimate
is within relative error δ (the estimates of one counter are correlated, so take the worst case: same sign),
|Ĥ − H| ≤ δ · (H + 2|B_0|) = δ · (H + 2): relative error δ · (1 + 2/H). With δ = 3ε (three standard
errors) this holds for all but a small share of hosts; for hosts with H ≫ 2 it is ≈ 3ε. The tests check it on real
graphs against networkx.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from functools import partial

import numpy as np

from graph.pagerank import DEFAULT_BROADCAST_MAX_BYTES as DEFAULT_RANK_BROADCAST_MAX_BYTES
from graph.pagerank import per_block

MIN_LOG2M = 4
MAX_LOG2M = 16
DEFAULT_SEED = 0x5EED_C0FFEE
# Edges maxed per numpy step: bounds the temporary (edges × registers bytes) to ~64 MiB at 128 registers.
EDGE_CHUNK = 1 << 19


@dataclass
class HarmonicResult:
    iterations: int  # distances explored (the last one changed nothing, unless capped)
    converged: bool  # False when max_distance stopped it while counters were still growing
    changed_last: int  # counters changed in the last iteration
    seconds: float = 0.0
    edges_visited: int = 0  # edge traversals over all iterations (only edges from changed counters)


def relative_standard_error(log2m: int) -> float:
    """HyperLogLog's relative standard error of one cardinality estimate with 2^log2m registers."""
    return 1.04 / math.sqrt(1 << log2m)


def harmonic_error_bound(harmonic: np.ndarray, log2m: int, sigmas: float = 3.0) -> np.ndarray:
    """|Ĥ − H| ≤ δ (H + 2) with δ = sigmas · ε: the absolute bound per host (see the module docstring)."""
    return sigmas * relative_standard_error(log2m) * (np.asarray(harmonic, dtype=np.float64) + 2.0)


# ---- HyperLogLog --------------------------------------------------------------------------------------------

def _splitmix64(values: np.ndarray) -> np.ndarray:
    """A 64-bit mixer (Steele et al.'s SplitMix64 finaliser): vertex ids → well-spread hashes, wrapping uint64."""
    z = values.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _bit_length(values: np.ndarray) -> np.ndarray:
    """Bit length of uint64s, exact: each 32-bit half converts to float64 without rounding."""
    high = (values >> np.uint64(32)).astype(np.float64)
    low = (values & np.uint64(0xFFFFFFFF)).astype(np.float64)
    return np.where(high > 0, 32 + np.frexp(high)[1], np.frexp(low)[1]).astype(np.int64)


def initial_registers(ids: np.ndarray, log2m: int, seed: int = DEFAULT_SEED) -> np.ndarray:
    """One HyperLogLog counter per vertex holding only itself: (len(ids), 2^log2m) uint8."""
    m = 1 << log2m
    with np.errstate(over="ignore"):
        hashed = _splitmix64(np.asarray(ids, dtype=np.uint64) ^ np.uint64(seed & 0xFFFFFFFFFFFFFFFF))
    index = (hashed >> np.uint64(64 - log2m)).astype(np.int64)
    rest = hashed << np.uint64(log2m)  # the remaining 64 − b bits, left-aligned
    # ρ = position of the first 1-bit (leading zeros + 1), at most 64 − b + 1 when the rest is all zeros.
    rho = np.minimum(64 - _bit_length(rest) + 1, 64 - log2m + 1).astype(np.uint8)
    registers = np.zeros((len(index), m), dtype=np.uint8)
    registers[np.arange(len(index)), index] = rho
    return registers


def estimate(registers: np.ndarray) -> np.ndarray:
    """HyperLogLog cardinality per row (Flajolet et al. 2007) with linear counting for small cardinalities. A
    64-bit hash needs no large-range correction. Row-wise numpy reductions: the same bits on driver and executors."""
    m = registers.shape[1]
    alpha = {16: 0.673, 32: 0.697, 64: 0.709}.get(m, 0.7213 / (1 + 1.079 / m))
    inverse_sum = np.ldexp(1.0, -registers.astype(np.int32)).sum(axis=1)
    raw = alpha * m * m / inverse_sum
    zeros = (registers == 0).sum(axis=1)
    small = (raw <= 2.5 * m) & (zeros > 0)
    linear = m * np.log(m / np.maximum(zeros, 1))
    return np.where(small, linear, raw)


def _gathered_max(rows: np.ndarray, sources: np.ndarray, registers: np.ndarray):
    """For sorted ``rows``: (distinct rows, per row the element-wise max of registers[sources] over its entries).
    Sorting by row and one reduceat per chunk replace np.maximum.at's slow unbuffered loop; chunks bound the
    (entries × registers) temporary."""
    distinct_parts, reduced_parts = [], []
    for start in range(0, len(rows), EDGE_CHUNK):
        chunk = rows[start:start + EDGE_CHUNK]
        starts = np.flatnonzero(np.r_[True, chunk[1:] != chunk[:-1]])
        distinct_parts.append(chunk[starts])
        reduced_parts.append(np.maximum.reduceat(registers[sources[start:start + EDGE_CHUNK]], starts, axis=0))
    if not distinct_parts:
        return np.zeros(0, dtype=np.int64), np.zeros((0, registers.shape[1]), dtype=np.uint8)
    distinct, reduced = np.concatenate(distinct_parts), np.concatenate(reduced_parts)
    if len(distinct_parts) > 1:  # a row split across two chunks: merge its partial maxima
        starts = np.flatnonzero(np.r_[True, distinct[1:] != distinct[:-1]])
        distinct, reduced = distinct[starts], np.maximum.reduceat(reduced, starts, axis=0)
    return distinct, reduced


def _apply(registers, estimates, harmonic, distinct, reduced, distance: int) -> np.ndarray:
    """Union the gathered in-neighbour counters into ``registers`` (in place, after every read of the old
    counters: synchronous) and add (newly reached hosts) / distance to the changed rows; returns the changed rows.
    The local and Spark backends both call this: the same operations per vertex, hence identical floats."""
    merged = np.maximum(registers[distinct], reduced)
    changed = (merged != registers[distinct]).any(axis=1)
    rows = distinct[changed]
    registers[rows] = merged[changed]
    new_estimates = estimate(registers[rows])
    harmonic[rows] += (new_estimates - estimates[rows]) / distance
    estimates[rows] = new_estimates
    return rows


# ---- local backend ------------------------------------------------------------------------------------------

def harmonic_local(vertices: int, src: np.ndarray, dst: np.ndarray, log2m: int = 8, max_distance: int = 0,
                   seed: int = DEFAULT_SEED) -> tuple[np.ndarray, HarmonicResult]:
    """HyperBall on the driver: registers (vertices × 2^log2m uint8) and edges sorted by target once.
    ``max_distance`` 0: until no counter changes."""
    _check_log2m(log2m)
    order = np.lexsort((src, dst))
    src = np.asarray(src, dtype=np.int64)[order]
    dst = np.asarray(dst, dtype=np.int64)[order]
    registers = initial_registers(np.arange(vertices), log2m, seed)
    estimates = estimate(registers)
    harmonic = np.zeros(vertices)
    changed = np.ones(vertices, dtype=bool)
    started = time.perf_counter()
    distance, changed_count, visited = 0, vertices, 0
    while changed_count and (not max_distance or distance < max_distance):
        distance += 1
        active = changed[src]  # edges from counters that did not change carry nothing new
        visited += int(active.sum())
        distinct, reduced = _gathered_max(dst[active], src[active], registers)
        rows = _apply(registers, estimates, harmonic, distinct, reduced, distance)
        changed = np.zeros(vertices, dtype=bool)
        changed[rows] = True
        changed_count = len(rows)
    return harmonic, HarmonicResult(distance, changed_count == 0, changed_count, time.perf_counter() - started,
                                    visited)


def _check_log2m(log2m: int) -> None:
    if not MIN_LOG2M <= log2m <= MAX_LOG2M:
        raise ValueError(f"log2m must be in [{MIN_LOG2M}, {MAX_LOG2M}], got {log2m}")


# ---- exact --------------------------------------------------------------------------------------------------

def harmonic_exact(vertices: int, src: np.ndarray, dst: np.ndarray, batch: int = 256) -> np.ndarray:
    """Exact H(v) = Σ_u 1/d(u, v) by one BFS per source (scipy, in batches of sources to bound memory):
    quadratic, for small graphs and for checking the approximation."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import shortest_path

    graph = csr_matrix((np.ones(len(src)), (src, dst)), shape=(vertices, vertices))
    graph.sum_duplicates()
    graph.data[:] = 1.0
    harmonic = np.zeros(vertices)
    for start in range(0, vertices, batch):
        sources = np.arange(start, min(start + batch, vertices))
        distances = shortest_path(graph, directed=True, unweighted=True, indices=sources)
        with np.errstate(divide="ignore"):
            inverse = 1.0 / distances  # 1/∞ = 0; the source itself (d = 0) is removed below
        inverse[np.arange(len(sources)), sources] = 0.0
        harmonic += inverse.sum(axis=0)
    return harmonic


# ---- Spark backend ------------------------------------------------------------------------------------------
# Two designs, chosen like SparkPageRank's by the size of what crosses the driver each distance
# (``broadcast_max_bytes``): the registers of the counters that changed, at most vertices × (2^log2m + 8) bytes.
#
# broadcast (vertices × (2^log2m + 8) within the cap): the distinct links are cut once into one block per
#   partition — the in-links of the hosts v with v % partitions == p, sorted by target, with the block's distinct
#   sources and targets — and each block carries the state of its targets (registers, estimates, sums). Hosts
#   without in-links are in no block: their counters never change and their sum stays 0. Distance t maps every
#   block to its next state with one numpy pass (the local backend's _gathered_max and _apply over the in-links
#   whose source changed at t − 1); distance 1 rebuilds the sources' initial counters from their ids on the
#   executors, so nothing is broadcast. The driver collects, per distance, the changed counters' ids and registers
#   (k × (2^log2m + 8) bytes for k changed counters, k ≤ vertices) and the count of links followed, and broadcasts
#   them as the next distance's frontier; at the end it collects the sums (8 bytes per host with in-links). One
#   job of one stage per distance: no shuffle, no join. A block's state is pickled into the block manager once per
#   distance (its links, 8 bytes each plus 8 per distinct source and target, and 2^log2m + 16 bytes per target);
#   each distance's state is a local checkpoint, or, with a checkpoint directory, reliably checkpointed every
#   ``checkpoint_every`` distances, the frontier broadcasts kept on the driver until then (the state's lineage
#   needs them): at most checkpoint_every + 1 frontiers at once, though only the first distances' are large.
# join (beyond the cap): one row per vertex (id, registers binary, estimate, harmonic, changed), hash-partitioned
#   by id. A distance joins the links with the counters that changed last time (src = id), shuffles those
#   registers to their targets together with the targets' own state, and merges each partition in numpy (the same
#   _gathered_max and _apply). Only the count of changed counters reaches the driver.

# Every counter of ~4 M hosts at log2m 8: SparkPageRank's cap for its rank vector, so the driver holds as much.
DEFAULT_BROADCAST_MAX_BYTES = DEFAULT_RANK_BROADCAST_MAX_BYTES
# A changed counter crosses the driver as its int64 id beside its registers.
FRONTIER_ID_BYTES = 8


def frontier_max_bytes(vertices: int, log2m: int) -> int:
    """The largest frontier (every counter changed) the broadcast design collects and broadcasts in one distance."""
    return vertices * ((1 << log2m) + FRONTIER_ID_BYTES)


def _in_link_block(_block: int, sources: np.ndarray, targets: np.ndarray, log2m: int, seed: int) -> dict:
    """One block's in-links (global ids) → its links sorted by target as (row, source index) int32 pairs over the
    block's distinct targets and sources, and the targets' initial state."""
    targets, rows = np.unique(targets, return_inverse=True)
    rows = rows.reshape(-1)
    order = np.argsort(rows, kind="stable")
    sources, edge_source = np.unique(sources[order], return_inverse=True)
    registers = initial_registers(targets, log2m, seed)
    # int32 indices: a block holds at most a partition's links (spark_partitions sizes them in millions).
    return {"targets": targets, "rows": rows[order].astype(np.int32),
            "edge_source": edge_source.reshape(-1).astype(np.int32), "sources": sources,
            "registers": registers, "estimates": estimate(registers), "harmonic": np.zeros(len(targets)),
            "changed": np.zeros(0, dtype=np.int32), "visited": 0}


def _in_link_blocks(batches, log2m: int, seed: int):
    return per_block(batches, ("src", "dst"), partial(_in_link_block, log2m=log2m, seed=seed))


def _step_block(block: dict, frontier, distance: int, log2m: int, seed: int) -> dict:
    """A block's state after ``distance``: its targets' counters maxed with the changed in-neighbours' counters
    (``frontier``: broadcast sorted ids and their registers; None at distance 1, when every counter is new)."""
    rows, edge_source, sources = block["rows"], block["edge_source"], block["sources"]
    if frontier is None:
        source_registers = initial_registers(sources, log2m, seed)
        active_rows, positions = rows, edge_source
    else:
        ids, source_registers = frontier.value
        found = np.minimum(np.searchsorted(ids, sources), len(ids) - 1)
        hit = ids[found] == sources
        active = hit[edge_source]  # links from counters that did not change carry nothing new
        active_rows, positions = rows[active], found[edge_source[active]]
    # The unpickled arrays are this task's own copies: update them in place (np.require copies only read-only ones).
    registers = np.require(block["registers"], requirements="W")
    estimates = np.require(block["estimates"], requirements="W")
    harmonic = np.require(block["harmonic"], requirements="W")
    distinct, reduced = _gathered_max(active_rows, positions, source_registers)
    changed = _apply(registers, estimates, harmonic, distinct, reduced, distance)
    return {**block, "registers": registers, "estimates": estimates, "harmonic": harmonic,
            "changed": changed.astype(np.int32), "visited": len(active_rows)}


def _frontier_part(item, with_registers: bool):
    """(changed ids, their registers or None, changed count, links followed) of one stepped block."""
    _, block = item
    changed = block["changed"]
    ids = block["targets"][changed] if with_registers else None
    registers = block["registers"][changed] if with_registers else None
    return ids, registers, len(changed), block["visited"]


STATE_SCHEMA = "id long, registers binary, estimate double, harmonic double, changed boolean"


def _binary_matrix(column, width: int) -> np.ndarray:
    """An Arrow binary column of equal-length values → (rows, width) uint8 without copying per value."""
    import pyarrow as pa

    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if pa.types.is_large_binary(column.type):
        column = column.cast(pa.binary())
    if len(column) == 0:
        return np.zeros((0, width), dtype=np.uint8)
    offsets = np.frombuffer(column.buffers()[1], dtype=np.int32)[column.offset:column.offset + len(column) + 1]
    data = np.frombuffer(column.buffers()[2], dtype=np.uint8)
    return data[offsets[0]:offsets[-1]].reshape(len(column), width)


def _binary_column(matrix: np.ndarray):
    import pyarrow as pa

    rows, width = matrix.shape
    offsets = np.arange(0, (rows + 1) * width, width, dtype=np.int32)
    return pa.Array.from_buffers(pa.binary(), rows, [None, pa.py_buffer(offsets),
                                                     pa.py_buffer(np.ascontiguousarray(matrix))])


def _state_batch(ids, registers, estimates, harmonic, changed):
    import pyarrow as pa

    return pa.RecordBatch.from_arrays(
        [pa.array(ids, pa.int64()), _binary_column(registers), pa.array(estimates, pa.float64()),
         pa.array(harmonic, pa.float64()), pa.array(changed, pa.bool_())],
        ["id", "registers", "estimate", "harmonic", "changed"])


def _initial_partition(batches, log2m: int, seed: int):
    for batch in batches:
        ids = batch.column(0).to_numpy()
        registers = initial_registers(ids, log2m, seed)
        yield _state_batch(ids, registers, estimate(registers), np.zeros(len(ids)), np.ones(len(ids), dtype=bool))


def _merge_partition(batches, width: int, distance: int):
    """(state rows, kind 0) + (in-neighbour counters, kind 1) of the same ids → the next state rows."""
    import pyarrow as pa

    batches = list(batches)
    if not batches:
        return
    table = pa.Table.from_batches(batches)
    kind = table.column("kind").to_numpy()
    ids = table.column("id").to_numpy()
    registers = _binary_matrix(table.column("registers"), width)
    is_state = kind == 0
    state_order = np.flatnonzero(is_state)
    state_order = state_order[np.argsort(ids[state_order], kind="stable")]
    state_ids = ids[state_order]
    state = registers[state_order]  # a copy: updated in place
    estimates = table.column("estimate").to_numpy(zero_copy_only=False)[state_order]
    harmonic = table.column("harmonic").to_numpy(zero_copy_only=False)[state_order]
    changed = np.zeros(len(state_ids), dtype=bool)
    messages = np.flatnonzero(~is_state)
    if len(messages):
        rows = np.searchsorted(state_ids, ids[messages])  # every message's target has a state row here
        order = np.argsort(rows, kind="stable")
        distinct, reduced = _gathered_max(rows[order], messages[order], registers)
        changed[_apply(state, estimates, harmonic, distinct, reduced, distance)] = True
    yield _state_batch(state_ids, state, estimates, harmonic, changed)


class SparkHyperBall:
    """HyperBall on Spark, giving exactly ``harmonic_local``'s numbers for the same log2m and seed."""

    def __init__(self, spark, vertices: int, edges, partitions: int, log2m: int = 8, seed: int = DEFAULT_SEED,
                 checkpoint_every: int = 5, broadcast_max_bytes: int = DEFAULT_BROADCAST_MAX_BYTES):
        """``edges``: DataFrame (src, dst) of long vertex ids in [0, vertices). ``broadcast_max_bytes``: the
        largest frontier (vertices × (2^log2m + 8) bytes) the broadcast design may collect and broadcast per
        distance; beyond it, the join design."""
        from pyspark.sql import functions as F

        _check_log2m(log2m)
        if partitions < 1 or checkpoint_every < 1 or broadcast_max_bytes < 0:
            raise ValueError("partitions and checkpoint_every must be ≥ 1, broadcast_max_bytes ≥ 0")
        self.spark, self.n, self.partitions = spark, vertices, partitions
        self.log2m, self.seed, self.checkpoint_every = log2m, seed, checkpoint_every
        links = edges.select(F.col("src").cast("long"), F.col("dst").cast("long")).distinct()
        self.design = "broadcast" if frontier_max_bytes(vertices, log2m) <= broadcast_max_bytes else "join"
        if self.design == "join":
            self.edges = links.repartition(partitions, "src").cache()
            return
        import pickle

        # Strided blocks (host v in block v % partitions), as SparkPageRank's: ids that follow popularity would
        # otherwise put the heavy in-degree hosts into one task.
        entries = links.select((F.col("dst") % partitions).alias("block"), "src", "dst").repartition(
            partitions, "block")
        built = entries.mapInArrow(partial(_in_link_blocks, log2m=log2m, seed=seed), "block long, payload binary")
        # partitionBy with the block number as key puts block p in partition p: one block per task.
        self.blocks = built.rdd.map(lambda row: (row[0], pickle.loads(row[1]))).partitionBy(partitions).cache()
        self.blocks.count()  # build once here, not inside the first timed distance

    def run(self, max_distance: int = 0):
        """DataFrame (id, harmonic) and the iteration record; ``max_distance`` 0: until no counter changes."""
        if self.design == "broadcast":
            return self._run_broadcast(max_distance)
        return self._run_join(max_distance)

    # ---- broadcast design ----

    def _run_broadcast(self, max_distance: int):
        import pyarrow as pa
        from pyspark import StorageLevel

        sc = self.spark.sparkContext
        reliable = sc.getCheckpointDir() is not None
        state, frontier, kept = self.blocks, None, []
        distance, changed_count, visited = 0, self.n, 0
        started = time.perf_counter()
        while changed_count and (not max_distance or distance < max_distance):
            distance += 1
            stepped = state.mapValues(partial(_step_block, frontier=frontier, distance=distance, log2m=self.log2m,
                                              seed=self.seed))
            stepped.persist(StorageLevel.MEMORY_AND_DISK)  # also keeps the collect below from re-running the step
            checkpointed = not reliable or distance % self.checkpoint_every == 0
            if not reliable:
                stepped.localCheckpoint()  # cuts the lineage: the frontier broadcast is not needed again
            elif checkpointed:
                stepped.checkpoint()  # written when the collect below finishes
            # The last capped distance's registers would feed no further distance: only its counts come back.
            with_registers = not max_distance or distance < max_distance
            parts = stepped.map(partial(_frontier_part, with_registers=with_registers)).collect()
            changed_count = sum(part[2] for part in parts)
            visited += sum(part[3] for part in parts)
            if frontier is not None:
                frontier.unpersist()  # the executors' copies; the driver's stays while the lineage needs it
                kept.append(frontier)
            if checkpointed:
                # The state no longer needs the earlier frontiers; its own (its step's closure, serialized with
                # every later task that reads it) lives until a later state replaces it.
                for shared in kept:
                    if shared is not frontier:
                        shared.destroy()
                kept = [frontier] if frontier is not None else []
            if state is not self.blocks:  # the built blocks stay cached: run may be called again
                state.unpersist()
            state, frontier = stepped, None
            if with_registers and changed_count:
                ids = np.concatenate([part[0] for part in parts])
                order = np.argsort(ids, kind="stable")
                registers = np.concatenate([part[1] for part in parts])[order]
                frontier = sc.broadcast((ids[order], registers))
        seconds = time.perf_counter() - started
        harmonic = np.zeros(self.n)
        for targets, sums in state.map(lambda item: (item[1]["targets"], item[1]["harmonic"])).collect():
            harmonic[targets] = sums
        if state is not self.blocks:
            state.unpersist()
        for shared in kept:
            shared.destroy()
        values = self.spark.createDataFrame(pa.table({"id": np.arange(self.n, dtype=np.int64), "harmonic": harmonic}))
        return values, HarmonicResult(distance, changed_count == 0, changed_count, seconds, visited)

    # ---- join design ----

    def _run_join(self, max_distance: int):
        from pyspark.sql import functions as F

        width = 1 << self.log2m
        state = self.spark.range(self.n).repartition(self.partitions, "id").mapInArrow(
            partial(_initial_partition, log2m=self.log2m, seed=self.seed), STATE_SCHEMA).cache()
        changed_count = state.count()
        distance = 0
        started = time.perf_counter()
        reliable = self.spark.sparkContext.getCheckpointDir() is not None
        while changed_count and (not max_distance or distance < max_distance):
            distance += 1
            active = state.where("changed").select(F.col("id").alias("src"), "registers")
            messages = self.edges.join(active, "src").select(
                F.col("dst").alias("id"), "registers", F.lit(None).cast("double").alias("estimate"),
                F.lit(None).cast("double").alias("harmonic"), F.lit(1).cast("byte").alias("kind"))
            current = state.select("id", "registers", "estimate", "harmonic", F.lit(0).cast("byte").alias("kind"))
            merged = current.unionByName(messages).repartition(self.partitions, "id").mapInArrow(
                partial(_merge_partition, width=width, distance=distance), STATE_SCHEMA)
            if distance % self.checkpoint_every == 0:
                # Cut the lineage, which otherwise grows by a join and a shuffle per distance.
                merged = merged.checkpoint() if reliable else merged.localCheckpoint()
            else:
                merged = merged.cache()
            counts = merged.agg(F.count(F.when(F.col("changed"), 1)).alias("changed")).first()
            changed_count = int(counts["changed"])
            state.unpersist()
            state = merged
        seconds = time.perf_counter() - started
        return state.select("id", "harmonic"), HarmonicResult(distance, changed_count == 0, changed_count, seconds)
