"""Connected components of an edge DataFrame, in Spark: iterative min-label propagation with pointer jumping.

Every node starts labelled with itself. Each round, a node takes the smallest label among its own and its
neighbours' (propagation), then the label of its label (pointer jumping), which halves the distance a small
label still has to travel; a component converges in O(log diameter) rounds on the chains and stars duplicate
graphs form. Each round refers to the previous labels several times, so the query plan would grow
geometrically with the rounds: every round's labels are cut from their lineage — a local checkpoint (executor
storage), and a reliable one every ``checkpoint_every`` rounds so a lost executor costs at most that many
rounds. Nothing is collected to the driver but one count per round.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


class ComponentsDidNotConverge(RuntimeError):
    pass


def connected_components(edges, *, max_iterations: int = 30, checkpoint_every: int = 3):
    """(node, component) for every node of ``edges`` (columns src, dst; any orderable type).

    ``component`` is the smallest node of the node's component. Raises ComponentsDidNotConverge after
    ``max_iterations`` rounds, naming how many labels still changed.
    """
    from pyspark.sql import functions as F

    both = edges.select("src", "dst").unionByName(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst")))
    both = both.where(F.col("src") != F.col("dst")).distinct().checkpoint()
    labels = (both.groupBy("src").agg(F.least(F.min("dst"), F.first("src")).alias("component"))
              .withColumnRenamed("src", "node")).localCheckpoint()
    for iteration in range(1, max_iterations + 1):
        propagated = (both.join(labels.withColumnRenamed("node", "src"), "src")
                      .groupBy(F.col("dst").alias("node")).agg(F.min("component").alias("offered")))
        merged = (labels.join(propagated, "node", "left")
                  .select("node", F.least("component", F.coalesce("offered", "component")).alias("component")))
        parent = merged.select(F.col("node").alias("component"), F.col("component").alias("grandparent"))
        jumped = (merged.join(parent, "component", "left")
                  .select("node", F.least("component", F.coalesce("grandparent", "component")).alias("component")))
        # checkpoint() needs SparkContext.setCheckpointDir: a reliable store on a cluster, unlike localCheckpoint.
        jumped = jumped.checkpoint() if iteration % checkpoint_every == 0 else jumped.localCheckpoint()
        changed = jumped.join(labels.withColumnRenamed("component", "before"), "node").where(
            F.col("component") != F.col("before")).count()
        labels = jumped
        log.info("components: round %d, %d labels changed", iteration, changed)
        if changed == 0:
            return labels, iteration
    raise ComponentsDidNotConverge(
        f"connected components: labels still changing after {max_iterations} rounds ({changed} in the last); "
        "raise stages.dedup.max_iterations")
