"""The ``corpusforge`` command line."""

from __future__ import annotations

import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.table import Table

from pipeline import __version__
from pipeline.core.config import ConfigError
from pipeline.core.progress import make_console
from pipeline.core.stage import StageError, StageOutcome
from pipeline.core.storage import quiet_third_party_logs
from pipeline.runner import load_config

app = typer.Typer(
    help="corpusforge: build a multilingual pretraining corpus from Common Crawl, ranked like a search engine.\n\n"
    "Start with `corpusforge sample --out sample-crawl` and `corpusforge run --config conf/default.yaml`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = make_console(stderr=True)


def _setup_logging(verbose: bool) -> None:
    if console.is_terminal:
        handler: logging.Handler = RichHandler(console=console, show_path=False, rich_tracebacks=True)
        line = "%(message)s"
    else:
        # A log file or a pipe: one plain line per message. RichHandler lays messages out as a table padded to the
        # console's width, which a log does not need.
        handler, line = logging.StreamHandler(sys.stderr), "%(asctime)s %(levelname)s %(message)s"
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO, format=line, datefmt="%H:%M:%S",
                        handlers=[handler], force=True)
    quiet_third_party_logs()


def _fail(message: str) -> None:
    console.print(f"[bold red]error:[/] {message}")
    raise typer.Exit(code=2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"corpusforge {__version__}")
        raise typer.Exit()


@app.callback()
def _app_options(
    version: Annotated[bool, typer.Option("--version", metavar="", callback=_version, is_eager=True,
                                          help="Print corpusforge's version and exit")] = False,
) -> None:
    """corpusforge: build a multilingual pretraining corpus from Common Crawl, ranked like a search engine."""


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def submit(ctx: typer.Context) -> None:
    """spark-submit with this environment's Spark and Python: `corpusforge submit --master yarn --py-files
    dist/corpusforge.zip jobs/run.py --config conf/cluster.yaml --crawl CC-MAIN-2024-10`.

    The venv's own `spark-submit` script looks for Spark with whatever `python3` is first on PATH, so it fails
    unless the venv is activated; this sets SPARK_HOME to the installed pyspark and PYSPARK_PYTHON to this
    Python, then runs spark-submit with every argument as given."""
    import os

    import pyspark

    spark_home = os.environ.get("SPARK_HOME") or str(Path(pyspark.__file__).parent)
    environment = {**os.environ, "SPARK_HOME": spark_home,
                   "PYSPARK_PYTHON": os.environ.get("PYSPARK_PYTHON", sys.executable)}
    script = Path(spark_home) / "bin" / "spark-submit"
    if not script.is_file():
        _fail(f"spark-submit not found under SPARK_HOME={spark_home}")
    os.execve(str(script), [str(script), *ctx.args], environment)


@app.command()
def stages(
    as_json: Annotated[bool, typer.Option("--json", metavar="", help="Print the stage registry as JSON (the "
                                                                     "Airflow DAG's jobs/airflow/stages.json is "
                                                                     "this output)")] = False,
) -> None:
    """List the pipeline's stages in order: what each does, reads, writes, and its config section."""
    import json

    from pipeline.runner import describe

    registry = describe()
    if as_json:
        typer.echo(json.dumps(registry, indent=2))
        return
    table = Table(title="corpusforge stages (in order)")
    table.add_column("#", justify="right")
    table.add_column("stage", style="bold")
    table.add_column("what it does")
    table.add_column("reads")
    table.add_column("writes")
    for number, item in enumerate(registry, 1):
        table.add_row(str(number), item["name"], item["description"], ", ".join(item["requires"]) or "the crawl",
                      ", ".join(path.split("/", 1)[1] for path in item["writes"]))
    make_console().print(table)


@app.command()
def sample(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the sample crawl into")],
    seed: Annotated[int, typer.Option(help="Random seed: the same seed writes byte-identical files")] = 1,
    scale: Annotated[int, typer.Option(min=1, help="Multiplies hosts and pages (1 ≈ 580 hosts in 17 languages, "
                                                   "2,700 captures)")] = 1,
    file_mb: Annotated[int | None, typer.Option(
        "--file-mb", min=1, help="Write one release-sized WARC/WAT/WET file set of about this many MB (a Common "
        "Crawl WARC file is ~1,000): the sample's pages repeated under new URLs, no damage")] = None,
    release: Annotated[int, typer.Option(
        "--release", min=1, help="2 or more: a later release of the same web (same --seed), written beside the "
        "first as crawl CC-MAIN-SAMPLE-<N>: pages unchanged, edited and new, some hosts gone (truth-<crawl>.json "
        "says which); for runs across releases (README, \"A corpus across releases\")")] = 1,
) -> None:
    """Write a deterministic multilingual mini web in Common Crawl's layout (WARC, WAT, WET, paths listings).

    Also writes DIR/truth.json: the kind and language of every host, the language, quality and charset of
    every page, its links, and the duplicate clusters, so every stage can be scored against it.
    """
    _setup_logging(False)
    from pipeline.sample import generate_sample

    try:
        summary = generate_sample(out, seed=seed, scale=scale, file_bytes=file_mb * 2**20 if file_mb else None,
                                  release=release)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    table = Table(title=f"sample crawl written to {out}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in summary.items():
        table.add_row(key, f"{value:,}" if isinstance(value, int) else str(value))
    make_console().print(table)


def summary_table(outcomes: list[StageOutcome]) -> Table:
    table = Table(title="corpusforge run summary")
    table.add_column("stage", style="bold")
    table.add_column("status")
    table.add_column("in", justify="right")
    table.add_column("out", justify="right")
    table.add_column("dropped (by reason)")
    table.add_column("seconds", justify="right")
    for outcome in outcomes:
        stats = outcome.stats
        dropped = ", ".join(f"{reason} {count:,}" for reason, count in sorted(stats.dropped.items())) or "-"
        status = "[green]ran[/]" if outcome.status == "ran" else "[yellow]skipped (up to date)[/]"
        table.add_row(
            outcome.name, status, f"{stats.input:,}", f"{stats.output:,}", dropped, f"{stats.seconds:.1f}"
        )
    return table


OverlayOption = Annotated[
    list[Path] | None,
    typer.Option("--overlay", metavar="FILE", help="YAML merged over the config before --set (repeatable), e.g. "
                                                   "the proposal `corpusforge filter calibrate --write` wrote"),
]


def _check_local_inputs(cfg, stage_names: list[str] | None) -> None:
    """A local input folder that does not exist fails here, before the JVM starts (s3:// inputs are listed by
    the stages; `jobs/check_inputs.py` checks a release's listings without Spark)."""
    from pipeline.core.storage import is_s3, local_path

    reads_inputs = stage_names is None or {"index", "hostgraph"} & set(stage_names)
    base = cfg.inputs.base_url
    if reads_inputs and not is_s3(base) and not Path(local_path(base)).is_dir():
        _fail(f"inputs.base_url {base}: no such folder (make a sample crawl with `corpusforge sample --out DIR`, "
              "or point --set inputs.base_url=... at a crawl)")


@app.command()
def run(
    config: Annotated[Path, typer.Option("--config", "-c", help="YAML config (see conf/default.yaml)")] = Path(
        "conf/default.yaml"
    ),
    out: Annotated[str | None, typer.Option("--out", help="Output root; overrides `output` in the config")] = None,
    stages: Annotated[
        str | None, typer.Option("--stages", help="Comma-separated stages to run (default: every ready stage)")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force/--no-force", metavar="",
                           help="Recompute stages even if their outputs are up to date")
    ] = False,
    overrides: Annotated[
        list[str] | None, typer.Option("--set", metavar="KEY=VALUE",
                                       help="Override a config key: --set spark.shuffle_partitions=16")
    ] = None,
    crawl: Annotated[str | None, typer.Option("--crawl", help="Crawl release id, e.g. CC-MAIN-2024-10")] = None,
    overlay: OverlayOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", metavar="", help="Debug logging")] = False,
    workdir: Annotated[Path | None, typer.Option(
        "--workdir", help="Folder that relative paths (the config, models/, conf/languages) are read from, when "
                          "the run is started elsewhere (an Airflow worker); jobs/stage.py has the same")] = None,
) -> None:
    """Run pipeline stages. Each writes OUT/<stage>/ (Parquet, stats.json, _SUCCESS) and is skipped when its
    outputs are already up to date for this config (use --force to recompute).

    The config, the stage names and a local input folder are checked before Spark starts: a mistake is an
    error (exit 2) in a second, not after the JVM's start."""
    import os

    _setup_logging(verbose)
    if workdir is not None:
        if not workdir.is_dir():
            _fail(f"--workdir {workdir}: no such folder")
        os.chdir(workdir)
    settings = list(overrides or [])
    if out:
        settings.append(f"output={out}")
    try:
        cfg = load_config(config, settings, crawl=crawl, overlays=overlay)
    except ConfigError as exc:
        _fail(str(exc))
    from pipeline.core.interrupt import Interrupted, message, quiet_shutdown_logs, signals_raise_interrupted, stop_spark
    from pipeline.core.progress import RunProgress
    from pipeline.core.spark import get_spark
    from pipeline.runner import STAGES, run_pipeline, select_stages

    names = [name.strip() for name in stages.split(",") if name.strip()] if stages else None
    try:
        chosen = select_stages(names)
    except StageError as exc:
        _fail(str(exc))
    _check_local_inputs(cfg, [stage.name for stage in chosen] if chosen else None)
    console.print(f"corpusforge {__version__}: crawl [bold]{cfg.crawl}[/], output [bold]{cfg.output}[/]")
    outcomes: list[StageOutcome] = []
    current: list[str] = []  # the stage running now, for the interrupt message
    spark = None
    progress = None

    def on_start(stage) -> None:
        current[:] = [stage.name]
        console.print(f"[bold cyan]▶ {stage.name}[/]: {stage.description}")

    def on_done(outcome: StageOutcome) -> None:
        current.clear()
        outcomes.append(outcome)
        stats = outcome.stats
        if outcome.name == "mix" and outcome.status == "ran":
            import json

            from pipeline.core.stage import HadoopFS
            from pipeline.lib.datasets import MIX_PLAN

            plan = HadoopFS(spark).read_text(MIX_PLAN.path(cfg.output))
            if plan:
                make_console().print(plan_table(json.loads(plan), top=30))
        if outcome.status == "skipped":
            console.print(f"[yellow]↷ {outcome.name}[/]: up to date (config digest {stats.config_digest}); skipped")
        else:
            console.print(
                f"[green]✔ {outcome.name}[/]: {stats.input:,} in → {stats.output:,} out, "
                f"{sum(stats.dropped.values()):,} dropped, {stats.seconds:.1f}s"
            )
            if stats.input and not stats.output:
                top = ", ".join(f"{reason} {count:,}" for reason, count in
                                sorted(stats.dropped.items(), key=lambda item: -item[1])[:3])
                console.print(f"[yellow]⚠ {outcome.name}[/]: kept nothing of {stats.input:,} records"
                              f"{f' ({top})' if top else ''}; the stages after it publish empty outputs")

    try:
        with signals_raise_interrupted() as rearm:
            try:
                spark = get_spark(cfg.spark)
                rearm()
                progress = RunProgress(spark, console, total_stages=len(STAGES),
                                       log_every=cfg.progress.log_every_seconds,
                                       poll_seconds=cfg.progress.refresh_seconds)
                with progress:
                    run_pipeline(cfg, spark, names, force=force, on_start=on_start, on_done=on_done,
                                 progress=progress)
            except Interrupted as exc:
                # Everything after the signal is quiet: the live line off, Spark's jobs cancelled with its logging
                # off, the context stopped; then the one line. The stage contract has published nothing of the
                # interrupted stage (pipeline.core.stage.run_stage), so the same command resumes there.
                quiet_shutdown_logs()
                if progress is not None:
                    progress.stop()
                stop_spark(spark)
                console.print(f"[bold yellow]{message(current[0] if current else None)}[/]", highlight=False)
                raise typer.Exit(code=exc.exit_code) from None
    except (StageError, FileNotFoundError, ConfigError) as exc:
        if outcomes:
            make_console().print(summary_table(outcomes))
        _fail(str(exc))
    make_console().print(summary_table(outcomes))
    languages = language_table(outcomes)
    if languages is not None:
        make_console().print(languages)
    findings = filter_findings(outcomes)
    if findings:
        make_console().print(findings)


