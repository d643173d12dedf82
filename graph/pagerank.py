"""PageRank by power iteration, on one machine (scipy CSR) or on Spark (block-partitioned), same answer.

The chain: every vertex belongs to a vote group (itself, or its registered domain). A group's mass — the sum
of its vertices' scores — is spread evenly over the group's distinct out-links, so a site with a thousand
subdomains linking to one target casts one vote, not a thousand. A vertex whose group has no out-links is
dangling: its mass follows the teleport vector, as does the (1 − α) jump. The teleport is spread per group
too (``group_teleport``), so subdomains cannot buy jump mass either. Uniform teleport gives PageRank;
teleport on trusted seed hosts gives TrustRank (Gyöngyi et al. 2004). With each vertex its own group this is
exactly networkx.pagerank (``personalization`` = teleport, ``dangling`` = teleport).

Iteration starts at the teleport vector — the fixed point does not depend on the start, and hosts no seed
reaches then hold exactly zero trust at every step — and stops when the L1 change falls below ``tolerance`` or
at ``max_iterations``.
"""

from __future__ import annotations

import math
import time
import uuid
from dataclasses import dataclass
from functools import partial

import numpy as np


@dataclass
class RankResult:
    iterations: int
    converged: bool
    l1_change: float
    seconds: float = 0.0


@dataclass
class LocalGraph:
    """The ranking chain in arrays: ``group_of[v]`` and the (group → vertex) vote edges, deduplicated."""

    vertices: int
    groups: int
    group_of: np.ndarray | None  # int64 per vertex; None: each vertex is its own group
    edge_group: np.ndarray  # int64 source group of each vote edge
    edge_dst: np.ndarray  # int64 target vertex of each vote edge


def group_teleport(group_of: np.ndarray, members: np.ndarray | None = None) -> np.ndarray:
    """Teleport spread evenly over groups, then over each group's vertices (``members``: which vertices may
    receive it, e.g. trust seeds). A site cannot gain jump mass by adding subdomains."""
    eligible = np.ones(len(group_of), dtype=bool) if members is None else members.astype(bool)
    groups = np.unique(group_of[eligible])
    if len(groups) == 0:
        raise ValueError("teleport vector is empty: no eligible vertex")
    per_group = np.bincount(group_of[eligible], minlength=int(group_of.max()) + 1)
    weights = np.zeros(len(group_of))
    weights[eligible] = 1.0 / (len(groups) * per_group[group_of[eligible]])
    return weights


def pagerank_local(
    graph: LocalGraph, teleport: np.ndarray, alpha: float, tolerance: float, max_iterations: int
) -> tuple[np.ndarray, RankResult]:
    from scipy.sparse import csr_matrix

    n, groups = graph.vertices, graph.groups
    out_degree = np.bincount(graph.edge_group, minlength=groups).astype(np.float64)
    weights = 1.0 / out_degree[graph.edge_group]
    # y = transition @ group_mass: row = target vertex, column = source group.
    transition = csr_matrix((weights, (graph.edge_dst, graph.edge_group)), shape=(n, groups))
    dangling_group = out_degree == 0
    dangling = dangling_group[graph.group_of] if graph.group_of is not None else dangling_group
    scores = teleport.copy()
    change = math.inf
    started = time.perf_counter()
    for iteration in range(1, max_iterations + 1):
        mass = np.bincount(graph.group_of, weights=scores, minlength=groups) if graph.group_of is not None else scores
        updated = alpha * (transition @ mass)
        updated += (alpha * scores[dangling].sum() + (1.0 - alpha)) * teleport
        change = float(np.abs(updated - scores).sum())
        scores = updated
        if change < tolerance:
            return scores, RankResult(iteration, True, change, time.perf_counter() - started)
    return scores, RankResult(max_iterations, False, change, time.perf_counter() - started)


