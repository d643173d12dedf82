"""The spark-submit entry of one stage, and the argument parser every job in ``jobs/`` shares.

    spark-submit --py-files dist/corpusforge.zip jobs/stage.py --stage NAME \
        --config conf/cluster.yaml --crawl CC-MAIN-2024-10 [--set key=value ...] [--force]

``jobs/stage.py --stage NAME`` runs exactly one stage (skipped when its ``_SUCCESS`` matches the config digest),
so a scheduler can retry, time and alert on stages one by one; the stage names come from ``pipeline.runner``.
``jobs/check_inputs.py`` takes the same options and only checks that the release's input listings and files
exist, before any stage spends cluster time. The master and executors come from spark-submit.

Exit codes: 0 done (ran or skipped), 2 a problem no retry can fix (bad config, missing input or upstream
stage; the message says which), 130 / 143 stopped by SIGINT / SIGTERM (Spark stopped in order, nothing of the stage
published; rerun to resume), anything else a failure worth retrying (lost executors, S3 outages).

Progress goes to the log: one line every ``progress.log_every_seconds`` (``stage 5/12 extract — ≈12,340 / 95,063
records, 1,450 rec/s, ETA 0:52``).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

# The exit code of an error a retry cannot fix; the Airflow DAG fails such a task at once instead of retrying.
EXIT_USAGE = 2
CHECK_INPUTS = "check-inputs"


def parser(job: str) -> argparse.ArgumentParser:
    """The options of a stage job (``job`` is "stage") or of the input check (``job`` is CHECK_INPUTS)."""
    from pipeline.runner import STAGES

    if job == CHECK_INPUTS:
        prog = "jobs/check_inputs.py"
        description = "corpusforge: check that the release's WARC and WAT listings and files exist"
    else:
        prog = "jobs/stage.py"
        description = "corpusforge: run one stage. Stages:\n" + "\n".join(
            f"  {stage.name:<14} {stage.description}" for stage in STAGES)
    parsed = argparse.ArgumentParser(prog=prog, description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=f"Exit codes: 0 done, {EXIT_USAGE} an error a retry cannot fix "
                                            "(the message says what), other values a failure worth retrying.")
    if job != CHECK_INPUTS:
        parsed.add_argument("--stage", required=True, choices=[stage.name for stage in STAGES],
                            help="The stage to run", metavar="NAME")
    parsed.add_argument("--config", required=True, help="YAML config, e.g. conf/cluster.yaml")
    parsed.add_argument("--crawl", help="Crawl release id, e.g. CC-MAIN-2024-10 (fills {crawl} in paths)")
    parsed.add_argument("--out", help="Output root; overrides `output` in the config")
    parsed.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                        help="Override a config key (repeatable), e.g. --set inputs.max_files=100")
    parsed.add_argument("--workdir", help="Folder that relative paths (the config, models/, conf/languages) are "
                                          "read from; default: the current folder")
    if job != CHECK_INPUTS:
        parsed.add_argument("--force", action="store_true", help="Recompute even if the stage is up to date")
    return parsed


def _load(args):
    from pipeline.runner import load_config

    if args.workdir:
        os.chdir(args.workdir)
    overrides = [*args.overrides, *([f"output={args.out}"] if args.out else [])]
    return load_config(args.config, overrides, crawl=args.crawl)


def main(argv: list[str] | None = None) -> int:
    from pipeline.core.config import ConfigError
    from pipeline.core.interrupt import Interrupted, message, quiet_shutdown_logs, signals_raise_interrupted, stop_spark
    from pipeline.core.progress import RunProgress, make_console
    from pipeline.core.spark import get_spark
    from pipeline.core.stage import StageError
    from pipeline.core.storage import quiet_third_party_logs
    from pipeline.runner import STAGES, run_pipeline

    args = parser("stage").parse_args(argv)
    stage = args.stage
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    quiet_third_party_logs()
    spark = progress = None
    started: list[str] = []  # set once the stage runs (not when it is skipped as up to date)
    try:
        with signals_raise_interrupted() as rearm:
            try:
                config = _load(args)
                spark = get_spark(config.spark)
                rearm()
                progress = RunProgress(spark, make_console(stderr=True), total_stages=len(STAGES),
                                       log_every=config.progress.log_every_seconds,
                                       poll_seconds=config.progress.refresh_seconds)
                with progress:
                    (outcome,) = run_pipeline(config, spark, [stage], force=args.force, progress=progress,
                                              on_start=lambda ran: started.append(ran.name))
            except Interrupted as exc:
                # As `corpusforge run`: Spark stopped quietly, one line, the shell's exit code for the signal.
                quiet_shutdown_logs()
                if progress is not None:
                    progress.stop()
                stop_spark(spark)
                print(f"corpusforge {stage}: {message(stage if started else None)}", file=sys.stderr, flush=True)
                return exc.exit_code
    except (ConfigError, StageError, FileNotFoundError, NotADirectoryError) as exc:
        print(f"corpusforge {stage}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    stats = outcome.stats
    print(f"corpusforge {stage}: {outcome.status}; {stats.input:,} in → {stats.output:,} out, "
          f"dropped {dict(stats.dropped)}, {stats.seconds:.1f}s, config digest {stats.config_digest}")
    return 0


def check_inputs(argv: list[str] | None = None) -> int:
    """List the WARC and WAT inputs and check the first and last of each exist; no Spark session needed."""
    from pipeline.core.config import ConfigError
    from pipeline.core.storage import exists, list_inputs, redact_url

    args = parser(CHECK_INPUTS).parse_args(argv)
    try:
        config = _load(args)
        found = {}
        for kind in ("warc", "wat"):
            files = list_inputs(getattr(config.inputs, kind), config.inputs.base_url, config.storage.s3,
                                config.inputs.max_files)
            for path in {files[0], files[-1]}:
                if not exists(path, config.storage.s3):
                    raise FileNotFoundError(f"{kind.upper()} listing names a file that does not exist: "
                                            f"{redact_url(path)}")
            found[kind] = len(files)
    except (ConfigError, FileNotFoundError, NotADirectoryError) as exc:
        print(f"corpusforge {CHECK_INPUTS}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"corpusforge {CHECK_INPUTS}: {config.crawl}: {found['warc']:,} WARC and {found['wat']:,} WAT files "
          f"under {redact_url(config.inputs.base_url)}")
    return 0