def filter_findings(outcomes: list[StageOutcome]) -> str | None:
    """One paragraph on what the filter removed, masked and flagged besides quality: personal data per type, spam
    per family, contaminated documents per benchmark (`corpusforge filter stats` has the per-language tables)."""
    details = next((o.stats.details for o in outcomes if o.name == "filter" and o.status == "ran"), None)
    if not details:
        return None
    lines = []
    pii = details.get("pii") or {}
    totals = Counter()
    for row in (pii.get("by_language") or {}).values():
        totals.update({name: row.get(name, 0) for name in pii.get("action", {})})
    if +totals:
        lines.append("personal data: " + ", ".join(f"{name} {count:,} ({pii['action'][name]})"
                                                  for name, count in totals.items() if count))
    spam = details.get("spam_by_family") or {}
    if spam:
        lines.append("spam dropped by family: " + ", ".join(f"{name} {count:,}" for name, count in
                                                           sorted(spam.items(), key=lambda item: -item[1])))
    decontamination = details.get("decontamination") or {}
    if decontamination.get("sets"):
        found = {name: sum(by_lang.values()) for name, by_lang in decontamination.get("by_benchmark", {}).items()}
        lines.append(f"contaminated ({decontamination['action']}): "
                     + (", ".join(f"{name} {count:,}" for name, count in sorted(found.items())) or "none")
                     + f" (checked against {', '.join(decontamination['sets'])})")
    return "filter findings — " + "; ".join(lines) if lines else None


def language_table(outcomes: list[StageOutcome], top: int = 40) -> Table | None:
    """Documents per language through the stages that report them: extracted, kept by the quality rules, left
    after deduplication, and tokens in the shards. None when no such stage is among the outcomes."""
    details = {outcome.name: outcome.stats.details or {} for outcome in outcomes}
    columns = {
        "extracted": {lang: n for lang, n in details.get("extract", {}).get("docs_by_language", {}).items()},
        "kept by filter": {lang: entry.get("kept", 0)
                           for lang, entry in details.get("filter", {}).get("by_language", {}).items()},
        "after dedup": {lang: entry.get("kept", 0)
                        for lang, entry in details.get("dedup", {}).get("by_language", {}).items()},
        "tokens": {lang: entry.get("tokens", 0)
                   for lang, entry in details.get("tokenize", {}).get("languages", {}).items()},
    }
    columns = {name: values for name, values in columns.items() if values}
    if not columns:
        return None
    languages = sorted({lang for values in columns.values() for lang in values},
                       key=lambda lang: [-values.get(lang, 0) for values in columns.values()])
    table = Table(title=f"per language ({len(languages)} languages)")
    table.add_column("language")
    for name in columns:
        table.add_column(name, justify="right")
    for lang in languages[:top]:
        table.add_row(lang, *(f"{values.get(lang, 0):,}" for values in columns.values()))
    if len(languages) > top:
        rest = languages[top:]
        table.add_row(f"{len(rest)} more", *(f"{sum(values.get(lang, 0) for lang in rest):,}"
                                             for values in columns.values()), style="dim")
    return table


graph_app = typer.Typer(help="Inspect the host graph and host authority.", no_args_is_help=True)
app.add_typer(graph_app, name="graph")


# One set of storage options on every command that reads a run's output: s3:// paths go to this endpoint and
# region (AWS's defaults otherwise), with the credentials of the usual chain.
EndpointOption = Annotated[str | None, typer.Option(
    "--endpoint-url", envvar="AWS_ENDPOINT_URL", help="S3-compatible endpoint for s3:// paths (default: AWS)")]
RegionOption = Annotated[str | None, typer.Option(
    "--region", envvar="AWS_REGION", help="Region of the s3:// bucket (default: us-east-1)")]


def _storage(endpoint_url: str | None = None, region: str | None = None):
    from pipeline.core.config import S3Config

    return S3Config(endpoint_url=endpoint_url, **({"region": region} if region else {}))


def _read_stage_stats(out: str, stage: str, s3=None) -> dict:
    import json

    from pipeline.core.storage import exists, read_bytes

    path = f"{out.rstrip('/')}/{stage}/stats.json"
    s3 = s3 or _storage()
    if not exists(path, s3):
        _fail(f"{path} not found: run `corpusforge run --stages {stage}` with --out {out} first")
    return json.loads(read_bytes(path, s3))


@graph_app.command("stats")
def graph_stats(
    out: Annotated[str, typer.Argument(help="Output root of a run (local folder or s3:// prefix)")],
    as_json: Annotated[bool, typer.Option("--json", metavar="", help="Print JSON for programs")] = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
) -> None:
    """Nodes, edges, dangling and same-domain fractions, degree percentiles and top hosts by in-degree.

    Read from the summary the hostgraph stage writes, so it answers at once even for a whole release."""
    import json

    stats = _read_stage_stats(out, "hostgraph", _storage(endpoint_url, region))
    graph = stats["details"]["graph"]
    summary = {**graph, "links": stats["details"].get("links", {}), "wat_records": stats["input"]}
    if as_json:
        typer.echo(json.dumps(summary, indent=2, sort_keys=True))
        return
    out_console = make_console()
    table = Table(title=f"host graph of {out}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for label, value in (
        ("vertices (hosts)", f"{graph['vertices']:,}"),
        ("crawled hosts", f"{graph['crawled_hosts']:,}"),
        ("registered domains", f"{graph['domains']:,}"),
        ("edges", f"{graph['edges']:,}"),
        ("dangling fraction", f"{graph['dangling_fraction']:.1%}"),
        ("same-domain edge fraction", f"{graph['same_domain_fraction']:.1%}"),
    ):
        table.add_row(label, value)
    for column, values in graph["degree_percentiles"].items():
        ordered = sorted(values.items(), key=lambda item: (item[0] == "max", float(item[0][1:] or 0)
                                                             if item[0] != "max" else 0))
        table.add_row(column.replace("_", "-"), "  ".join(f"{k} {v:g}" for k, v in ordered))
    out_console.print(table)
    links = Table(title="links by outcome")
    links.add_column("outcome")
    links.add_column("links", justify="right")
    for outcome, count in sorted(summary["links"].items(), key=lambda item: -item[1]):
        links.add_row(outcome, f"{count:,}")
    out_console.print(links)
    top = Table(title="top hosts by in-degree")
    for column in ("host", "in-degree", "out-degree"):
        top.add_column(column, justify="right" if column != "host" else "left")
    for row in graph["top_in_degree"]:
        top.add_row(_display_host(row["host"]), f"{row['in_degree']:,}", f"{row['out_degree']:,}")
    out_console.print(top)


def _read_dataset(out: str, dataset, columns=None, filters=None, s3=None):
    import pyarrow.parquet as pq

    from pipeline.core.storage import arrow_filesystem

    path = dataset.path(out)
    filesystem, located = arrow_filesystem(path, s3 or _storage())
    try:
        return pq.read_table(located, columns=columns, filters=filters, filesystem=filesystem)
    except (FileNotFoundError, OSError) as exc:
        _fail(f"{path} not readable ({exc}): run `corpusforge run --stages {dataset.stage}` with --out {out} first")


def _display_host(host: str) -> str:
    from pipeline.lib.hosts import reverse_host

    return reverse_host(host)