# ---- Spark ------------------------------------------------------------------------------------------
# Two designs, chosen by the size of the rank vector (``broadcast_max_bytes``):
#
# broadcast (the vector fits the driver and every executor): the vote edges are cut once into one CSR matrix
#   per partition — the rows of the vertices v with v % partitions == p, all of their in-edges — and cached.
#   An iteration broadcasts the group-mass vector, multiplies every block in place and collects the partial
#   results: one job of one stage, no shuffle, no join, no lineage to cut; the driver does the O(vertices)
#   update with exactly the local backend's arithmetic. What crosses the network per iteration is 8 bytes per
#   group out and 8 bytes per vertex back, which is why it is capped: at 100 M hosts that is 800 MB each way.
#   The blocks stay resident in the executors' Python workers (``_RESIDENT``): a cached RDD lives in the JVM
#   as pickled bytes, and reading it streams 12 bytes per edge to Python and unpickles them every iteration, a
#   cost that grows with the graph while the job's own does not. An iteration's tasks run over a cached RDD of
#   block numbers instead, as small as a job can be, and a worker that does not hold its block (a fresh or
#   other worker) reports a miss, which a second job fills from the cached blocks for those partitions only.
#   Needs spark.python.worker.reuse (Spark's default); without it every task would miss, and iterations read
#   the cached blocks directly.
# join (beyond the cap): the block-partitioned RDDs below, which never hold a whole vector anywhere.
#
# Vectors are RDDs of (block, numpy array) and matrices RDDs of (source block, pieces), all hash-partitioned by
# block number into the same number of partitions, so joining a matrix with a vector never moves the matrix.
# Each piece holds the entries of one (source block, target block) pair, with its distinct targets precomputed:
# one iteration is a bincount per piece, and only per-target sums cross the network.


def _build_pieces(sources: np.ndarray, targets: np.ndarray, weights: np.ndarray, block_size: int):
    """Entries of one source block (block-local sources, global targets) → pieces grouped by target block."""
    target_block = targets // block_size
    order = np.argsort(target_block, kind="stable")
    sources, targets, weights, target_block = sources[order], targets[order], weights[order], target_block[order]
    pieces = []
    starts = np.flatnonzero(np.r_[True, target_block[1:] != target_block[:-1]]) if len(target_block) else []
    ends = [*starts[1:], len(target_block)]
    for start, end in zip(starts, ends, strict=True):
        block = int(target_block[start])
        local = targets[start:end] - block * block_size
        distinct, inverse = np.unique(local, return_inverse=True)
        # int32 block-local indices halve what crosses the network each iteration.
        pieces.append((block, sources[start:end].astype(np.int32), inverse, distinct.astype(np.int32),
                       weights[start:end]))
    return pieces


def per_block(batches, columns: tuple[str, ...], build):
    """mapInArrow scaffolding: group a partition's rows by ``block`` and yield one pickled ``build(...)`` result
    per block, called with the block number and the block's columns as numpy arrays."""
    import pickle

    import pyarrow as pa

    batches = list(batches)
    if not batches:
        return
    table = pa.Table.from_batches(batches)
    blocks = table.column("block").to_numpy()
    order = np.argsort(blocks, kind="stable")
    blocks = blocks[order]
    arrays = [table.column(name).to_numpy()[order] for name in columns]
    starts = np.flatnonzero(np.r_[True, blocks[1:] != blocks[:-1]])
    for start, end in zip(starts, [*starts[1:], len(blocks)], strict=True):
        block = int(blocks[start])
        payload = pickle.dumps(build(block, *(array[start:end] for array in arrays)), protocol=5)
        yield pa.RecordBatch.from_pydict({"block": [block], "payload": [payload]})


def _pieces_of_partition(batches, target_block_size: int):
    """(block, local, dst, weight) rows → matrix pieces per source block."""
    return per_block(batches, ("local", "dst", "weight"),
                     lambda _, local, targets, weights: _build_pieces(local, targets, weights, target_block_size))


def _dense_blocks(batches, total: int, block_size: int):
    """(block, local, value) rows → one dense array per block (placeholder rows have local −1)."""

    def build(block, local, values):
        size = _sizes(total, block_size, block)
        present = local >= 0
        return np.bincount(local[present], weights=values[present], minlength=size)[:size].astype(np.float64)

    return per_block(batches, ("local", "value"), build)


