"""The stage contract.

A stage reads the published datasets of earlier stages and writes ``<out>/<stage>/``: Parquet
datasets, ``stats.json`` and ``_SUCCESS``. It writes into ``<out>/_tmp/<stage>-<id>/`` first and
is published by a rename once complete, ``_SUCCESS`` last, so a reader never sees half a stage and a
killed run leaves nothing that looks finished. ``_SUCCESS`` records the config digest; a rerun with
the same digest is skipped unless forced.

File operations go through Hadoop's FileSystem API in the Spark JVM: it is the same filesystem
Spark writes Parquet with, whether the output root is a local folder, hdfs:// or s3a://.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationError

from pipeline import __version__
from pipeline.core.config import BaseConfig, Section
from pipeline.core.interrupt import cancel_spark_jobs
from pipeline.core.schemas import Artifact, Dataset

log = logging.getLogger(__name__)

# Every accounted row carries these after the dataset's own columns: why it was dropped (null if kept),
# a detail, and where in the input it came from, so drop examples can be traced to their bytes.
DROP_REASON = "drop_reason"
DROP_DETAIL = "drop_detail"
DROP_PATH = "drop_path"
DROP_OFFSET = "drop_offset"
SUCCESS_FILE = "_SUCCESS"
STATS_FILE = "stats.json"
DROP_EXAMPLES_PER_REASON = 3
# Spark job groups: every job of a stage runs in JOB_GROUP_PREFIX + its name, and the pass of write_accounted that
# reads the whole input (the counts) in that group + SCAN_SUFFIX. pipeline.core.progress finds them by these names;
# an interrupt cancels a stage's group.
JOB_GROUP_PREFIX = "corpusforge:"
SCAN_SUFFIX = ":scan"


def job_group(stage_name: str, scan: bool = False) -> str:
    return f"{JOB_GROUP_PREFIX}{stage_name}{SCAN_SUFFIX if scan else ''}"


class StageError(RuntimeError):
    """A stage cannot run; the message says what to do."""


class HadoopFS:
    """Small file operations on the output root through the Spark JVM's Hadoop FileSystem."""

    def __init__(self, spark):
        self._jvm = spark.sparkContext._jvm
        self._conf = spark.sparkContext._jsc.hadoopConfiguration()

    def _resolve(self, path: str):
        jpath = self._jvm.org.apache.hadoop.fs.Path(path)
        fs = jpath.getFileSystem(self._conf)
        fs.setWriteChecksum(False)  # no .crc side files beside stats.json and _SUCCESS
        return fs, jpath

    def exists(self, path: str) -> bool:
        fs, jpath = self._resolve(path)
        return bool(fs.exists(jpath))

    def delete(self, path: str) -> None:
        fs, jpath = self._resolve(path)
        if fs.exists(jpath):
            fs.delete(jpath, True)

    def rename(self, source: str, target: str) -> None:
        fs, jsource = self._resolve(source)
        _, jtarget = self._resolve(target)
        parent = jtarget.getParent()
        if parent is not None:
            fs.mkdirs(parent)
        if not fs.rename(jsource, jtarget):
            raise StageError(f"could not move {source} to {target}")

    def write_text(self, path: str, text: str) -> None:
        fs, jpath = self._resolve(path)
        stream = fs.create(jpath, True)
        try:
            stream.write(bytearray(text.encode("utf-8")))
        finally:
            stream.close()

    def read_text(self, path: str) -> str | None:
        fs, jpath = self._resolve(path)
        if not fs.exists(jpath):
            return None
        stream = fs.open(jpath)
        try:
            data = self._jvm.org.apache.commons.io.IOUtils.toByteArray(stream)
        finally:
            stream.close()
        return bytes(data).decode("utf-8")

    def copy_from_local(self, local: str, path: str) -> None:
        fs, jpath = self._resolve(path)
        fs.copyFromLocalFile(False, True, self._jvm.org.apache.hadoop.fs.Path(local), jpath)

    def list_names(self, path: str) -> list[str]:
        fs, jpath = self._resolve(path)
        if not fs.exists(jpath):
            return []
        return sorted(status.getPath().getName() for status in fs.listStatus(jpath))


class StageDetails(BaseModel):
    """What a stage records in ``stats.json``'s ``details``: each stage declares its own model (``Stage.Details``)
    on this base, and the stage cannot publish a key it did not declare or a value of the wrong type."""

    model_config = ConfigDict(extra="forbid")

    drop_examples: list[dict[str, Any]] = []  # a few examples of every drop reason, with file and offset
    warc_files: int | None = None  # input files read (crawl-reading stages)
    wat_files: int | None = None