@graph_app.command("top")
def graph_top(
    out: Annotated[str, typer.Argument(help="Output root of a run")],
    count: Annotated[int, typer.Option("-n", help="How many hosts")] = 20,
    lang: Annotated[str | None, typer.Option("--lang", help="Only hosts of this language (e.g. zh)")] = None,
    by: Annotated[str, typer.Option("--by", help="pagerank, trustrank or harmonic")] = "pagerank",
    as_json: Annotated[bool, typer.Option("--json", metavar="")] = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
) -> None:
    """The highest-authority hosts, with their language, trust and spam mass."""
    import json

    import pyarrow.compute as pc

    from pipeline.lib.datasets import RANK_HOSTS

    if by not in ("pagerank", "trustrank", "harmonic"):
        _fail("--by takes pagerank, trustrank or harmonic")
    filters = [("language", "=", lang)] if lang else None
    table = _read_dataset(out, RANK_HOSTS, filters=filters, s3=_storage(endpoint_url, region))
    top = table.take(pc.select_k_unstable(table, count, [(by, "descending")])).sort_by([(by, "descending")])
    columns = ["host", "pagerank", "trustrank", "spam_mass", "language", "in_degree"]
    if "harmonic" in table.column_names:  # runs before harmonic centrality have no such column
        columns.insert(3, "harmonic")
    rows = top.select(columns).to_pylist()
    total = len(table) if not lang else None
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    result = Table(title=f"top {count} hosts by {by}" + (f" (language {lang})" if lang else ""))
    has_harmonic = "harmonic" in columns
    headers = ("#", "host", "pagerank", "trustrank", *(("harmonic",) if has_harmonic else ()), "spam mass",
               "language", "in-degree")
    for column in headers:
        result.add_column(column, justify="left" if column in ("host", "language") else "right",
                          no_wrap=column == "host", min_width=20 if column == "host" else None)
    for number, row in enumerate(rows, 1):
        harmonic = (("-" if row["harmonic"] is None else f"{row['harmonic']:,.1f}",) if has_harmonic else ())
        result.add_row(str(number), _display_host(row["host"]), f"{row['pagerank']:.3e}", f"{row['trustrank']:.3e}",
                       *harmonic, f"{row['spam_mass']:.3f}", row["language"] or "-", f"{row['in_degree']:,}")
    make_console().print(result)
    if total:
        make_console().print(f"{total:,} hosts ranked")


@graph_app.command("host")
def graph_host(
    out: Annotated[str, typer.Argument(help="Output root of a run, or a corpus root (corpus.root: its latest "
                                            "release, and the host's rank in every release)")],
    host: Annotated[str, typer.Argument(help="Host name, e.g. www.example.com")],
    neighbours: Annotated[int, typer.Option("-n", help="Neighbours to list each way")] = 10,
    as_json: Annotated[bool, typer.Option("--json", metavar="")] = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
) -> None:
    """A host's scores, language and selection, and its strongest in- and out-neighbours; in a corpus, its rank in
    each release."""
    import json

    import networkx as nx

    from pipeline.lib.datasets import HOSTGRAPH_EDGES, HOSTGRAPH_VERTICES, RANK_HOSTS, SELECT_HOSTS, SELECT_REJECTED
    from pipeline.lib.hosts import normalize_host, reverse_host

    name, reason = normalize_host(host)
    if name is None:
        _fail(f"{host!r} is not a host name ({reason})")
    key = reverse_host(name)
    storage = _storage(endpoint_url, region)
    in_corpus = _corpus_release(out, storage)
    history = None
    if in_corpus is not None:
        corpus_root, crawl, crawls = in_corpus
        out = f"{corpus_root}/releases/{crawl}"
        history = [_host_in_release(f"{corpus_root}/releases/{release}", release, key, storage)
                   for release in crawls]
    found = _read_dataset(out, RANK_HOSTS, s3=storage, filters=[("host", "=", key)]).to_pylist()
    if not found:
        _fail(f"{name} is not in the host graph of {out}")
    info = found[0]
    # Neighbours by name through this release's graph: in a corpus the ranked graph may be several releases'
    # union, with its own vertex ids.
    vertex = _read_dataset(out, HOSTGRAPH_VERTICES, s3=storage, filters=[("host", "=", key)]).to_pylist()
    graph = nx.DiGraph()
    scores = {key: info}
    if vertex:
        own = vertex[0]["id"]
        edges = _read_dataset(out, HOSTGRAPH_EDGES, s3=storage, filters=[[("src", "=", own)], [("dst", "=", own)]])
        ids = sorted(set(edges.column("src").to_pylist()) | set(edges.column("dst").to_pylist()) | {own})
        names = {row["id"]: row["host"] for row in
                 _read_dataset(out, HOSTGRAPH_VERTICES, s3=storage, filters=[("id", "in", ids)]).to_pylist()}
        graph.add_edges_from(zip((names[v] for v in edges.column("src").to_pylist()),
                                 (names[v] for v in edges.column("dst").to_pylist()), strict=True))
        scores.update({row["host"]: row for row in _read_dataset(
            out, RANK_HOSTS, s3=storage, filters=[("host", "in", sorted(names.values()))]).to_pylist()})

    def strongest(nodes):
        nodes = [v for v in nodes if v in scores]
        return [{"host": reverse_host(v), "pagerank": scores[v]["pagerank"]}
                for v in sorted(nodes, key=lambda v: -scores[v]["pagerank"])[:neighbours]]

    selection = None
    try:
        chosen = _read_dataset(out, SELECT_HOSTS, s3=storage, filters=[("host", "=", key)]).to_pylist()
        refused = _read_dataset(out, SELECT_REJECTED, s3=storage, filters=[("host", "=", key)]).to_pylist()
        selection = (f"selected ({chosen[0]['why_selected']}, rank {chosen[0]['rank']})" if chosen
                     else f"rejected ({refused[0]['reason']})" if refused else "not a candidate (never crawled)")
    except typer.Exit:
        selection = "select has not run"
    summary = {
        "host": name, "domain": reverse_host(info["domain"]), "pagerank": info["pagerank"],
        "trustrank": info["trustrank"], "spam_mass": info["spam_mass"], "language": info["language"],
        "language_confidence": info["language_confidence"], "in_degree": info["in_degree"],
        "out_degree": info["out_degree"], "pages_crawled": info["pages_crawled"], "selection": selection,
        "in_neighbours": strongest(graph.predecessors(key) if key in graph else []),
        "out_neighbours": strongest(graph.successors(key) if key in graph else []),
    }
    if history is not None:
        summary["history"] = history
    if as_json:
        typer.echo(json.dumps(summary, indent=2))
        return
    table = Table(title=name, show_header=False)
    for field in ("domain", "pagerank", "trustrank", "spam_mass", "language", "language_confidence", "in_degree",
                  "out_degree", "pages_crawled", "selection"):
        value = summary[field]
        table.add_row(field, f"{value:.4g}" if isinstance(value, float) else str(value))
    make_console().print(table)
    for label in ("in_neighbours", "out_neighbours"):
        listing = Table(title=label.replace("_", "-") + " by PageRank")
        listing.add_column("host")
        listing.add_column("pagerank", justify="right")
        for row in summary[label]:
            listing.add_row(row["host"], f"{row['pagerank']:.3e}")
        make_console().print(listing)
    if history is not None:
        listing = Table(title="rank per release (oldest first)")
        for column in ("release", "rank by PageRank", "pagerank", "trustrank", "harmonic", "pages crawled"):
            listing.add_column(column, justify="left" if column == "release" else "right")
        for row in history:
            if row["rank"] is None:
                listing.add_row(row["release"], "not in the graph", "", "", "", "")
                continue
            listing.add_row(row["release"], f"{row['rank']:,} of {row['hosts']:,}", f"{row['pagerank']:.3e}",
                            f"{row['trustrank']:.3e}", "" if row["harmonic"] is None else f"{row['harmonic']:.1f}",
                            f"{row['pages_crawled']:,}")
        make_console().print(listing)


def _corpus_release(out: str, storage) -> tuple[str, str, list[str]] | None:
    """(corpus root, release, the corpus's releases) when ``out`` is a corpus root (its latest release) or a release
    folder of one; None for a plain run's output root."""
    from pipeline.core import corpus

    out = out.rstrip("/")
    parent, _, crawl = out.rpartition("/")
    grand, _, folder = parent.rpartition("/")
    for root, release in ((out, None), (grand, crawl) if folder == corpus.RELEASES_DIR else (None, None)):
        if not root:
            continue
        files, _ = _corpus_files(root, storage)
        numbers = corpus.version_numbers(files, root)
        if numbers:
            crawls = corpus.read_version(files, root, numbers[-1]).crawls
            return root, release or crawls[-1], crawls
    return None


def _corpus_files(root: str, storage):
    """The corpus state's file operations (local or S3, through pyarrow) and the pyarrow filesystem under them."""
    from pipeline.core import corpus
    from pipeline.core.storage import arrow_filesystem

    filesystem, _ = arrow_filesystem(root, storage)
    return corpus.ArrowFiles(filesystem, lambda url: arrow_filesystem(url, storage)[1]), filesystem


def _host_in_release(release_out: str, crawl: str, key: str, storage) -> dict:
    """A host's authority in one release of a corpus, with its position by PageRank among that release's hosts."""
    import pyarrow.compute as pc

    from pipeline.lib.datasets import RANK_HOSTS

    found = _read_dataset(release_out, RANK_HOSTS, s3=storage, filters=[("host", "=", key)]).to_pylist()
    if not found:
        return {"release": crawl, "rank": None}
    row = found[0]
    pageranks = _read_dataset(release_out, RANK_HOSTS, columns=["pagerank"], s3=storage).column("pagerank")
    above = pc.sum(pc.greater(pageranks, row["pagerank"])).as_py() or 0
    return {"release": crawl, "rank": above + 1, "hosts": len(pageranks), "pagerank": row["pagerank"],
            "trustrank": row["trustrank"], "harmonic": row["harmonic"], "pages_crawled": row["pages_crawled"]}