def _multiply_piece(item):
    _, (pieces, vector) = item
    for block, sources, inverse, distinct, weights in pieces:
        sums = np.bincount(inverse, weights=weights * vector[sources], minlength=len(distinct))
        yield block, (distinct, sums)


class _Accumulate:
    """combineByKey functions: sparse (index, value) partials into a dense block."""

    def __init__(self, size: int):
        self.size = size

    def create(self, partial):
        dense = np.zeros(self.size)
        dense[partial[0]] += partial[1]
        return dense

    @staticmethod
    def merge_value(dense, partial):
        dense[partial[0]] += partial[1]
        return dense

    @staticmethod
    def merge_combiners(left, right):
        return left + right


def _sizes(total: int, block_size: int, block: int) -> int:
    return max(0, min(block_size, total - block * block_size))


def _csr_blocks(batches, vertices: int, partitions: int, groups: int):
    """(block, local, src, weight) rows → per block a CSR matrix (its vertices × groups) of vote weights."""
    from scipy.sparse import csr_matrix

    def build(block, local, sources, weights):
        rows = _strided_size(vertices, partitions, block)
        # int32 indices (scipy keeps them when they fit) make the cached block 12 bytes per edge.
        return csr_matrix((weights, (local, sources)), shape=(rows, groups))

    return per_block(batches, ("local", "src", "weight"), build)