@dataclass
class Stats:
    """What a stage reports. For filtering stages ``input == output + sum(dropped)`` exactly."""

    stage: str
    input: int = 0
    output: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    config_digest: str = ""
    version: str = __version__
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2, sort_keys=True, default=str)

    @classmethod
    def from_json(cls, text: str) -> Stats:
        return cls(**json.loads(text))

    def check_accounting(self) -> None:
        dropped = sum(self.dropped.values())
        if self.input != self.output + dropped:
            raise StageError(
                f"stage {self.stage}: accounting does not add up: input {self.input} != "
                f"output {self.output} + dropped {dropped} ({self.dropped}); refusing to publish"
            )


class StageContext:
    """What a running stage sees: config, Spark, where to write, and its upstream outputs."""

    def __init__(self, stage: Stage, config: BaseConfig, spark, work_path: str):
        self.stage = stage
        self.config = config
        self.spark = spark
        self.work_path = work_path
        self.fs = HadoopFS(spark)
        self.details: dict[str, Any] = {}

    @property
    def out_root(self) -> str:
        return self.config.output

    @property
    def settings(self):
        """This stage's own config section (``stages.<name>``)."""
        return getattr(self.config.stages, self.stage.config_key)

    def dataset_path(self, dataset: Dataset | Artifact) -> str:
        """Where this stage writes ``dataset`` (or an artifact) while it runs (published later by rename)."""
        if dataset not in self.stage.writes:
            raise StageError(f"stage {self.stage.name} does not declare that it writes {dataset.stage}/{dataset.name}"
                             f" (add it to {type(self.stage).__name__}.writes)")
        return f"{self.work_path}/{dataset.name}"

    artifact_path = dataset_path

    def read(self, dataset: Dataset):
        """A published dataset of an earlier stage, with a clear error if it has not run."""
        if dataset.stage not in self.stage.requires:
            raise StageError(f"stage {self.stage.name} reads {dataset.stage}/{dataset.name} but does not declare "
                             f"{dataset.stage!r} in {type(self.stage).__name__}.requires")
        stage_path = f"{self.out_root.rstrip('/')}/{dataset.stage}"
        if not self.fs.exists(f"{stage_path}/{SUCCESS_FILE}"):
            raise StageError(
                f"stage {self.stage.name} needs {dataset.stage}/{dataset.name}, which is not published at "
                f"{stage_path}; run `corpusforge run --stages {dataset.stage}` first"
            )
        return self.spark.read.parquet(dataset.path(self.out_root))

    def write_accounted(self, frame, dataset: Dataset, stats: Stats, dropped_dataset: Dataset | None = None) -> None:
        """Write the rows whose ``drop_reason`` is null as ``dataset``; count the rest by reason.

        The frame is persisted to disk first, so the input is read once for both the counts and the
        write even when the rows come from expensive parsing. With ``dropped_dataset`` the dropped rows are
        written too (its columns: the dataset's and the drop reason and detail), not only counted.
        """
        from pyspark import StorageLevel
        from pyspark.sql import functions as F

        frame = frame.persist(StorageLevel.DISK_ONLY)
        try:
            # This job computes every row (the persist happens here), so its progress is the stage's progress
            # through its input: it runs in the stage's scan group for pipeline.core.progress to find.
            context = self.spark.sparkContext
            context.setJobGroup(job_group(self.stage.name, scan=True), f"{self.stage.name}: reading the input")
            try:
                counts = {row[DROP_REASON]: row["count"] for row in frame.groupBy(DROP_REASON).count().collect()}
            finally:
                context.setJobGroup(job_group(self.stage.name), getattr(self.stage, "description", self.stage.name))
            kept = counts.pop(None, 0)
            stats.input += kept + sum(counts.values())
            stats.output += kept
            for reason, count in counts.items():
                stats.dropped[reason] = stats.dropped.get(reason, 0) + count
            if counts:
                # A few examples of every reason, so a rare damage reason is not hidden behind common ones.
                from pyspark.sql.window import Window

                rank = F.row_number().over(Window.partitionBy(DROP_REASON).orderBy(DROP_PATH, DROP_OFFSET))
                examples = (
                    frame.where(F.col(DROP_REASON).isNotNull())
                    .select(DROP_REASON, DROP_DETAIL, DROP_PATH, DROP_OFFSET)
                    .withColumn("rank", rank)
                    .where(F.col("rank") <= DROP_EXAMPLES_PER_REASON)
                    .drop("rank")
                    .orderBy(DROP_REASON, DROP_PATH, DROP_OFFSET)
                    .collect()
                )
                stats.details.setdefault("drop_examples", []).extend(row.asDict() for row in examples)
            (
                frame.where(F.col(DROP_REASON).isNull())
                .select(*dataset.column_names)
                .write.mode("overwrite")
                .parquet(self.dataset_path(dataset))
            )
            if dropped_dataset is not None:
                (
                    frame.where(F.col(DROP_REASON).isNotNull())
                    .select(*dropped_dataset.column_names)
                    .write.mode("overwrite")
                    .parquet(self.dataset_path(dropped_dataset))
                )
        finally:
            frame.unpersist()