@app.command()
def languages(
    codes: Annotated[list[str] | None, typer.Argument(help="Languages to show (default: every label the configured "
                                                           "language-ID model emits)")] = None,
    config: Annotated[Path, typer.Option("--config", "-c", help="YAML config (see conf/default.yaml)")] = Path(
        "conf/default.yaml"),
    overrides: Annotated[list[str] | None, typer.Option("--set", metavar="KEY=VALUE",
                                                        help="KEY=VALUE config override")] = None,
    as_json: Annotated[bool, typer.Option("--json", metavar="", help="Every effective setting, as JSON")] = False,
) -> None:
    """Each language's effective settings and where they come from: kept or not and its minimum language-ID score
    (the one language gate, stages.extract), its script and script family, the file its quality rules come from
    (conf/languages/<lang>.yaml over conf/languages/families/<family>.yaml, or the family alone), its segmenter
    and stop words (file, family, or wordfreq's most frequent words), and its main thresholds."""
    import json

    from filters.rules import describe_language_rules
    from pipeline.lib.language import LABEL_PREFIX, load_model

    try:
        cfg = load_config(config, list(overrides or []))
    except ConfigError as exc:
        _fail(str(exc))
    if not codes:
        try:
            codes = sorted(label.removeprefix(LABEL_PREFIX) for label in load_model(cfg.language_id.model_path)
                           .get_labels())
        except (OSError, ValueError, FileNotFoundError) as exc:
            _fail(f"cannot list the model's languages ({exc}): name the languages, e.g. `corpusforge languages zh th`")
    gate = cfg.stages.extract
    try:
        described = describe_language_rules(cfg.stages.filter.languages_dir, codes,
                                            cfg.stages.filter.language_overrides)
    except ConfigError as exc:
        _fail(str(exc))
    if as_json:
        typer.echo(json.dumps({lang: {"kept": gate.keeps_language(lang), "min_language_score":
                                      gate.min_language_score(lang), "sources": sources,
                                      "settings": rules.model_dump()}
                               for lang, (rules, sources) in described.items()}, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"languages ({len(described)}): the gate, then the quality rules' settings")
    for column in ("lang", "kept", "min score", "script", "family", "rules from", "segmenter", "stop words",
                   "words", "word length", "letters"):
        table.add_column(column, justify="right" if column in ("min score", "words", "letters") else "left")
    for lang, (rules, sources) in described.items():
        quality = rules.thresholds.gopher_quality
        length = (f"{quality.min_avg_word_length}-{quality.max_avg_word_length}"
                  if quality.min_avg_word_length is not None or quality.max_avg_word_length is not None else "off")
        stop = f"{len(rules.stop_words)} ({sources['stop_words'].split(':')[0]})" if rules.stop_words else "none"
        table.add_row(lang, "yes" if gate.keeps_language(lang) else "no", f"{gate.min_language_score(lang):.2f}",
                      sources["script"], rules.family, Path(sources["file"]).name if sources["file"] else "family",
                      rules.segmenter, stop, str(quality.min_doc_words if quality.min_doc_words is not None else "off"),
                      length, str(quality.min_alpha_words_ratio if quality.min_alpha_words_ratio is not None
                                  else "off"))
    make_console().print(table)


filter_app = typer.Typer(help="Inspect quality filtering and re-tune its thresholds.", no_args_is_help=True)
app.add_typer(filter_app, name="filter")


@filter_app.command("rules")
def filter_rules(
    as_json: Annotated[bool, typer.Option("--json", metavar="", help="Print JSON for programs")] = False,
) -> None:
    """Every quality rule in decision order (a document is dropped by the first it fails), its family, and the
    signals stored per document — all read from the rule registry, filters/rules/ (one file per family)."""
    import json

    from filters.rules import FAMILIES, describe_rules

    rules = describe_rules()
    if as_json:
        signals = [{"name": s.name, "family": f.name, "doc": s.doc} for f in FAMILIES for s in f.signals]
        typer.echo(json.dumps({"rules": rules, "signals": signals}, indent=2))
        return
    table = Table(title="quality rules, in decision order")
    table.add_column("#", justify="right")
    table.add_column("drop reason", style="bold")
    table.add_column("family")
    table.add_column("drops a document when")
    for number, rule in enumerate(rules, 1):
        table.add_row(str(number), rule["reason"], rule["family"], rule["doc"])
    make_console().print(table)
    signals = Table(title="signals stored with every document (filter/kept, filter/dropped)")
    signals.add_column("signal", style="bold")
    signals.add_column("family")
    signals.add_column("what it measures")
    for family in FAMILIES:
        for signal in family.signals:
            signals.add_row(signal.name, family.name, signal.doc)
    make_console().print(signals)


@filter_app.command("stats")
def filter_stats(
    out: Annotated[str, typer.Argument(help="Output root of a run (local folder or s3:// prefix)")],
    as_json: Annotated[bool, typer.Option("--json", metavar="", help="Print JSON for programs")] = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
) -> None:
    """Per language: documents kept and dropped, drop reasons, perplexity cutoffs and buckets; the models used;
    personal data found per type and language (and what was done with it); contaminated documents per benchmark."""
    import json

    stats = _read_stage_stats(out, "filter", _storage(endpoint_url, region))
    details = stats["details"]
    if as_json:
        typer.echo(json.dumps({"input": stats["input"], "output": stats["output"], "dropped": stats["dropped"],
                               **details}, indent=2, sort_keys=True, default=str))
        return
    table = Table(title=f"filter: {stats['input']:,} in → {stats['output']:,} kept")
    for column in ("language", "kept", "dropped", "kept share", "top drop reasons", "perplexity cutoffs", "buckets"):
        table.add_column(column, justify="left" if column in ("language", "top drop reasons", "buckets") else "right")
    cutoffs = details.get("perplexity_cutoffs", {})
    for lang, row in sorted(details.get("by_language", {}).items(), key=lambda item: -item[1]["kept"]):
        dropped = sum(row["dropped"].values())
        reasons = ", ".join(f"{r} {c}" for r, c in sorted(row["dropped"].items(), key=lambda i: -i[1])[:3])
        lang_cutoffs = cutoffs.get(lang)
        table.add_row(lang, f"{row['kept']:,}", f"{dropped:,}", f"{row['kept'] / max(row['kept'] + dropped, 1):.1%}",
                      reasons or "-", " / ".join(f"{v:,.4g}" for v in lang_cutoffs) if lang_cutoffs else "-",
                      " ".join(f"{b} {c}" for b, c in sorted(row.get("perplexity_buckets", {}).items())) or "-")
    make_console().print(table)
    pii = details.get("pii") or {}
    if pii.get("by_language"):
        types = list(pii.get("action", {}))
        masked = Table(title="personal data found (values per type; the action applied to each type below its name)")
        masked.add_column("language")
        masked.add_column("documents", justify="right")
        for name in types:
            masked.add_column(f"{name}\n{pii['action'][name]}", justify="right")
        for lang, row in pii["by_language"].items():
            masked.add_row(lang, f"{row['documents']:,}", *(f"{row.get(name, 0):,}" for name in types))
        make_console().print(masked)
    decontamination = details.get("decontamination") or {}
    if decontamination.get("sets"):
        found = decontamination.get("by_benchmark", {})
        summary = "; ".join(f"{name} {sum(found[name].values()):,} ("
                            + ", ".join(f"{lang} {count}" for lang, count in sorted(found[name].items())) + ")"
                            for name in sorted(found)) or "none found"
        make_console().print(f"contamination ({decontamination['action']}) against "
                        f"{', '.join(decontamination['sets'])}: {summary}")
    make_console().print(f"perplexity models: {', '.join(details.get('perplexity_models', [])) or 'none'}; "
                    f"quality classifier: {', '.join(details.get('quality_models', [])) or 'none'}; "
                    f"signals {details.get('signals', '?')}")


@filter_app.command("retune")
def filter_retune(
    config: Annotated[Path, typer.Option("--config", "-c", help="YAML config (see conf/default.yaml)")] = Path(
        "conf/default.yaml"),
    out: Annotated[str | None, typer.Option("--out", help="Output root; overrides `output` in the config")] = None,
    overrides: Annotated[
        list[str] | None,
        typer.Option("--set", metavar="KEY=VALUE", help="Threshold to try, e.g. --set "
                     "stages.filter.language_overrides.zh.thresholds.fineweb.line_punct_thr=0.2"),
    ] = None,
    overlay: OverlayOption = None,
    preview: Annotated[bool, typer.Option("--preview", metavar="", help="Also list documents that change: newly "
                                                                        "dropped and newly kept, with URL, title, "
                                                                        "old → new reason and the deciding "
                                                                        "signal")] = False,
    count: Annotated[int, typer.Option("-n", help="With --preview: documents shown per change (language, "
                                                  "old → new reason)", min=1)] = 3,
    as_json: Annotated[bool, typer.Option("--json", metavar="", help="Print JSON for programs")] = False,
) -> None:
    """Show what new thresholds would keep and drop, from the signals already stored — nothing is written.

    Edit conf/languages/<lang>.yaml or pass --set, look at the change, then publish it with
    `corpusforge run --stages filter` (same settings): the rerun reuses the stored signals. --preview shows a
    sample of the documents that change, to judge whether the new threshold drops what it should."""
    import json
    from collections import defaultdict

    settings = list(overrides or []) + ([f"output={out}"] if out else [])
    try:
        cfg = load_config(config, settings, overlays=overlay)
    except ConfigError as exc:
        _fail(str(exc))
    from filters.filter import retune, retune_preview
    from pipeline.core.spark import get_spark
    from pipeline.documents import changed_document

    try:
        if preview:
            result = retune_preview(cfg, get_spark(cfg.spark), count)
            rows, changed = result["counts"], [changed_document(row) for row in result["changed"]]
        else:
            rows, changed = retune(cfg, get_spark(cfg.spark)), []
    except (StageError, ConfigError) as exc:
        _fail(str(exc))
    if as_json:
        typer.echo(json.dumps({"counts": rows, "changed": changed} if preview else rows, indent=2,
                              ensure_ascii=False, default=str))
        return
    per_language: dict[str, dict] = defaultdict(lambda: {"before": 0, "after": 0, "newly": defaultdict(int),
                                                         "restored": 0})
    for row in rows:
        entry = per_language[row["lang"]]
        entry["before"] += row["count"] if row["before"] is None else 0
        entry["after"] += row["count"] if row["after"] is None else 0
        if row["before"] is None and row["after"] is not None:
            entry["newly"][row["after"]] += row["count"]
        if row["before"] is not None and row["after"] is None:
            entry["restored"] += row["count"]
    table = Table(title="retune: kept documents, published → with these thresholds")
    for column in ("language", "kept now", "kept after", "change", "newly dropped by", "newly kept"):
        table.add_column(column, justify="left" if column in ("language", "newly dropped by") else "right")
    for lang, entry in sorted(per_language.items(), key=lambda item: -item[1]["before"]):
        newly = ", ".join(f"{r} {c}" for r, c in sorted(entry["newly"].items(), key=lambda i: -i[1])) or "-"
        table.add_row(lang, f"{entry['before']:,}", f"{entry['after']:,}", f"{entry['after'] - entry['before']:+,}",
                      newly, f"{entry['restored']:,}")
    make_console().print(table)
    if preview:
        _print_changed(changed, count)


def _print_changed(changed: list[dict], count: int) -> None:
    """The documents a retune would move, grouped by language and change, each with its deciding signal."""
    out = make_console()
    if not changed:
        out.print("no document changes with these thresholds")
        return
    out.print(f"[bold]documents that change[/] (up to {count} per language and change; newly dropped: the new "
              "detail decides, newly kept: the old one did)")
    for item in changed:
        before, after = item["before"] or "kept", item["after"] or "kept"
        out.rule(f"{item['lang']}: {before} → {after}", align="left")
        _print_document(out, item, detail=" → ".join(d for d in (item["before_detail"], item["after_detail"]) if d))


@filter_app.command("calibrate")
def filter_calibrate(
    config: Annotated[Path, typer.Option("--config", "-c", help="YAML config (see conf/default.yaml)")] = Path(
        "conf/default.yaml"),
    out: Annotated[str | None, typer.Option("--out", help="Output root; overrides `output` in the config")] = None,
    keep_rate: Annotated[float, typer.Option("--keep-rate", help="Share of the reference (trusted sites' "
                                                                 "documents) the thresholds keep together")] = 0.98,
    reference_share: Annotated[float, typer.Option("--reference-share", help="Top share of a language's hosts by "
                                                                             "PageRank and by TrustRank")] = 0.2,
    min_reference_docs: Annotated[int, typer.Option("--min-reference-docs", help="Fewer reference documents: "
                                                                                 "the published values stay")] = 200,
    min_reference_hosts: Annotated[int, typer.Option("--min-reference-hosts", help="Fewer reference hosts: the "
                                                                                   "published values stay")] = 5,
    languages: Annotated[str | None, typer.Option("--languages", help="Comma-separated (default: all)")] = None,
    write: Annotated[Path | None, typer.Option("--write", help="Write the proposal here: a config overlay for "
                                                               "`filter retune --overlay` / `run --overlay`")] = None,
    overrides: Annotated[list[str] | None, typer.Option("--set", metavar="KEY=VALUE",
                                                        help="KEY=VALUE config override")] = None,
    as_json: Annotated[bool, typer.Option("--json", metavar="",
                                          help="Print the proposal and its evidence as JSON")] = False,
) -> None:
    """Derive each language's thresholds from its most trusted sites' documents (nothing recomputed).

    Per language, the reference is the documents of its top hosts by PageRank and by TrustRank; every threshold
    that is on moves to the quantile of the reference at which the thresholds together keep --keep-rate of it.
    The evidence says, per threshold, how much of the reference and of the lowest-authority and link-farm hosts'
    documents it passes before → after. A language with too little reference text keeps its published values."""
    import json

    import yaml

    from filters.calibrate import CalibrationConfig, calibrate, proposal_overlay
    from pipeline.core.spark import get_spark

    settings = list(overrides or []) + ([f"output={out}"] if out else [])
    try:
        cfg = load_config(config, settings)
        calibration = CalibrationConfig(keep_rate=keep_rate, reference_share=reference_share,
                                        min_reference_docs=min_reference_docs,
                                        min_reference_hosts=min_reference_hosts)
    except (ConfigError, ValueError) as exc:
        _fail(str(exc))
    chosen = [lang.strip() for lang in languages.split(",") if lang.strip()] if languages else None
    try:
        result = calibrate(cfg, get_spark(cfg.spark), calibration, chosen)
    except (StageError, ConfigError) as exc:
        _fail(str(exc))
    if write:
        header = (f"# corpusforge filter calibrate on {cfg.output}: thresholds keeping {keep_rate:.0%} of each "
                  f"language's reference (top {reference_share:.0%} hosts by PageRank and TrustRank).\n"
                  f"# Apply: corpusforge filter retune --overlay {write} (look), corpusforge run --overlay {write} "
                  f"--stages filter (publish).\n")
        write.write_text(header + yaml.safe_dump(proposal_overlay(result), allow_unicode=True, sort_keys=True),
                         encoding="utf-8")
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    for lang, entry in result["languages"].items():
        title = f"{lang}: {entry['status']}; reference {entry['reference_docs']:,} documents from " \
                f"{entry['reference_hosts']} hosts, low {entry['low_docs']:,}"
        if "thresholds" not in entry:
            make_console().print(f"[yellow]{title}[/]")
            continue
        table = Table(title=title)
        for column in ("threshold", "keeps", "published", "proposed", "reference passes", "low dropped"):
            table.add_column(column, justify="left" if column in ("threshold", "keeps") else "right")
        for item in entry["thresholds"]:
            low = item["low_drop"]
            table.add_row(item["path"], item["keep"], str(item["published"]), str(item["proposed"]),
                          f"{item['reference_pass'][0]:.1%} → {item['reference_pass'][1]:.1%}",
                          f"{low[0]:.1%} → {low[1]:.1%}" if low else "-",
                          style=None if item["published"] == item["proposed"] else "bold")
        make_console().print(table)
        kept, low = entry["reference_kept"], entry.get("low_dropped")
        make_console().print(f"  all rules: reference kept {kept[0]:.1%} → {kept[1]:.1%}"
                        + (f"; low-authority and link-farm documents dropped {low[0]:.1%} → {low[1]:.1%}"
                           if low else ""))
    if write:
        make_console().print(f"proposal written to {write}")


mix_app = typer.Typer(help="Plan the language mixture from token counts.", no_args_is_help=True)
app.add_typer(mix_app, name="mix")


def plan_table(plan: dict, top: int | None = None) -> Table:
    """The plan, one row per language by target share; past ``top`` languages, one row sums the rest."""
    entries = sorted(plan["languages"], key=lambda entry: -entry["target_tokens"])
    upsampled = sum(1 for entry in entries if entry["expected_epochs"] > 1.0 + 1e-9)
    capped = sum(1 for entry in entries if entry["capped_by"])
    table = Table(title=f"mixture: {plan['policy']}, {plan['planned_tokens']:,} tokens "
                        f"(budget {plan['budget_tokens']:,}), at most {plan['max_epochs']:g} epochs; "
                        f"{len(entries)} languages, {upsampled} repeated, {capped} at the cap")
    for column in ("language", "available", "target", "share before", "share after", "epochs", "capped by"):
        table.add_column(column, justify="left" if column in ("language", "capped by") else "right")
    shown, rest = (entries, []) if top is None or len(entries) <= top else (entries[:top], entries[top:])
    for entry in shown:
        table.add_row(entry["lang"], f"{entry['available_tokens']:,}", f"{entry['target_tokens']:,}",
                      f"{entry['share_before']:.2%}", f"{entry['share_after']:.2%}",
                      f"{entry['expected_epochs']:.2f}", entry["capped_by"] or "-")
    if rest:
        epochs = [entry["expected_epochs"] for entry in rest]
        table.add_row(f"{len(rest)} more", f"{sum(e['available_tokens'] for e in rest):,}",
                      f"{sum(e['target_tokens'] for e in rest):,}",
                      f"{sum(e['share_before'] for e in rest):.2%}", f"{sum(e['share_after'] for e in rest):.2%}",
                      f"{min(epochs):.2f}-{max(epochs):.2f}",
                      f"{sum(1 for e in rest if e['capped_by'])} capped", style="dim")
    return table


@mix_app.command("plan")
def mix_plan(
    counts: Annotated[str, typer.Option("--counts", help="Output root of a run whose mix stage wrote counts.json "
                                                         "(or the counts.json file itself)")],
    budget: Annotated[str | None, typer.Option("--budget", help="Training tokens, e.g. 2T, 500B (default: the "
                                                                "corpus's own size)")] = None,
    policy: Annotated[str, typer.Option("--policy", help="unimax, temperature or explicit")] = "unimax",
    max_epochs: Annotated[float, typer.Option("--max-epochs", help="Most repetitions of any language")] = 4.0,
    alpha: Annotated[float | None, typer.Option("--alpha", help="temperature: q ∝ p^alpha (default 0.3)")] = None,
    shares: Annotated[
        list[str] | None, typer.Option("--share", help="explicit: LANG=SHARE, e.g. --share zh=0.1; shares in "
                                                       "[0, 1], together at most 1")
    ] = None,
    top: Annotated[int, typer.Option("--top", help="Languages listed one per row (by target share); the rest are "
                                                  "summed in one row. 0 lists every language")] = 30,
    as_json: Annotated[bool, typer.Option("--json", metavar="", help="Print the plan as JSON")] = False,
) -> None:
    """Answer what-if questions from the counts alone: no stage reruns.

    corpusforge mix plan --counts demo-output --budget 2T --policy unimax --max-epochs 4

    Every request the plan cannot meet (a share the epoch cap lowers, a language without documents, an option
    the policy ignores) is a note, printed and in the JSON; values that cannot be planned exit 2."""
    import json

    from pipeline.core.config import S3Config
    from pipeline.core.storage import exists, read_bytes
    from pipeline.lib.datasets import MIX_COUNTS
    from pipeline.lib.mixture import parse_shares, parse_tokens, plan_mixture

    # Bad values are refused before the counts are read: the message is about them, not about a missing file.
    try:
        explicit = parse_shares(shares)
        tokens = parse_tokens(budget) if budget else None
        plan_mixture({}, budget=tokens, policy=policy, max_epochs=max_epochs, alpha=alpha, shares=explicit)
    except ValueError as exc:
        _fail(str(exc))
    path = counts if counts.endswith(".json") else MIX_COUNTS.path(counts)
    if not exists(path, S3Config()):
        _fail(f"{path} not found: run `corpusforge run --stages mix` first")
    try:
        data = json.loads(read_bytes(path, S3Config()))
        languages = {lang: int(c["tokens"]) for lang, c in data["languages"].items()}
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        _fail(f"{path} is not a mix counts file: {exc!r}")
    plan = plan_mixture(languages, budget=tokens, policy=policy, max_epochs=max_epochs, alpha=alpha,
                        shares=explicit)
    if as_json:
        typer.echo(json.dumps(plan, indent=2))
        # stdout stays one JSON document; the notes are in it and, for whoever reads the terminal, on stderr.
        for note in plan["notes"]:
            console.print(f"[yellow]note:[/] {note}")
        return
    make_console().print(plan_table(plan, top or None))
    for note in plan["notes"]:
        make_console().print(f"[yellow]note:[/] {note}")
    if data.get("method") == "sample":
        errors = data["relative_standard_error"]
        make_console().print(f"token counts estimated from a sample; relative standard error per language: {errors}")


tokenizer_app = typer.Typer(help="Train or inspect the training tokenizer.", no_args_is_help=True)
app.add_typer(tokenizer_app, name="tokenizer")


@tokenizer_app.command("train")
def tokenizer_train(
    out: Annotated[str, typer.Option("--out", help="Output root of a run whose dedup stage has run")],
    output: Annotated[Path, typer.Option("--output", help="Where to write tokenizer.json")] = Path(
        "models/tokenizer.json"),
    vocab_size: Annotated[int, typer.Option("--vocab-size", min=300, help="Vocabulary incl. the EOS token")] = 32000,
    sample_bytes: Annotated[int, typer.Option("--sample-bytes", help="UTF-8 bytes of text to train on")] = 10_000_000,
    eos_token: Annotated[str, typer.Option("--eos-token")] = "<|endoftext|>",
) -> None:
    """Train a byte-level BPE on a sample of the corpus (dedup/docs, in a fixed hash order across languages).

    Then use it: --set tokenizer.kind=json --set tokenizer.path=models/tokenizer.json"""
    import hashlib

    from pipeline.lib.datasets import DEDUP_DOCS
    from pipeline.lib.tokenizer import train_bpe

    table = _read_dataset(out, DEDUP_DOCS, columns=["id", "text"])
    rows = sorted(zip(table.column("id").to_pylist(), table.column("text").to_pylist(), strict=True),
                  key=lambda row: hashlib.sha1(row[0].encode()).digest())
    sample, total = [], 0
    for _, text in rows:
        if total >= sample_bytes:
            break
        sample.append(text)
        total += len(text.encode("utf-8"))
    identity = train_bpe(sample, vocab_size, output, eos_token)
    make_console().print(f"{output}: byte-level BPE, {identity.vocab_size:,} tokens, trained on {len(sample):,} "
                         f"documents ({total:,} bytes); sha256 {identity.sha256[:16]}…")


shards_app = typer.Typer(help="What is in a run's token shards, and whether they are intact.", no_args_is_help=True)
app.add_typer(shards_app, name="shards")
ShardPath = Annotated[str, typer.Argument(help="A tokenize folder: OUT/tokenize, local or s3://bucket/prefix")]
def _shard_folder(path: str, endpoint_url: str | None, region: str | None = None):
    from pipeline.shards import ShardFolder

    folder = ShardFolder(path, _storage(endpoint_url, region))
    try:
        for shard in folder.manifest()["shards"]:
            for relative in shard["files"].values():
                folder.url(relative)
    except (FileNotFoundError, OSError) as exc:
        _fail(str(exc))
    except (ValueError, KeyError, TypeError) as exc:
        _fail(f"{folder.root}/manifest.json is not a valid tokenize manifest: {exc}")
    return folder


def _with_progress(label: str, total: int):
    from rich.progress import Progress

    progress = Progress(console=console, transient=True)
    task = progress.add_task(label, total=total)
    return progress, lambda name: progress.update(task, advance=1, description=f"{label} {name}")


@shards_app.command("stats")
def shards_stats(
    path: ShardPath,
    as_json: Annotated[bool, typer.Option("--json", metavar="", help="Print JSON for programs")] = False,
    plot: Annotated[Path | None, typer.Option("--plot", help="Write a PNG: language shares, lengths, shards")] = None,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
) -> None:
    """Documents, tokens, languages, shards, document lengths, top hosts and domains, repetition, tokenizer.

    Read from manifest.json, the .idx files and the lineage only: the .bin files are never opened."""
    import json

    from pipeline.shards import statistics

    folder = _shard_folder(path, endpoint_url, region)
    progress, advance = _with_progress("reading", len(folder.manifest()["shards"]))
    with progress:
        summary = statistics(folder, advance)
    if plot:
        _plot_shards(summary, plot)
        console.print(f"plot written to {plot.resolve()}", markup=False, highlight=False)
    if as_json:
        typer.echo(json.dumps(summary, indent=2, default=str))
        return
    out = make_console()
    identity = summary["tokenizer"]
    out.print(f"[bold]{summary['path']}[/]: {summary['documents']:,} documents, {summary['tokens']:,} tokens "
              f"({summary['dtype']}), {len(summary['shards'])} shards; tokenizer {identity['name']} "
              f"({identity['kind']}, vocab {identity['vocab_size']:,}, sha256 {identity['sha256'][:12]}…)")
    languages = Table(title="languages")
    for column in ("language", "documents", "tokens", "share", "planned share", "planned epochs", "shards"):
        languages.add_column(column, justify="left" if column == "language" else "right")
    for lang, row in sorted(summary["languages"].items(), key=lambda item: -item[1]["tokens"]):
        planned = row["planned_share"]
        languages.add_row(lang, f"{row['documents']:,}", f"{row['tokens']:,}", f"{row['share']:.2%}",
                          f"{planned:.2%}" if planned is not None else "-",
                          f"{row['planned_epochs']:.2f}" if row["planned_epochs"] is not None else "-",
                          str(row["shards"]))
    out.print(languages)
    lengths = summary["document_tokens_percentiles"]
    out.print("document length in tokens: " + "  ".join(f"{k} {v:,.0f}" for k, v in lengths.items()))
    shards = Table(title="shards")
    for column in ("shard", "language", "documents", "tokens", "bytes"):
        shards.add_column(column, justify="left" if column in ("shard", "language") else "right")
    for row in summary["shards"]:
        shards.add_row(row["prefix"], row["lang"], f"{row['documents']:,}", f"{row['tokens']:,}", f"{row['bytes']:,}")
    out.print(shards)
    if "top_hosts" in summary:
        hosts = Table(title="top hosts and domains by tokens")
        for column in ("host", "tokens", "domain", "tokens "):
            hosts.add_column(column, justify="right" if column.startswith("tokens") else "left")
        for (host, host_tokens), (domain, domain_tokens) in zip(summary["top_hosts"], summary["top_domains"],
                                                                strict=False):
            hosts.add_row(host, f"{host_tokens:,}", domain, f"{domain_tokens:,}")
        out.print(hosts)
        repetition, duplicates = summary["repetition"], summary["duplicates"]
        out.print(f"repetition: {repetition['repeated_copies']:,} repeated copies of {repetition['unique_documents']:,}"
                  f" documents ({repetition['repeated_token_share']:.1%} of tokens), at most "
                  f"{repetition['max_copies']} copies; duplicates: {duplicates['documents_from_clusters']:,} "
                  f"documents stand for a duplicate cluster (largest {duplicates['largest_cluster']})")


def _plot_shards(summary: dict, target: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (shares, lengths, per_shard) = plt.subplots(1, 3, figsize=(16, 4.5))
    by_lang = summary["languages"]
    languages = sorted(by_lang, key=lambda lang: -by_lang[lang]["tokens"])
    positions = range(len(languages))
    width = 0.4
    shares.bar([p - width / 2 for p in positions], [100 * by_lang[lang]["share"] for lang in languages], width,
               label="in the shards")
    planned = [100 * (by_lang[lang]["planned_share"] or 0) for lang in languages]
    if any(planned):
        shares.bar([p + width / 2 for p in positions], planned, width, label="planned (mix)")
    shares.set_xticks(list(positions), languages, rotation=90 if len(languages) > 12 else 0)
    shares.set(title="token share by language", xlabel="language", ylabel="share of tokens (%)")
    shares.legend()
    edges = summary.get("document_tokens_bin_edges") or []
    counts = summary["document_tokens_histogram"]
    if edges:
        lengths.stairs(counts, edges, fill=True)
        lengths.set_xscale("log")
    lengths.set(title="document length", xlabel="tokens per document (log scale)", ylabel="documents")
    shard_langs = [row["lang"] for row in summary["shards"]]
    colours = {lang: plt.cm.tab20(i % 20) for i, lang in enumerate(dict.fromkeys(shard_langs))}
    per_shard.bar(range(len(shard_langs)), [row["tokens"] for row in summary["shards"]],
                  color=[colours[lang] for lang in shard_langs])
    # One tick per language, at its first shard: shards are grouped by language.
    firsts = {lang: shard_langs.index(lang) for lang in colours}
    per_shard.set_xticks(list(firsts.values()), list(firsts), rotation=90 if len(firsts) > 12 else 0)
    per_shard.set(title="tokens per shard", xlabel="shards, grouped by language", ylabel="tokens")
    figure.tight_layout()
    figure.savefig(target)
    plt.close(figure)


@shards_app.command("inspect")
def shards_inspect(
    path: ShardPath,
    doc: Annotated[str | None, typer.Option("--doc", help="SHARD:N, e.g. shards/zh/zh_00000:3")] = None,
    random_count: Annotated[int | None, typer.Option("--random", help="K documents picked at random")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="With --random: only this language")] = None,
    seed: Annotated[int, typer.Option("--seed")] = 0,
    as_json: Annotated[bool, typer.Option("--json", metavar="")] = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
) -> None:
    """Decoded documents with where they came from (url, WARC file, offset)."""
    import json

    from pipeline.lib.tokenizer import load_tokenizer
    from pipeline.shards import inspect_documents, random_picks

    if (doc is None) == (random_count is None):
        _fail("give exactly one of --doc SHARD:N or --random K")
    folder = _shard_folder(path, endpoint_url, region)
    identity = folder.manifest()["tokenizer"]
    try:
        # A trained tokenizer's manifest names its file (and EOS token); manifests before that only a name.
        tokenizer = load_tokenizer(identity["kind"], identity["name"], identity.get("path"), identity.get("eos_token"))
    except (FileNotFoundError, ValueError) as exc:
        _fail(f"cannot load the tokenizer the manifest names ({identity.get('name')}): {exc}")
    try:
        if doc is not None:
            prefix, _, number = doc.rpartition(":")
            picks = [(prefix, int(number))]
        else:
            picks = random_picks(folder, random_count, lang, seed)
        documents = inspect_documents(folder, picks, tokenizer.decode)
    except (KeyError, IndexError, ValueError) as exc:
        _fail(str(exc))
    if as_json:
        typer.echo(json.dumps(documents, indent=2, ensure_ascii=False))
        return
    for item in documents:
        origin = item["lineage"] or {}
        make_console().rule(f"{item['shard']}:{item['doc_index']} ({item['tokens']} tokens)")
        make_console().print(f"url {origin.get('url', '-')}\nWARC {origin.get('warc_path', '-')} offset "
                        f"{origin.get('offset', '-')}  id {origin.get('id', '-')}  copy {origin.get('copy', '-')}")
        make_console().print(item["text"], markup=False, highlight=False)


@shards_app.command("verify")
def shards_verify(path: ShardPath, endpoint_url: EndpointOption = None, region: RegionOption = None) -> None:
    """SHA-256 and sizes against the manifest, .idx/.bin consistency, counts; exit 1 naming each bad shard."""
    from pipeline.shards import verify

    folder = _shard_folder(path, endpoint_url, region)
    progress, advance = _with_progress("verifying", len(folder.manifest()["shards"]))
    with progress:
        problems = verify(folder, advance)
    if problems:
        for shard, what in problems:
            console.print(f"[bold red]bad shard[/] {shard}: {what}")
        raise typer.Exit(code=1)
    make_console().print(f"[green]ok[/]: every shard of {path} matches its manifest")


corpus_app = typer.Typer(help="A corpus built release after release (corpus.root): its state and releases.",
                         no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")


@corpus_app.command("status")
def corpus_status(
    root: Annotated[str, typer.Argument(help="The corpus root (corpus.root): local folder or s3:// prefix")],
    as_json: Annotated[bool, typer.Option("--json", metavar="", help="Print JSON for programs")] = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
) -> None:
    """The corpus's state version and releases, oldest first: documents and tokens per language (after dedup),
    copies of earlier releases removed, and the size of each release's share of the dedup index (bytes per
    document). Release folders the state does not hold (not committed yet, or a run in progress) are listed too."""
    import json

    from pyarrow import fs as pafs

    from pipeline.core import corpus
    from pipeline.core.storage import arrow_filesystem
    from pipeline.lib.datasets import DEDUP_INDEX_BANDS, DEDUP_INDEX_CLUSTERS, DEDUP_INDEX_EXACT, MIX_COUNTS

    storage = _storage(endpoint_url, region)
    root = root.rstrip("/")
    files, filesystem = _corpus_files(root, storage)

    def located(url: str) -> str:
        return arrow_filesystem(url, storage)[1]

    numbers = corpus.version_numbers(files, root)
    if not numbers and not files.list_names(f"{root}/{corpus.RELEASES_DIR}"):
        _fail(f"{root} is not a corpus root: no state/versions/ and no releases/ (run with --set corpus.root={root})")
    state = corpus.read_version(files, root, numbers[-1]) if numbers else corpus.EMPTY
    on_disk = [name for name in files.list_names(f"{root}/{corpus.RELEASES_DIR}") if not name.startswith("_")]
    releases = []
    for crawl in [*state.crawls, *(name for name in on_disk if name not in state.crawls)]:
        out = corpus.release_root(root, crawl)
        row: dict = {"release": crawl, "committed": crawl in state.crawls}
        counts_text = files.read_text(MIX_COUNTS.path(out))
        counts = json.loads(counts_text)["languages"] if counts_text else {}
        row["languages"] = {lang: {"documents": value["docs"], "tokens": value["tokens"]}
                            for lang, value in sorted(counts.items())}
        row["documents"] = sum(value["docs"] for value in counts.values())
        row["tokens"] = sum(value["tokens"] for value in counts.values())
        dedup_text = files.read_text(f"{out}/dedup/stats.json")
        dedup = json.loads(dedup_text) if dedup_text else {}
        row["deduplicated"] = dedup.get("input")
        row["earlier_release_copies"] = {reason: count for reason, count in dedup.get("dropped", {}).items()
                                         if reason.endswith("earlier_release")}
        index_bytes = 0
        for dataset in (DEDUP_INDEX_EXACT, DEDUP_INDEX_BANDS, DEDUP_INDEX_CLUSTERS):
            infos = filesystem.get_file_info(pafs.FileSelector(located(dataset.path(out)), allow_not_found=True,
                                                               recursive=True))
            index_bytes += sum(info.size or 0 for info in infos if info.type == pafs.FileType.File)
        row["index_bytes"] = index_bytes
        row["index_bytes_per_document"] = round(index_bytes / row["deduplicated"], 1) if row["deduplicated"] else None
        releases.append(row)
    summary = {"root": root, "state_version": state.number, "releases": releases}
    if as_json:
        typer.echo(json.dumps(summary, indent=2))
        return
    console = make_console()
    console.print(f"corpus [bold]{root}[/]: state version {state.number}, {len(state.crawls)} release(s) committed")
    table = Table(title="releases, oldest first")
    for column in ("release", "committed", "documents", "tokens", "copies of earlier releases", "index bytes/doc"):
        table.add_column(column, justify="left" if column in ("release", "committed") else "right")
    for row in releases:
        copies = sum(row["earlier_release_copies"].values())
        table.add_row(row["release"], "yes" if row["committed"] else "no", f"{row['documents']:,}",
                      f"{row['tokens']:,}", f"{copies:,}",
                      "" if row["index_bytes_per_document"] is None else f"{row['index_bytes_per_document']:,.0f}")
    console.print(table)
    languages = sorted({lang for row in releases for lang in row["languages"]})
    if languages:
        by_language = Table(title="documents / tokens per language")
        by_language.add_column("language")
        for row in releases:
            by_language.add_column(row["release"], justify="right")
        for lang in languages:
            cells = [row["languages"].get(lang) for row in releases]
            by_language.add_row(lang, *(f"{cell['documents']:,} / {cell['tokens']:,}" if cell else "-"
                                        for cell in cells))
        console.print(by_language)


docs_app = typer.Typer(help="Read a run's documents: what a stage kept or dropped, and why.", no_args_is_help=True)
app.add_typer(docs_app, name="docs")


def _print_document(out: Console, item: dict, detail: str | None) -> None:
    from pipeline.documents import middle_truncate

    out.print(f"[bold]{item.get('title') or '(no title)'}[/]", markup=True, highlight=False, soft_wrap=False)
    out.print(middle_truncate(item.get("url"), max(40, out.width - 2)), style="cyan", markup=False,
              highlight=False)
    if detail:
        out.print(detail, style="yellow", markup=False, highlight=False)
    signals = "  ".join(f"{name} {value:.4g}" if isinstance(value, float) else f"{name} {value}"
                        for name, value in item["signals"].items())
    if signals:
        out.print(f"signals: {signals}", style="magenta", markup=False, highlight=False)
    for line in item["lines"]:
        out.print(f"  {line}", markup=False, highlight=False)


@docs_app.command("sample")
def docs_sample(
    out: Annotated[str, typer.Argument(help="Output root of a run (local folder or s3:// prefix)")],
    stage: Annotated[str, typer.Option("--stage", help="filter (kept/dropped), dedup (docs/dropped) or extract "
                                                       "(docs; --kept only)")] = "filter",
    reason: Annotated[str | None, typer.Option("--reason", help="Only dropped documents of this reason "
                                                                "(`corpusforge filter rules` lists them)")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Only this language, e.g. zh")] = None,
    kept: Annotated[bool, typer.Option("--kept", metavar="", help="Kept documents instead of dropped ones")] = False,
    host: Annotated[str | None, typer.Option("--host", help="Only this host, e.g. www.example.com")] = None,
    where: Annotated[list[str] | None, typer.Option(
        "--where", help="'<signal> <op> <number>', op one of < <= > >= == !=; repeat to combine (all must hold), "
                        "e.g. --where 'alpha_words_ratio < 0.7'")] = None,
    count: Annotated[int, typer.Option("-n", help="How many documents (picked at random among the matches)")] = 20,
    seed: Annotated[int, typer.Option("--seed", help="Another seed picks other documents")] = 0,
    as_json: Annotated[bool, typer.Option("--json", metavar="", help="Print JSON for programs")] = False,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
) -> None:
    """Documents a stage dropped (or kept) with the signals that decided: title, URL, reason and detail, the
    signals the detail names and the --where signals, and the first lines of the text.

    Judge a rule by reading what it drops (--reason R --lang L) and what sits just on the kept side of its
    threshold (--kept --where 'signal < x')."""
    import json

    from pipeline.documents import DocsError, sample

    try:
        result = sample(out, stage, kept=kept, reason=reason, lang=lang, host=host, where=where, count=count,
                        seed=seed, s3=_storage(endpoint_url, region))
    except DocsError as exc:
        _fail(str(exc))
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False, default=str))
        return
    printer = make_console()
    conditions = ", ".join(part for part in (
        f"reason {reason}" if reason else None, f"language {lang}" if lang else None,
        f"host {host}" if host else None, *(where or [])) if part) or "all"
    printer.print(f"[bold]{result['dataset']}[/]: {len(result['documents'])} of {result['matched']:,} documents "
                  f"matching {conditions}")
    for item in result["documents"]:
        printer.rule(f"{item['lang']}  {item['reason'] or 'kept'}  {item['host'] or ''}", align="left")
        _print_document(printer, item, item["detail"])


@app.command()
def report(
    out: Annotated[str, typer.Argument(help="Output root of a run (local folder or s3:// prefix)")],
    target: Annotated[str | None, typer.Option("--out", help="HTML file to write (default OUT/report.html; "
                                                             "required for an s3:// run)")] = None,
    config: Annotated[Path | None, typer.Option(
        "--config", "-c", help="Config whose language rules give the thresholds drawn on the signal histograms "
                               "(the run's own config is not stored with its output)")] = Path("conf/default.yaml"),
    overrides: Annotated[list[str] | None, typer.Option("--set", help="KEY=VALUE config override")] = None,
    endpoint_url: EndpointOption = None,
    region: RegionOption = None,
) -> None:
    """Write a self-contained HTML report of a run: funnel per stage and language, host authority, filter
    signals with their thresholds, personal data and contamination, example documents of every drop reason,
    duplicate clusters, the mixture and the shards. One file, plots embedded, nothing fetched from the network;
    stages that did not run are shown as such."""
    from pipeline.report import write_report

    cfg = None
    if config is not None and config.is_file():
        try:
            cfg = load_config(config, list(overrides or []))
        except ConfigError as exc:
            _fail(str(exc))
    elif overrides:
        _fail(f"--set needs a config: {config} not found")
    try:
        path = write_report(out, target, cfg, _storage(endpoint_url, region))
    except ValueError as exc:
        _fail(str(exc))
    make_console().print(f"report written to {path}", markup=False, highlight=False)


ablate_app = typer.Typer(no_args_is_help=True, invoke_without_command=True)
app.add_typer(ablate_app, name="ablate")


def _print_ablation(results: dict, ablation_dir: Path) -> None:
    out = make_console()
    recipes = [recipe["name"] for recipe in results["recipes"]]
    stages_table = Table(title="stages per recipe (shared: built once, hard-linked)")
    stages_table.add_column("stage", style="bold")
    for name in recipes:
        stages_table.add_column(name)
    stage_names = [record["stage"] for record in results["recipes"][0]["stages"]]
    for stage_name in stage_names:
        cells = []
        for recipe in results["recipes"]:
            record = next(r for r in recipe["stages"] if r["stage"] == stage_name)
            cells.append(f"shared from {record['shared_from']}" if record["status"] == "shared" else record["status"])
        stages_table.add_row(stage_name, *cells)
    out.print(stages_table)
    confidence = round(results["confidence"] * 100)
    table = Table(title=f"held-out bits per byte (lower is better; mean ± {confidence}% t-interval over seeds)")
    table.add_column("language", style="bold")
    for name in recipes:
        table.add_column(name, justify="right")
    table.add_column("winner")
    for lang, row in results["bits_per_byte"].items():
        winner = results["winners"].get(lang)
        cells = []
        for name in recipes:
            entry = row.get(name)
            cells.append("–" if entry is None else f"{entry['mean']:.4f}" + (
                f" ± {entry['ci']:.4f}" if entry["ci"] is not None else ""))
        verdict = "–" if not winner else (f"{winner['recipe']} by {winner['by_bits_per_byte']:.4f} "
                                          f"({winner['relative']:.1%})"
                                          + ("" if winner["separated"] else ", intervals overlap"))
        table.add_row(lang, *cells, verdict)
    out.print(table)
    for task, per_language in results["tasks"].items():
        task_table = Table(title=f"task {task}: accuracy (mean ± {confidence}% t-interval)")
        task_table.add_column("language", style="bold")
        task_table.add_column("items / chance", justify="right")
        for name in recipes:
            task_table.add_column(name, justify="right")
        for lang, row in per_language.items():
            some = next(iter(row.values()))
            task_table.add_row(lang, f"{some['items']} / {some['chance']:.2f}", *[
                "–" if row.get(name) is None else f"{row[name]['mean']:.3f}"
                + (f" ± {row[name]['ci']:.3f}" if row[name]["ci"] is not None else "") for name in recipes])
        out.print(task_table)
    wins: dict[str, list[str]] = {}
    for lang, winner in results["winners"].items():
        if lang != "all":
            wins.setdefault(winner["recipe"], []).append(lang)
    for name in recipes:
        out.print(f"[bold]{name}[/] wins on {len(wins.get(name, []))} language(s): "
                  f"{', '.join(wins.get(name, [])) or 'none'}")
    overall = results["winners"].get("all")
    if overall:
        out.print(f"overall (all held-out bytes): [bold]{overall['recipe']}[/] by {overall['by_bits_per_byte']:.4f} "
                  f"bits/byte ({overall['relative']:.1%})"
                  + ("" if overall["separated"] else "; the intervals overlap: not a clear win"))
    out.print(f"report: {ablation_dir / 'report.md'}, curves: {ablation_dir / 'curves.png'}, "
              f"results: {ablation_dir / 'results.json'}", markup=False, highlight=False)


@ablate_app.callback()
def ablate(
    ctx: typer.Context,
    out: Annotated[Path | None, typer.Option("--out", help="Ablation folder (local): recipes/, models/, the report")
                   ] = None,
    recipe: Annotated[list[str] | None, typer.Option(
        "--recipe", metavar="RECIPE",
        help="Twice or more: NAME (the base config), NAME:KEY=VALUE;KEY=VALUE (base config with overrides), "
             "NAME@FILE or NAME@FILE:KEY=VALUE;... (another config file)")] = None,
    config: Annotated[Path, typer.Option("--config", "-c", help="Base pipeline config of the recipes")] = Path(
        "conf/default.yaml"),
    overrides: Annotated[list[str] | None, typer.Option(
        "--set", metavar="KEY=VALUE", help="Override a key of the base config for every recipe")] = None,
    ablation_config: Annotated[Path, typer.Option(
        "--ablation-config", help="Sizes, budget, tokenizer, held-out and evaluation settings")] = Path(
        "conf/ablation.yaml"),
    ablation_overrides: Annotated[list[str] | None, typer.Option(
        "--ablation-set", metavar="KEY=VALUE", help="Override a key of the ablation config: "
                                                    "--ablation-set heldout.docs_per_language=8")] = None,
    size: Annotated[str | None, typer.Option("--size", help="Model size from the ablation config's sizes table "
                                                            "(tiny, 3M, 10M, 60M, 150M, 400M)")] = None,
    tokens: Annotated[str | None, typer.Option("--tokens", help="Training tokens per model, e.g. 1M, 2B")] = None,
    seeds: Annotated[str | None, typer.Option("--seeds", help="Comma-separated seeds, at least two for "
                                                              "confidence intervals, e.g. 0,1,2")] = None,
    device: Annotated[str | None, typer.Option("--device", help="auto (CUDA when available), cpu or cuda")] = None,
    nproc_per_node: Annotated[int | None, typer.Option(
        "--nproc-per-node", min=1, help="Ranks per model under torchrun (GPUs, or CPU processes with gloo)")] = None,
    as_json: Annotated[bool, typer.Option("--json", metavar="", help="Print results.json to stdout")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", metavar="", help="Debug logging")] = False,
) -> None:
    """Compare two or more recipes with proxy models of the same size, seeds, token budget and data order.

    Each recipe's shards are built under OUT/recipes/NAME/ (a stage whose config digest another recipe already
    built is hard-linked, not recomputed); held-out documents from trust-seed hosts are drawn once (OUT/heldout.jsonl)
    and dropped from every recipe's training data; all recipes share one trained byte-level BPE. Then one model per
    recipe and seed is trained and evaluated: held-out bits per byte per language and the tasks of
    conf/ablation_tasks/. Writes OUT/report.md, OUT/curves.png and OUT/results.json. Rerunning resumes.

    Example: corpusforge ablate --out abl --recipe zh --recipe 'no-zh:stages.select.quotas.zh.min_share=0'

    Then: corpusforge ablate report ablation (re-renders the report)."""
    if ctx.invoked_subcommand is not None:
        return
    import json

    from pipeline.ablate.recipes import parse_recipe
    from pipeline.ablate.settings import load_ablation_config

    _setup_logging(verbose)
    if out is None or not recipe:
        _fail("give --out DIR and --recipe twice or more (corpusforge ablate --help)")
    settings = list(ablation_overrides or [])
    for key, value in (("train.size", size), ("train.tokens", tokens), ("train.device", device),
                       ("train.nproc_per_node", nproc_per_node)):
        if value is not None:
            settings.append(f"{key}={value}")
    if seeds is not None:
        try:
            settings.append(f"train.seeds=[{','.join(str(int(seed)) for seed in seeds.split(','))}]")
        except ValueError:
            _fail(f"--seeds {seeds!r}: comma-separated integers, e.g. 0,1")
    try:
        ablation_settings = load_ablation_config(ablation_config, settings)
        recipes = [parse_recipe(text, config) for text in recipe]
        if overrides:
            recipes = [type(r)(r.name, r.config_path, (*overrides, *r.overrides)) for r in recipes]
    except ConfigError as exc:
        _fail(str(exc))
    try:
        from pipeline.ablate.run import AblationError, run_ablation
    except ModuleNotFoundError as exc:
        if exc.name != "torch":
            raise
        _fail("corpusforge ablate trains its proxy models with torch, which is not installed: "
              "pip install -e '.[train]' (make setup installs it)")

    def on_start(name, stage) -> None:
        console.print(f"[bold cyan]▶ {name}: {stage.name}[/]: {stage.description}")

    def on_record(record) -> None:
        if record.status == "shared":
            console.print(f"[green]⇉ {record.recipe}: {record.stage}[/] shared from {record.shared_from} "
                          f"(config digest {record.digest})")
        elif record.status == "up to date":
            console.print(f"[yellow]↷ {record.recipe}: {record.stage}[/]: up to date")
        else:
            console.print(f"[green]✔ {record.recipe}: {record.stage}[/]: {record.stats['input']:,} in → "
                          f"{record.stats['output']:,} out, {record.seconds:.1f}s")

    from pipeline.core.interrupt import Interrupted, quiet_shutdown_logs, signals_raise_interrupted

    try:
        with signals_raise_interrupted() as rearm:
            results = run_ablation(recipes, out, ablation_settings, on_spark=rearm, on_record=on_record,
                                   on_start=on_start, say=lambda text: console.print(text, markup=False))
    except Interrupted as exc:
        # Published stages, the held-out list, the tokenizer and finished models stay; the same command resumes.
        quiet_shutdown_logs()
        console.print("[bold yellow]interrupted; rerun the same command to resume (built stages and trained models "
                      "are kept)[/]")
        raise typer.Exit(code=exc.exit_code) from None
    except (AblationError, ConfigError, StageError, FileNotFoundError, ValueError) as exc:
        _fail(str(exc))
    if as_json:
        typer.echo(json.dumps(results, indent=2, sort_keys=True))
    else:
        _print_ablation(results, out)


@ablate_app.command("report")
def ablate_report(
    directory: Annotated[Path, typer.Argument(help="An ablation folder (corpusforge ablate --out)")],
    confidence: Annotated[float | None, typer.Option(
        "--confidence", min=0.5, max=0.999, help="Interval confidence (default: the ablation's own)")] = None,
    as_json: Annotated[bool, typer.Option("--json", metavar="", help="Print results.json to stdout")] = False,
) -> None:
    """Re-render an ablation's report (report.md, curves.png, results.json) from its models' metrics."""
    import json

    from pipeline.ablate.report import write_report

    try:
        results = write_report(directory, confidence)
    except (FileNotFoundError, ValueError, KeyError) as exc:
        _fail(f"{exc}")
    if as_json:
        typer.echo(json.dumps(results, indent=2, sort_keys=True))
    else:
        _print_ablation(results, directory)


def main() -> None:  # pragma: no cover - entry point for `python -m pipeline.cli`
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