def _strided_size(total: int, stride: int, block: int) -> int:
    """How many of 0..total-1 are ≡ block (mod stride)."""
    return max(0, (total - block + stride - 1) // stride)


# Broadcast design, executor side: CSR blocks kept in the Python worker between tasks, for one engine at a time
# (a new engine's key evicts the previous engine's blocks, so a long-lived worker holds at most one graph).
_RESIDENT: dict = {"engine": None, "blocks": {}}


def _keep_resident(engine: str, block: int, matrix) -> None:
    if _RESIDENT["engine"] != engine:
        _RESIDENT["engine"], _RESIDENT["blocks"] = engine, {}
    _RESIDENT["blocks"][block] = matrix


def _resident(engine: str, block: int):
    return _RESIDENT["blocks"].get(block) if _RESIDENT["engine"] == engine else None


def _block_numbers(items, engine: str):
    """(block, CSR) items → their block numbers, keeping each block resident in this worker."""
    for block, matrix in items:
        _keep_resident(engine, block, matrix)
        yield block


def _multiply_resident(blocks, engine: str, shared):
    """Iteration task over the block numbers: (block, product), or (block, None) if this worker lacks it."""
    for block in blocks:
        matrix = _resident(engine, block)
        yield block, None if matrix is None else matrix @ shared.value


def _multiply_blocks(items, engine: str | None, shared):
    """Iteration task over the cached blocks themselves: (block, product), keeping each block resident."""
    for block, matrix in items:
        if engine is not None:
            _keep_resident(engine, block, matrix)
        yield block, matrix @ shared.value


DEFAULT_BROADCAST_MAX_BYTES = 1 << 30  # a 134 M-vertex rank vector
DEFAULT_EDGES_PER_PARTITION = 4_000_000


def spark_partitions(edges: int, parallelism: int, edges_per_partition: int = DEFAULT_EDGES_PER_PARTITION) -> int:
    """Partitions sized to the graph: enough that every core has a block, and no block above
    ``edges_per_partition`` (tens of ms of matvec; the per-task overhead of Spark is a few ms). Not
    spark.sql.shuffle.partitions, which is sized for the pipeline's large shuffles, not for a small graph
    iterated a hundred times."""
    return max(1, parallelism, math.ceil(edges / edges_per_partition))


class SparkPageRank:
    """The same chain as ``pagerank_local``, as block-partitioned RDDs (nothing but scalars reach the driver)."""

    def __init__(self, spark, vertices: int, groups: int, group_edges, group_of, partitions: int,
                 checkpoint_every: int = 5, broadcast_max_bytes: int = DEFAULT_BROADCAST_MAX_BYTES):
        """``group_edges``: DataFrame (group, dst) of distinct vote edges; ``group_of``: DataFrame (id, group),
        or None when each vertex is its own group. ``broadcast_max_bytes``: the largest rank vector (8 bytes per
        vertex or group) the broadcast design may ship each iteration; beyond it, the join design."""
        from pyspark.sql import functions as F

        if partitions < 1 or checkpoint_every < 1 or broadcast_max_bytes < 0:
            raise ValueError("partitions and checkpoint_every must be ≥ 1, broadcast_max_bytes ≥ 0")
        self.sc, self._spark = spark.sparkContext, spark
        self.n, self.groups, self.partitions = vertices, groups, partitions
        self.checkpoint_every = checkpoint_every
        self.vertex_block = max(1, math.ceil(vertices / partitions))
        self.group_block = max(1, math.ceil(groups / partitions))
        degree = group_edges.groupBy("group").agg(F.count("*").alias("degree"))
        weighted = group_edges.join(degree, "group").select("group", "dst", (1.0 / F.col("degree")).alias("weight"))
        self.design = "broadcast" if 8 * max(vertices, groups) <= broadcast_max_bytes else "join"
        if self.design == "broadcast":
            self._build_broadcast(weighted, degree, group_of)
            return
        group_block, vertex_block = self.group_block, self.vertex_block
        self.spread = self._matrix(weighted, "group", "dst", "weight", group_block, vertex_block)
        self.pool = None
        if group_of is not None:
            self.pool = self._matrix(group_of.withColumn("weight", F.lit(1.0)), "id", "group", "weight",
                                     vertex_block, group_block)
            dangling_ids = group_of.join(degree, "group", "left_anti").select("id")
        else:
            ids = spark.range(vertices).select(F.col("id"))
            dangling_ids = ids.join(degree.withColumnRenamed("group", "id"), "id", "left_anti")
        self.dangling = self.dense(dangling_ids.withColumn("flag", F.lit(1.0)), vertices, vertex_block).mapValues(
            lambda flags: flags > 0
        ).cache()

    def _matrix(self, frame, source: str, target: str, weight: str, source_block_size: int, target_block_size: int):
        """Sparse matrix blocks from a DataFrame of entries, built with numpy on Arrow batches: no per-entry
        Python objects. Only one pickled payload per block reaches the RDD, partitioned like the vectors."""

        from pyspark.sql import functions as F

        entries = frame.select(
            F.expr(f"`{source}` div {int(source_block_size)}").cast("long").alias("block"),
            (F.col(source) % source_block_size).cast("long").alias("local"),
            F.col(target).cast("long").alias("dst"),
            F.col(weight).cast("double").alias("weight"),
        ).repartition(self.partitions, "block")
        return self._blocks(entries.mapInArrow(partial(_pieces_of_partition, target_block_size=target_block_size),
                                               "block long, payload binary")).cache()

    def _blocks(self, built):
        """(block, payload) rows → an RDD of (block, object) partitioned like every other block RDD."""
        import pickle

        return built.rdd.map(lambda row: (row[0], pickle.loads(row[1]))).partitionBy(self.partitions)

    def _combine(self, partials, total: int, block_size: int):
        accumulate = _Accumulate(block_size)
        combined = partials.combineByKey(
            accumulate.create, _Accumulate.merge_value, _Accumulate.merge_combiners, self.partitions
        )
        # Trim the last block to the vector's true length.
        return combined.map(lambda kv: (kv[0], kv[1][: _sizes(total, block_size, kv[0])]), preservesPartitioning=True)

    def dense(self, entries, total: int, block_size: int):
        """DataFrame (index, value) → dense vector blocks, every block present (zero where no entry); built with
        numpy on Arrow batches, one pickled block per partition group."""

        from pyspark.sql import functions as F

        index, value = entries.columns[:2]
        spark = entries.sparkSession
        blocks = spark.range(math.ceil(total / block_size)).select(
            F.col("id").alias("block"), F.lit(-1).cast("long").alias("local"), F.lit(0.0).alias("value")
        )  # one placeholder row per block, so blocks without entries still appear
        rows = entries.select(
            F.expr(f"`{index}` div {int(block_size)}").cast("long").alias("block"),
            (F.col(index) % block_size).cast("long").alias("local"),
            F.col(value).cast("double").alias("value"),
        ).unionByName(blocks).repartition(self.partitions, "block")
        return self._blocks(rows.mapInArrow(partial(_dense_blocks, total=total, block_size=block_size),
                                            "block long, payload binary"))

    def multiply(self, matrix, vector, total: int, block_size: int):
        """matrix · vector → dense blocks of the target space; blocks nothing points into are absent."""
        products = matrix.join(vector, self.partitions).flatMap(_multiply_piece)
        return self._combine(products, total, block_size)

    # ---- broadcast design ----

    def _build_broadcast(self, weighted, degree, group_of):
        """Cache the CSR blocks; keep on the driver what the update needs: group of each vertex and dangling mask."""
        from pyspark.sql import functions as F

        partitions, groups = self.partitions, self.groups
        # Strided rows (vertex v in block v % partitions), not ranges: ids that follow popularity would otherwise
        # put the heavy in-degree rows into one task.
        entries = weighted.select(
            (F.col("dst") % partitions).cast("long").alias("block"),
            F.expr(f"dst div {int(partitions)}").cast("long").alias("local"),
            F.col("group").cast("long").alias("src"),
            F.col("weight").cast("double").alias("weight"),
        ).repartition(partitions, "block")
        built = entries.mapInArrow(partial(_csr_blocks, vertices=self.n, partitions=partitions, groups=groups),
                                   "block long, payload binary")
        # partitionBy with the block number as key puts block p in partition p: one block per task.
        self.csr = self._blocks(built).cache()
        reuse = self.sc.getConf().get("spark.python.worker.reuse", "true").strip().lower() == "true"
        self.resident_key = uuid.uuid4().hex if reuse else None
        self.block_numbers = None
        self.refilled_blocks = 0  # blocks a worker lacked and an extra job supplied, over all iterations
        if self.resident_key is None:
            self.csr.count()  # build once here, not inside the first timed iteration
        else:
            # Building the block numbers builds the blocks and leaves them resident in the workers that ran it.
            self.block_numbers = self.csr.mapPartitions(
                partial(_block_numbers, engine=self.resident_key), preservesPartitioning=True).cache()
            self.block_numbers.count()
        out_degree = np.zeros(groups, dtype=np.int64)
        table = degree.toArrow()
        out_degree[table.column("group").to_numpy()] = table.column("degree").to_numpy()
        dangling_group = out_degree == 0
        self.group_array = None
        if group_of is not None:
            mapping = group_of.select("id", "group").toArrow()
            self.group_array = np.empty(self.n, dtype=np.int64)
            self.group_array[mapping.column("id").to_numpy()] = mapping.column("group").to_numpy()
        self.dangling_mask = dangling_group[self.group_array] if self.group_array is not None else dangling_group

    def _run_broadcast(self, teleport, alpha: float, tolerance: float, max_iterations: int):
        table = teleport.toArrow()
        jump_vector = np.zeros(self.n)
        jump_vector[table.column(0).to_numpy()] = table.column(1).to_numpy()
        n, partitions, groups = self.n, self.partitions, self.groups
        scores = jump_vector.copy()
        change = math.inf
        started = time.perf_counter()
        for iteration in range(1, max_iterations + 1):
            if self.group_array is None:
                mass = scores
            else:
                mass = np.bincount(self.group_array, weights=scores, minlength=groups)
            shared = self.sc.broadcast(mass)
            products = self._products(shared)
            shared.destroy()  # the driver's and the executors' copies: ranks are large, iterations many
            votes = np.zeros(n)
            for block, values in products:
                votes[block::partitions] = values
            updated = alpha * votes
            updated += (alpha * scores[self.dangling_mask].sum() + (1.0 - alpha)) * jump_vector
            change = float(np.abs(updated - scores).sum())
            scores = updated
            if change < tolerance:
                return scores, RankResult(iteration, True, change, time.perf_counter() - started)
        return scores, RankResult(max_iterations, False, change, time.perf_counter() - started)

    def _products(self, shared) -> list:
        """(block, block · mass) for every block: one job while the workers hold their blocks (block p is in
        partition p), plus one over the cached blocks of the partitions whose worker did not."""
        if self.block_numbers is None:
            return self.csr.mapPartitions(partial(_multiply_blocks, engine=None, shared=shared)).collect()
        products = self.block_numbers.mapPartitions(
            partial(_multiply_resident, engine=self.resident_key, shared=shared)).collect()
        missed = [block for block, values in products if values is None]
        if not missed:
            return products
        self.refilled_blocks += len(missed)
        filled = self.sc.runJob(self.csr, partial(_multiply_blocks, engine=self.resident_key, shared=shared), missed)
        return [(block, values) for block, values in products if values is not None] + filled

    # ---- both ----

    def run(self, teleport, alpha: float, tolerance: float, max_iterations: int):
        """Scores and the iteration record. ``teleport``: DataFrame (id, weight), sum 1. Scores are a numpy
        array (broadcast design) or a (block, array) RDD (join design): read them with ``as_rows``/``frame``."""
        if self.design == "broadcast":
            return self._run_broadcast(teleport, alpha, tolerance, max_iterations)
        n, vertex_block, partitions = self.n, self.vertex_block, self.partitions
        teleport = self.dense(teleport, n, vertex_block)
        # Per block, everything an iteration needs besides the incoming votes: scores, jump, dangling mask.
        state = teleport.join(self.dangling, partitions).mapValues(lambda pair: (pair[0].copy(), pair[0], pair[1]))
        state = state.cache()
        dangling_mass = state.map(lambda kv: float(kv[1][0][kv[1][2]].sum())).sum()
        change = math.inf
        started = time.perf_counter()
        stepped = None
        for iteration in range(1, max_iterations + 1):
            scores = state.mapValues(lambda value: value[0])
            mass = scores if self.pool is None else self.multiply(self.pool, scores, self.groups, self.group_block)
            spread = self.multiply(self.spread, mass, n, vertex_block)
            jump = alpha * dangling_mass + (1.0 - alpha)

            def step(value, _jump=jump):
                (old, jump_vector, dangling), votes = value
                new = _jump * jump_vector + (alpha * votes if votes is not None else 0.0)
                return new, jump_vector, dangling, float(np.abs(new - old).sum()), float(new[dangling].sum())

            # The teleport side has every block: blocks without in-links get only the jump.
            previous, stepped = stepped, state.leftOuterJoin(spread, partitions).mapValues(step).cache()
            if iteration % self.checkpoint_every == 0:
                stepped.checkpoint()  # cut the lineage, which otherwise grows by a join per iteration
            # One job per iteration: the L1 change and the next iteration's dangling mass together.
            change, dangling_mass = stepped.map(lambda kv: (kv[1][3], kv[1][4])).fold(
                (0.0, 0.0), lambda a, b: (a[0] + b[0], a[1] + b[1])
            )
            for old in (previous, state):
                if old is not None:
                    old.unpersist()
            state = stepped.mapValues(lambda value: value[:3])
            if change < tolerance:
                return state.mapValues(lambda value: value[0]), RankResult(
                    iteration, True, change, time.perf_counter() - started)
        return state.mapValues(lambda value: value[0]), RankResult(
            max_iterations, False, change, time.perf_counter() - started)

    def frame(self, scores, name: str):
        """Scores → DataFrame (id long, <name> double)."""
        spark = self._spark
        if isinstance(scores, np.ndarray):
            import pyarrow as pa

            return spark.createDataFrame(pa.table({"id": np.arange(len(scores), dtype=np.int64), name: scores}))
        return spark.createDataFrame(self.as_rows(scores), f"id long, {name} double")

    def as_rows(self, scores):
        """Scores → RDD of (id, score) rows."""
        if isinstance(scores, np.ndarray):
            scores = self.sc.parallelize(
                [(b, scores[b * self.vertex_block:(b + 1) * self.vertex_block]) for b in range(self.partitions)],
                self.partitions)
        vertex_block = self.vertex_block
        return scores.flatMap(
            lambda kv: ((kv[0] * vertex_block + i, float(v)) for i, v in enumerate(kv[1].tolist()))
        )