def accounted_schema(dataset: Dataset):
    """The dataset's columns, all nullable, plus the drop columns: the row shape before accounting."""
    from pyspark.sql import types as T

    fields = [T.StructField(f.name, f.dataType, True) for f in dataset.spark_schema().fields]
    fields += [
        T.StructField(DROP_REASON, T.StringType(), True),
        T.StructField(DROP_DETAIL, T.StringType(), True),
        T.StructField(DROP_PATH, T.StringType(), True),
        T.StructField(DROP_OFFSET, T.LongType(), True),
    ]
    return T.StructType(fields)


class Stage:
    """Base of every stage: what it is, what it reads and writes, what of the config it depends on, and run().

    ``pipeline.runner`` lists the stages in pipeline order; the config model, ``corpusforge stages``, the
    spark-submit entry and the Airflow DAG's edges are derived from these declarations."""

    name: ClassVar[str]
    description: ClassVar[str]  # one line, for `corpusforge stages`, the job's --help and the run's log
    # Stages whose published outputs this one reads: ctx.read refuses any other.
    requires: ClassVar[tuple[str, ...]] = ()
    # What it publishes under <out>/<name>/: Parquet datasets and artifacts (ctx.dataset_path refuses others).
    writes: ClassVar[tuple[Dataset | Artifact, ...]] = ()
    # Its config section, stages.<config_key>: a model with a default for every key (None: no section).
    settings: ClassVar[type[Section] | None] = None
    # Other dotted config sections whose values decide the stage's output (its own section always does).
    config_sections: ClassVar[tuple[str, ...]] = ()
    # Where the number of records this stage will read is known before it runs, for progress ("12,340 / 95,063
    # records"): (an earlier stage, a dotted key of that stage's stats.json). None: unknown until the stage has read
    # its input, and progress shows Spark tasks instead.
    input_estimate: ClassVar[tuple[str, str] | None] = None
    # The keys and types of its stats.json details.
    Details: ClassVar[type[StageDetails]] = StageDetails
    # Filtering stages must account for every input record: input == output + sum(dropped).
    filtering: ClassVar[bool] = True

    def run(self, ctx: StageContext, stats: Stats) -> None:
        raise NotImplementedError

    config_key: ClassVar[str]  # the stage's key under stages: its name with "_" for "-"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:
            cls.config_key = cls.name.replace("-", "_")

    def digest_sections(self) -> tuple[str, ...]:
        own = (f"stages.{self.config_key}",) if self.settings is not None else ()
        return (*own, *(section for section in self.config_sections if section not in own))

    def files_digest(self, config: BaseConfig) -> str:
        """Digest of files outside the config that decide the output (rule files, word lists); none by default."""
        return ""

    def state_digest(self, config: BaseConfig, fs: HadoopFS) -> str:
        """Digest of the corpus state the output depends on (earlier releases' indexes or graphs); none by
        default, and none outside a corpus (``corpus.root`` unset)."""
        return ""


@dataclass
class StageOutcome:
    name: str
    status: str  # "ran" or "skipped"
    stats: Stats


def stage_digest(stage: Stage, config: BaseConfig, fs: HadoopFS) -> str:
    """Digest of everything that decides a stage's output: its config, its inputs' digests, the version."""
    parts = {
        "stage": stage.name,
        "version": __version__,
        "crawl": config.crawl,
        "config": config.section_digest(*stage.digest_sections()) if stage.digest_sections() else "",
        "upstream": {name: read_success(fs, config.output, name) for name in stage.requires},
        "files": stage.files_digest(config),
    }
    state = stage.state_digest(config, fs)
    if state:  # only in a corpus: a single release's digests stay what they were
        parts["state"] = state
    blob = json.dumps(parts, sort_keys=True).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def digest_files(*paths: str | Path) -> str:
    """Digest of files' names and contents (folders: every file in them, sorted); missing paths count too."""
    digest = hashlib.sha256()
    for path in paths:
        path = Path(path)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file).encode() + b"\0")
            digest.update(file.read_bytes() if file.is_file() else b"missing")
    return digest.hexdigest()[:16]


def expected_input(stage: Stage | type[Stage], config: BaseConfig, fs: HadoopFS) -> int | None:
    """How many records ``stage`` will read, from an earlier stage's published stats.json (``Stage.input_estimate``);
    None when the stage declares no estimate or that stage is not published."""
    if stage.input_estimate is None:
        return None
    source, key = stage.input_estimate
    text = fs.read_text(f"{config.output.rstrip('/')}/{source}/{STATS_FILE}")
    if not text:
        return None
    node: Any = json.loads(text)
    for part in key.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return int(node) if isinstance(node, int | float) and not isinstance(node, bool) else None


def read_success(fs: HadoopFS, out_root: str, stage_name: str) -> str | None:
    text = fs.read_text(f"{out_root.rstrip('/')}/{stage_name}/{SUCCESS_FILE}")
    if not text:
        return None
    try:
        return json.loads(text).get("config_digest")
    except ValueError:
        return None


def run_stage(
    stage: Stage,
    config: BaseConfig,
    spark,
    *,
    force: bool = False,
    on_start: Callable[[Stage], None] | None = None,
) -> StageOutcome:
    fs = HadoopFS(spark)
    out_root = config.output.rstrip("/")
    final_path = f"{out_root}/{stage.name}"
    digest = stage_digest(stage, config, fs)
    if not force and read_success(fs, out_root, stage.name) == digest:
        text = fs.read_text(f"{final_path}/{STATS_FILE}")
        stats = Stats.from_json(text) if text else Stats(stage=stage.name, config_digest=digest)
        return StageOutcome(stage.name, "skipped", stats)

    if on_start:
        on_start(stage)
    # A run killed mid-stage leaves its work folder behind; it is never published (no rename, no _SUCCESS),
    # so the next attempt of the same stage removes it instead of letting it pile up.
    for name in fs.list_names(f"{out_root}/_tmp"):
        if name.startswith(f"{stage.name}-"):
            log.info("%s: removing the work folder of an interrupted attempt: _tmp/%s", stage.name, name)
            fs.delete(f"{out_root}/_tmp/{name}")
    work_path = f"{out_root}/_tmp/{stage.name}-{uuid.uuid4().hex[:12]}"
    stats = Stats(stage=stage.name, config_digest=digest)
    ctx = StageContext(stage, config, spark, work_path)
    started = time.monotonic()
    context = spark.sparkContext
    context.setJobGroup(job_group(stage.name), getattr(stage, "description", stage.name))
    interrupted = False
    try:
        stage.run(ctx, stats)
        try:
            stage.Details.model_validate(stats.details)
        except ValidationError as exc:
            raise StageError(f"stage {stage.name} recorded details its {stage.Details.__name__} does not declare: "
                             f"{exc}") from None
        stats.seconds = round(time.monotonic() - started, 3)
        if stage.filtering:
            stats.check_accounting()
        fs.write_text(f"{work_path}/{STATS_FILE}", stats.to_json())
        fs.delete(final_path)
        fs.rename(work_path, final_path)
        fs.write_text(
            f"{final_path}/{SUCCESS_FILE}",
            json.dumps({"config_digest": digest, "version": __version__, "finished": time.time()}),
        )
    except BaseException as exc:
        if not isinstance(exc, Exception):  # Ctrl-C, SIGTERM (pipeline.core.interrupt), SystemExit
            interrupted = True
            # The stage's tasks may still be writing into the work folder: stop them before removing it.
            cancel_spark_jobs(spark, job_group(stage.name))
        raise
    finally:
        try:
            fs.delete(work_path)
            if not fs.list_names(f"{out_root}/_tmp"):
                fs.delete(f"{out_root}/_tmp")
        except Exception as exc:
            if not interrupted:
                raise
            # The JVM may be gone with the signal; the next attempt of this stage removes the folder.
            log.debug("%s: work folder left for the next attempt to remove: %s", stage.name, exc)
        if not interrupted:
            context._jsc.clearJobGroup()
    return StageOutcome(stage.name, "ran", stats)
