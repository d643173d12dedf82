"""Benchmark: every stage end to end on the sample crawl at several scales, each stage in a process of its own.

For each of --scales N it writes the sample crawl at scale N (what `corpusforge sample --out SAMPLE --seed 1
--scale N` writes) and runs the stages in pipeline order, each as

    SPARK_LOCAL_IP=127.0.0.1 .venv/bin/corpusforge run --config conf/default.yaml --out OUT --force \\
        --set inputs.base_url=SAMPLE/ --set spark.ui_enabled=false --set stages.select.max_sites=M --stages STAGE

so every stage pays for its own JVM and Python workers, as one spark-submit job per stage (jobs/) does.

Per stage and scale:
  wall         from the start of the process to its exit.
  CPU          user + system time of the whole process tree: the driver's Python, the Spark JVM, its Python
               workers, lmplz. The tree is sampled with psutil every 0.2 s, keeping the last CPU time seen per
               process so that processes that exited still count. The kernel adds a process's CPU time to its
               parent's when the parent reaps it; this process makes itself the tree's subreaper (Linux prctl),
               so the JVM, which outlives the driver, comes back to it and is reaped here, and the reaped total
               holds every process reaped along the way, to the end of its life. Spark's Python daemon ignores
               SIGCHLD, so its workers' time reaches no parent: they count with their last sample. The plain
               sum of the samples (a lower bound: it misses each process's last moments) is kept as a check,
               and is the figure where no subreaper can be had.
  peak RSS     the largest sum of the resident memory of the tree's processes over the samples. Python workers
               forked from Spark's daemon share pages that count once per process: an upper bound.
  records      input and output of OUT/<stage>/stats.json; "stage s" is the stage's own time from there, without
               the JVM's start and stop.

Stages after select only see the pages of the selected sites. conf/default.yaml keeps 300 sites, about 60% of
the hosts of the scale-1 sample; at scale N this benchmark keeps 300 x N (--no-scale-select: 300 at every
scale, so stages from extract on would hardly grow).

Growth exponent k of a stage: the least-squares slope of log(time) against log(scale), and against log(the
stage's input records): time ~ size^k. k = 1 is linear; k < 1 means a fixed cost (JVM start, Spark job
scheduling, model loading) still dominates at these sizes; k > 1 grows faster than the input.

Writes bench/results/e2e.json and regenerates docs/benchmarks.md, which also shows the latest result of every
per-stage benchmark (bench/results/<name>.json, written by bench/reader.py, hostgraph.py, ...). With
--report-only it only rebuilds docs/benchmarks.md from those files.

    .venv/bin/python bench/e2e.py --scales 1,4,16
    .venv/bin/python bench/e2e.py --report-only
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import importlib.util
import json
import math
import os
import re
import select
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench_results import RESULTS_DIR, ROOT, SCHEMA_VERSION, command_line, git_commit, machine, rounded

E2E_RESULT = RESULTS_DIR / "e2e.json"
DOC = ROOT / "docs" / "benchmarks.md"
MAKEFILE = ROOT / "Makefile"
CONFIG = "conf/default.yaml"
CORPUSFORGE = ".venv/bin/corpusforge"
DEFAULT_SCALES = "1,4,16"
SAMPLE_SEED = 1
SAMPLE_INTERVAL_SECONDS = 0.2
HEARTBEAT_SECONDS = 30
# The JVM outlives the driver by its shutdown hooks, a second or two; longer means something hangs.
LINGER_LIMIT_SECONDS = 60
# After SIGTERM, how long leftover processes get before SIGKILL.
TERMINATE_GRACE_SECONDS = 10
LOG_TAIL_LINES = 30
# An exponent against input records needs inputs that differ: below this spread the slope is noise.
MIN_SIZE_SPREAD = 1.5
SMALL_RATIO = 0.1
PR_SET_CHILD_SUBREAPER = 36  # from <linux/prctl.h>
MIB = 1 << 20
GIB = 1 << 30
TOTAL = "all stages"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Progress:
    """Progress lines on stdout, each with the time since the benchmark started."""

    def __init__(self):
        self.started = time.perf_counter()

    def say(self, message: str) -> None:
        elapsed = int(time.perf_counter() - self.started)
        print(f"[{elapsed // 3600}:{elapsed // 60 % 60:02d}:{elapsed % 60:02d}] {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# Measuring one process tree
# ---------------------------------------------------------------------------------------------

def become_subreaper() -> bool:
    """Orphaned descendants (the JVM once the driver exits) are reparented to this process, not to init."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0


@dataclass
class Measurement:
    exit_code: int | None
    wall_seconds: float  # until the command's own process exited
    tree_seconds: float  # until the last process of its tree exited
    cpu_seconds: float  # the figure reported: see measure()
    cpu_reaped_seconds: float  # the kernel's accounting of the processes reaped here, their reaped children included
    cpu_unreaped_seconds: float  # sampled CPU of processes whose parent ignores SIGCHLD (Spark's Python workers)
    cpu_sampled_seconds: float  # the sum of every process's own CPU time at its last sample: the cross-check
    # CPU the rest of the machine used meanwhile (other processes, the hypervisor's steal): well above zero, the
    # stage competed for the cores and its wall time is longer than on a quiet machine.
    other_cpu_seconds: float
    peak_rss_bytes: int
    processes: int  # distinct processes seen in the samples


@dataclass
class ProcessSample:
    """The last sample of one process."""

    pid: int
    own_cpu: float
    children_cpu: float  # of the children it has reaped
    auto_reaped: bool  # its parent ignores SIGCHLD, so the kernel reaps it and its CPU reaches nobody's rusage


def ignores_sigchld(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    ignored = next((line.split()[1] for line in status.splitlines() if line.startswith("SigIgn:")), "0")
    return bool(int(ignored, 16) & (1 << (signal.SIGCHLD - 1)))


def sample_tree(me, samples: dict[tuple[int, float], ProcessSample]) -> int:
    """Update samples (keyed by pid and start time: pids get reused) from every live descendant; return the
    sum of their resident memory."""
    import psutil

    seen = {}
    for process in me.children(recursive=True):
        try:
            with process.oneshot():
                times = process.cpu_times()
                seen[process.pid] = ((process.pid, process.create_time()), times, process.memory_info().rss,
                                     process.ppid())
        except psutil.Error:  # exited meanwhile, or a zombie: its last sample stands
            continue
    ignoring = {pid for pid in seen if ignores_sigchld(pid)}
    for pid, (key, times, _, ppid) in seen.items():
        earlier = samples.get(key)
        samples[key] = ProcessSample(pid, times.user + times.system, times.children_user + times.children_system,
                                     ppid in ignoring or (earlier is not None and earlier.auto_reaped))
    return sum(rss for _, _, rss, _ in seen.values())


def machine_busy_seconds() -> float:
    """CPU time the whole machine has spent busy since boot, all cores together."""
    import psutil

    times = psutil.cpu_times()
    # On Linux guest time is already inside user and nice; steal is time another guest of the host took.
    return sum(getattr(times, name, 0.0) for name in ("user", "nice", "system", "irq", "softirq", "steal"))


def signal_descendants(signum: int) -> None:
    import psutil

    for process in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            process.send_signal(signum)


def measure(command: list[str], env: dict, log_path: Path, subreaper: bool, heartbeat) -> Measurement:
    """Run command (output to log_path) and account for its whole process tree until the last process exits.

    CPU: every process that exits is reaped here (this process is the tree's subreaper), and wait4 returns its
    CPU time together with that of the processes it reaped itself, down the tree. What escapes that chain is a
    process whose parent ignores SIGCHLD (Spark's Python daemon does, for its workers): the kernel reaps it
    and adds its time to no one; those processes count with their last sample. Without a subreaper (not
    Linux) the sum of the samples is used, a lower bound. Nothing else may start children of this process
    meanwhile: they would be reaped and counted here."""
    import psutil

    me = psutil.Process()
    samples: dict[tuple[int, float], ProcessSample] = {}
    reaped_pids: set[int] = set()
    peak_rss = 0
    reaped_cpu = 0.0
    exit_code: int | None = None
    exited_at: float | None = None
    term_sent_at: float | None = None
    killed = False
    busy_before = machine_busy_seconds()
    started = time.perf_counter()
    next_heartbeat = started + HEARTBEAT_SECONDS
    with log_path.open("wb") as log:
        child = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                 stderr=subprocess.STDOUT)
    # Readable once the process has exited: its exit time to the millisecond, not to the next sample.
    pidfd = os.pidfd_open(child.pid) if hasattr(os, "pidfd_open") else None
    try:
        while True:
            peak_rss = max(peak_rss, sample_tree(me, samples))
            while True:
                try:
                    pid, status, usage = os.wait4(-1, os.WNOHANG)
                except ChildProcessError:  # no children left: the whole tree has exited and been reaped
                    pid = None
                    break
                if pid == 0:
                    break
                reaped_pids.add(pid)
                reaped_cpu += usage.ru_utime + usage.ru_stime
                if pid == child.pid:
                    exit_code = os.waitstatus_to_exitcode(status)
                    child.returncode = exit_code  # reaped here, so Popen must not wait for it again
                    exited_at = exited_at or time.perf_counter()
            if pid is None:
                break

            moment = time.perf_counter()
            if exited_at is not None and moment - exited_at > LINGER_LIMIT_SECONDS:
                if term_sent_at is None:
                    print(f"    processes still running {LINGER_LIMIT_SECONDS} s after the command exited: "
                          "terminating them", flush=True)
                    signal_descendants(signal.SIGTERM)
                    term_sent_at = moment
                elif not killed and moment - term_sent_at > TERMINATE_GRACE_SECONDS:
                    signal_descendants(signal.SIGKILL)
                    killed = True
            if moment >= next_heartbeat:
                heartbeat(moment - started)
                next_heartbeat += HEARTBEAT_SECONDS
            if pidfd is not None and exited_at is None:
                if select.select([pidfd], [], [], SAMPLE_INTERVAL_SECONDS)[0]:
                    exited_at = time.perf_counter()
            else:
                time.sleep(SAMPLE_INTERVAL_SECONDS)
    except BaseException:  # KeyboardInterrupt above all: leave no process of the tree behind
        signal_descendants(signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            while True:
                os.wait4(-1, 0)
        raise
    finally:
        if pidfd is not None:
            os.close(pidfd)
    finished = time.perf_counter()
    busy = machine_busy_seconds() - busy_before
    # A worker whose daemon died first was reparented here and reaped: already in reaped_cpu.
    unreaped_cpu = sum(sample.own_cpu + sample.children_cpu for sample in samples.values()
                       if sample.auto_reaped and sample.pid not in reaped_pids)
    sampled_cpu = sum(sample.own_cpu for sample in samples.values())
    cpu = reaped_cpu + unreaped_cpu if subreaper else max(reaped_cpu, sampled_cpu)
    return Measurement(
        exit_code=exit_code,
        wall_seconds=(exited_at or finished) - started,
        tree_seconds=finished - started,
        cpu_seconds=cpu,
        cpu_reaped_seconds=reaped_cpu,
        cpu_unreaped_seconds=unreaped_cpu,
        cpu_sampled_seconds=sampled_cpu,
        other_cpu_seconds=max(0.0, busy - cpu),
        peak_rss_bytes=peak_rss,
        processes=len(samples),
    )


# ---------------------------------------------------------------------------------------------
# Running the stages
# ---------------------------------------------------------------------------------------------

class BenchmarkFailed(RuntimeError):
    pass


def stage_names() -> list[str]:
    from pipeline.runner import STAGE_NAMES

    return list(STAGE_NAMES)


def prerequisites(chosen: list[str]) -> list[str]:
    """The stages the chosen ones read, directly or not, that are not chosen themselves: in pipeline order."""
    from pipeline.runner import stage_class

    needed: set[str] = set()
    pending = list(chosen)
    while pending:
        for name in stage_class(pending.pop()).requires:
            if name not in needed:
                needed.add(name)
                pending.append(name)
    return [name for name in stage_names() if name in needed and name not in chosen]


def run_command(sample: str, out: str, stages: list[str], overrides: list[str]) -> list[str]:
    settings = [f"inputs.base_url={sample}/", "spark.ui_enabled=false", *overrides]
    return [CORPUSFORGE, "run", "--config", CONFIG, "--out", out, "--force",
            *[arg for setting in settings for arg in ("--set", setting)], "--stages", ",".join(stages)]


def stage_environment() -> dict:
    return {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1"}


def log_tail(path: Path) -> str:
    lines = path.read_text(errors="replace").splitlines()[-LOG_TAIL_LINES:]
    return "\n".join(f"      {line}" for line in lines)


def scale_overrides(scale: int, args) -> list[str]:
    overrides = []
    if args.scale_select:
        overrides.append(f"stages.select.max_sites={args.max_sites * scale}")
    if args.shuffle_partitions:
        overrides.append(f"spark.shuffle_partitions={args.shuffle_partitions}")
    return overrides


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def run_scale(scale: int, folder: Path, stages: list[str], args, subreaper: bool, progress: Progress) -> dict:
    from pipeline.sample import generate_sample

    if folder.exists():
        shutil.rmtree(folder)
    sample, out, logs = folder / "crawl", folder / "out", folder / "logs"
    logs.mkdir(parents=True)
    progress.say(f"scale {scale}: writing the sample crawl to {sample}")
    started = time.perf_counter()
    summary = generate_sample(sample, seed=SAMPLE_SEED, scale=scale)
    sample_info = {"seconds": time.perf_counter() - started, "hosts": summary["hosts crawled"],
                   "captures": summary["captures"], "html_pages": summary["HTML pages (200)"],
                   "files": summary["WARC/WAT/WET files"], "bytes": folder_bytes(sample)}
    progress.say(f"scale {scale}: sample written in {sample_info['seconds']:.1f} s: {sample_info['hosts']:,} hosts, "
                 f"{sample_info['captures']:,} captures, WARC/WAT/WET files: {sample_info['files']}, "
                 f"{sample_info['bytes'] / MIB:.1f} MiB")
    overrides = scale_overrides(scale, args)
    env = stage_environment()

    before = prerequisites(stages)
    if before:
        progress.say(f"scale {scale}: running the stages the chosen ones read, untimed: {','.join(before)}")
        log = logs / "prerequisites.log"
        done = measure(run_command(str(sample), str(out), before, overrides), env, log, subreaper,
                       lambda elapsed: progress.say(f"scale {scale}: prerequisites still running, {elapsed:.0f} s"))
        if done.exit_code != 0:
            raise BenchmarkFailed(f"scale {scale}: the prerequisite stages failed (exit {done.exit_code}); "
                                  f"log {log}:\n{log_tail(log)}")

    results = {}
    for number, stage in enumerate(stages, 1):
        command = run_command(str(sample), str(out), [stage], overrides)
        log = logs / f"{stage}.log"
        progress.say(f"scale {scale}: {stage} ({number}/{len(stages)}) running")
        done = measure(command, env, log, subreaper,
                       lambda elapsed, stage=stage: progress.say(f"scale {scale}: {stage} still running, "
                                                                 f"{elapsed:.0f} s"))
        stats_path = out / stage / "stats.json"
        if done.exit_code != 0 or not stats_path.is_file():
            raise BenchmarkFailed(f"scale {scale}: stage {stage} failed (exit {done.exit_code}); log {log}:\n"
                                  f"{log_tail(log)}")
        stats = json.loads(stats_path.read_text())
        figures = {**asdict(done), "records_in": stats["input"], "records_out": stats["output"],
                   "stage_seconds": stats["seconds"]}
        del figures["exit_code"]
        results[stage] = figures
        progress.say(f"scale {scale}: {stage} done: wall {done.wall_seconds:.1f} s, CPU {done.cpu_seconds:.1f} s "
                     f"(other processes: {done.other_cpu_seconds:.1f}), peak RSS {done.peak_rss_bytes / MIB:,.0f} MiB, "
                     f"{stats['input']:,} in → {stats['output']:,} out")
    return {"scale": scale, "sample": sample_info, "stages": results}


# ---------------------------------------------------------------------------------------------
# Growth exponents
# ---------------------------------------------------------------------------------------------

def growth_exponent(sizes: list[float], times: list[float]) -> float | None:
    """Least-squares slope of log(time) against log(size); None without two sizes far enough apart."""
    points = [(math.log(size), math.log(seconds)) for size, seconds in zip(sizes, times, strict=True)
              if size > 0 and seconds > 0]
    if len(points) < 2 or max(x for x, _ in points) - min(x for x, _ in points) < math.log(MIN_SIZE_SPREAD):
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    return (sum((x - mean_x) * (y - mean_y) for x, y in points)
            / sum((x - mean_x) ** 2 for x, _ in points))


def with_totals(scales: list[dict]) -> list[dict]:
    """Each scale's stages plus an "all stages" row: times summed, memory the largest."""
    for entry in scales:
        stages = list(entry["stages"].values())
        entry["total"] = {
            "wall_seconds": sum(s["wall_seconds"] for s in stages),
            "cpu_seconds": sum(s["cpu_seconds"] for s in stages),
            "stage_seconds": sum(s["stage_seconds"] for s in stages),
            "other_cpu_seconds": sum(s["other_cpu_seconds"] for s in stages),
            "peak_rss_bytes": max((s["peak_rss_bytes"] for s in stages), default=0),
        }
    return scales


def exponents(scales: list[dict], stages: list[str]) -> dict:
    result = {}
    for stage in [*stages, TOTAL]:
        rows = [(entry["scale"], entry["total"] if stage == TOTAL else entry["stages"][stage]) for entry in scales]
        sizes = [scale for scale, _ in rows]
        figures = {
            "wall_vs_scale": growth_exponent(sizes, [row["wall_seconds"] for _, row in rows]),
            "cpu_vs_scale": growth_exponent(sizes, [row["cpu_seconds"] for _, row in rows]),
            "stage_seconds_vs_scale": growth_exponent(sizes, [row["stage_seconds"] for _, row in rows]),
        }
        if stage != TOTAL:
            inputs = [row["records_in"] for _, row in rows]
            figures |= {
                "wall_vs_input": growth_exponent(inputs, [row["wall_seconds"] for _, row in rows]),
                "cpu_vs_input": growth_exponent(inputs, [row["cpu_seconds"] for _, row in rows]),
            }
        result[stage] = figures
    return result


# ---------------------------------------------------------------------------------------------
# Printing and the report
# ---------------------------------------------------------------------------------------------

def exponent_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def scale_rows(entry: dict) -> list[list[str]]:
    """Table rows of one scale, the columns of SCALE_HEADER."""
    rows = []
    for stage, s in [*entry["stages"].items(), (TOTAL, entry["total"])]:
        total = stage == TOTAL
        rows.append([stage, f"{s['wall_seconds']:.1f}", f"{s['cpu_seconds']:.1f}",
                     f"{s['cpu_seconds'] / s['wall_seconds']:.2f}" if s["wall_seconds"] else "—",
                     f"{s['other_cpu_seconds']:.1f}", f"{s['peak_rss_bytes'] / MIB:,.0f}", f"{s['stage_seconds']:.1f}",
                     "" if total else f"{s['records_in']:,}", "" if total else f"{s['records_out']:,}"])
    return rows


SCALE_HEADER = ["stage", "wall s", "CPU s", "CPU/wall", "other CPU s", "peak RSS MiB", "stage s", "records in",
                "records out"]
EXPONENT_HEADER = ["stage", "k wall/scale", "k CPU/scale", "k stage s/scale", "k wall/input", "k CPU/input",
                   "input records"]


def exponent_rows(e2e: dict) -> list[list[str]]:
    rows = []
    for stage, k in e2e["exponents"].items():
        inputs = "" if stage == TOTAL else " → ".join(f"{entry['stages'][stage]['records_in']:,}"
                                                      for entry in e2e["scales"])
        rows.append([stage, exponent_text(k["wall_vs_scale"]), exponent_text(k["cpu_vs_scale"]),
                     exponent_text(k["stage_seconds_vs_scale"]), exponent_text(k.get("wall_vs_input")),
                     exponent_text(k.get("cpu_vs_input")), inputs])
    return rows


def text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        lines.append("  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                               for i, (cell, width) in enumerate(zip(row, widths, strict=True))))
    return "\n".join(lines)


def markdown_table(header: list[str], rows: list[list[str]], left: int = 1) -> str:
    """A Markdown table whose first `left` columns are left-aligned and the rest (numbers) right-aligned."""
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join(":---" if i < left else "---:" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def print_tables(e2e: dict) -> None:
    for entry in e2e["scales"]:
        sample = entry["sample"]
        print(f"\nscale {entry['scale']}: {sample['hosts']:,} hosts, {sample['captures']:,} captures")
        print(text_table(SCALE_HEADER, scale_rows(entry)))
    print("\ngrowth exponents k (time ~ size^k; 1 = linear, < 1: fixed cost still dominates)")
    print(text_table(EXPONENT_HEADER, exponent_rows(e2e)))


def makefile_benchmarks() -> dict[str, str]:
    """Benchmark name → the command the Makefile's bench target runs it with, in the target's order."""
    commands = {}
    if not MAKEFILE.is_file():
        return commands
    in_bench = False
    for line in MAKEFILE.read_text().splitlines():
        if not line.startswith("\t"):
            in_bench = line.startswith("bench:")
            continue
        match = re.search(r"\$\(BIN\)/python (bench/(\w+)\.py.*)$", line) if in_bench else None
        if match:
            commands[match.group(2)] = f".venv/bin/python {match.group(1).strip()}"
    return commands


def load_results() -> dict[str, dict]:
    results = {}
    for path in sorted(RESULTS_DIR.glob("*.json")):
        try:
            results[path.stem] = json.loads(path.read_text())
        except ValueError as error:
            print(f"skipping {path.relative_to(ROOT)}: not JSON ({error})", file=sys.stderr)
    return results


def figure_text(value) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"
    if isinstance(value, list):
        return " / ".join(figure_text(item) for item in value)  # commas already separate thousands
    return str(value)


def ratio_text(value: float) -> str:
    """Two decimals, or two significant digits for the tiny ratios of a benchmark run far off its design size."""
    return f"{value:.2f}" if abs(value) >= SMALL_RATIO else f"{value:.2g}"


def load_text(load: list[float]) -> str:
    return " / ".join(f"{value:.1f}" for value in load)


def commit_text(result: dict) -> str:
    commit = (result.get("commit") or "unknown")[:12]
    return f"{commit} (with uncommitted changes)" if result.get("dirty") else commit


def machine_section(info: dict) -> list[str]:
    memory = f"{info['memory_bytes'] / GIB:.1f} GiB" if "memory_bytes" in info else "?"
    return [f"- cores: {info.get('cores')} logical, {info.get('physical_cores', '?')} physical",
            f"- memory: {memory}",
            f"- platform: {info.get('platform')} ({info.get('processor')})",
            f"- Python {info.get('python')}, PySpark {info.get('pyspark', '?')}, Java: {info.get('java', '?')}"]


def e2e_section(e2e: dict) -> list[str]:
    settings = e2e["settings"]
    scales = [entry["scale"] for entry in e2e["scales"]]
    stage_list = settings["stages"]
    continued = " \\\n        "
    select = (f"{continued}--set stages.select.max_sites=$(({settings['max_sites']} * N))"
              if settings["scale_select"] else "")
    shuffle = (f"{continued}--set spark.shuffle_partitions={settings['shuffle_partitions']}"
               if settings["shuffle_partitions"] else "")
    what = "every stage" if stage_list == stage_names() else ", ".join(stage_list)
    lines = [
        f"## End to end: {what} at scales {', '.join(map(str, scales))}",
        "",
        f"Measured from {e2e['date']} to {e2e['finished']} at commit {commit_text(e2e)}, one scale after the "
        f"other (load average over 1, 5, 15 minutes: {load_text(e2e['load_average']['start'])} at the start, "
        f"{load_text(e2e['load_average']['end'])} at the end, on {e2e['machine']['cores']} cores), with:",
        "",
        f"    {e2e['command']}",
        "",
        "Every figure of scale N and stage S is the run of one process, which reproduces with",
        "",
        f"    {CORPUSFORGE} sample --out SAMPLE --seed {SAMPLE_SEED} --scale N",
        f"    SPARK_LOCAL_IP=127.0.0.1 {CORPUSFORGE} run --config {CONFIG} --out OUT --force --stages S"
        f"{continued}--set inputs.base_url=SAMPLE/ --set spark.ui_enabled=false{select}{shuffle}",
        "",
        "after the stages above S have run into the same OUT (in pipeline order: " + ", ".join(stage_list) + ").",
        "",
        "- **wall s**: from the start of the process to its exit, JVM start and stop included.",
        "- **CPU s**: user + system time of the whole process tree (driver, Spark JVM, Python workers, lmplz), "
        + ("from the kernel's accounting of every process reaped (bench/e2e.py is the tree's subreaper), plus the "
           f"last of the psutil samples every {settings['sample_interval_seconds']} s of Spark's Python workers, "
           "whose daemon ignores SIGCHLD so that no parent accounts for them." if settings["cpu_method"] == "reaped"
           else f"from psutil samples every {settings['sample_interval_seconds']} s (no subreaper on this "
           "system: processes shorter than a sample are missed)."),
        "- **CPU/wall**: the cores kept busy on average.",
        "- **other CPU s**: CPU time the rest of the machine used during the stage (other processes, the "
        "hypervisor's steal). Well above zero, the stage competed for the cores and its wall time is longer than "
        "on a quiet machine: compare CPU s then, which contention changes much less.",
        f"- **peak RSS MiB**: the largest sum of the tree's resident memory over samples every "
        f"{settings['sample_interval_seconds']} s; pages shared by forked Python workers count once per process.",
        "- **stage s**: the stage's own time from OUT/S/stats.json, without the JVM's start and stop; "
        "**records in / out**: its input and output there.",
    ]
    if settings["scale_select"]:
        lines.append(f"- select keeps {settings['max_sites']} sites at scale 1 (conf/default.yaml) and "
                     f"{settings['max_sites']} × N at scale N, so the stages after it grow with the crawl.")
    for entry in e2e["scales"]:
        sample = entry["sample"]
        lines += ["", f"### Scale {entry['scale']}", "",
                  f"Sample crawl: {sample['hosts']:,} hosts, {sample['captures']:,} captures "
                  f"({sample['html_pages']:,} HTML pages), WARC/WAT/WET files: {sample['files']}, "
                  f"{sample['bytes'] / MIB:.1f} MiB; written in {sample['seconds']:.1f} s.", "",
                  markdown_table(SCALE_HEADER, scale_rows(entry))]
    lines += [
        "", "### Growth exponents", "",
        "k is the least-squares slope of log(time) against log(size) over the scales above, so that time grows "
        "as size^k: against the sample's scale, and against the stage's own input records. k ≈ 1 means the "
        "stage grows linearly with its input; k < 1 means a fixed cost (the JVM's start, Spark's job "
        "scheduling, loading models) still dominates at these sizes, and the stage will grow closer to "
        "linearly on larger inputs; k > 1 means it grows faster than its input, the thing to look at. "
        "Compare k of wall s with k of stage s to see how much of a stage's fixed cost is the JVM's start. "
        f"A dash: the sizes vary by less than {MIN_SIZE_SPREAD}× over the scales, too little for a slope.",
        "", markdown_table(EXPONENT_HEADER, exponent_rows(e2e)),
    ]
    return lines


def per_stage_section(results: dict[str, dict]) -> list[str]:
    standard = {name: command for name, command in makefile_benchmarks().items() if name != "e2e"}
    names = [*standard, *sorted(set(results) - set(standard) - {"e2e"})]
    lines = [
        "## Per-stage benchmarks", "",
        "Each benchmark in bench/ measures one stage's work against a named anchor, in one run on the same "
        "input. The latest run of each, from bench/results/<name>.json (the Makefile's `bench` target runs them "
        "all with their standard arguments):", "",
    ]
    rows = []
    for name in names:
        result = results.get(name)
        if result is None:
            rows.append([f"[{name}](#{name})", "not recorded yet", "", ""])
            continue
        shown = [f"{label}: **{ratio_text(value)}×**" for label, value in result["ratios"].items()]
        shown += [f"{label}: **{figure_text(result['figures'][label])}**" for label in result.get("headline", [])
                  if label in result["figures"]]
        rows.append([f"[{name}](#{name})", "<br>".join(shown) or "—", result.get("goal") or "—",
                     result["date"][:10]])
    lines += [markdown_table(["benchmark", "ratio against the anchor (and headline figures)", "goal", "date"],
                             rows, left=3)]
    for name in names:
        result = results.get(name)
        lines += ["", f"### {name}", ""]
        if result is None:
            lines += [f"Not recorded yet. Run `{standard.get(name, f'.venv/bin/python bench/{name}.py')}`."]
            continue
        machine_info = result.get("machine", {})
        lines += [f"Anchor: {result['anchor']}.", "",
                  f"Run {result['date']} at commit {commit_text(result)} on {machine_info.get('cores', '?')} cores "
                  f"with:", "", f"    {result['command']}", ""]
        if standard.get(name) and standard[name] != result["command"]:
            lines += [f"(The Makefile's standard arguments: `{standard[name]}`.)", ""]
        lines += [f"- {label}: {figure_text(value)}" for label, value in result["figures"].items()]
    return lines


def render_report(e2e: dict | None, results: dict[str, dict]) -> str:
    lines = [
        "# Benchmarks", "",
        "<!-- Generated by bench/e2e.py from bench/results/*.json; do not edit by hand. Rebuild with "
        "`.venv/bin/python bench/e2e.py --report-only`. -->", "",
        "How long each stage of the pipeline takes, how much CPU and memory it uses and how that grows with the "
        "crawl (bench/e2e.py), and how each stage's inner loop compares with an established tool doing the same "
        "work (the per-stage benchmarks).", "",
        "## Machine", "",
    ]
    info = (e2e or {}).get("machine") or next(iter(results.values()), {}).get("machine")
    if info:
        lines += machine_section(info)
        lines += ["", "Each result below records the machine it ran on in bench/results/<name>.json."]
    else:
        lines += ["No results recorded yet."]
    lines += [""]
    if e2e:
        lines += e2e_section(e2e)
    else:
        lines += ["## End to end", "",
                  f"Not measured yet: run `.venv/bin/python bench/e2e.py --scales {DEFAULT_SCALES}`."]
    lines += ["", *per_stage_section(results)]
    return "\n".join(lines) + "\n"


def write_report() -> None:
    results = load_results()
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(render_report(results.pop("e2e", None), results), encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}")


# ---------------------------------------------------------------------------------------------

def parse_list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default=DEFAULT_SCALES,
                        help=f"comma-separated sample scales, each run in turn (default {DEFAULT_SCALES}; scale 1 "
                             "is about 580 hosts and 2,700 captures)")
    parser.add_argument("--stages", default=None,
                        help="comma-separated stages to measure (default: all). The stages they read are run "
                             "first, untimed, in one process")
    parser.add_argument("--work", type=Path, default=None,
                        help="folder for the sample crawls, stage outputs and logs (WORK/scale-N/{crawl,out,logs}); "
                             "default: a temporary folder")
    parser.add_argument("--keep", action="store_true",
                        help="keep the work folder's crawls, outputs and logs (kept anyway when a stage fails)")
    parser.add_argument("--shuffle-partitions", type=int, default=None,
                        help="spark.shuffle_partitions for every stage (default: conf/default.yaml's)")
    parser.add_argument("--scale-select", action=argparse.BooleanOptionalAction, default=True,
                        help="select keeps conf/default.yaml's max_sites × scale sites, so the stages after it "
                             "grow with the crawl (default); --no-scale-select keeps max_sites at every scale")
    parser.add_argument("--report-only", action="store_true",
                        help="run nothing: rebuild docs/benchmarks.md from bench/results/*.json")
    args = parser.parse_args()
    if args.report_only:
        write_report()
        return

    try:
        scales = sorted({int(scale) for scale in parse_list(args.scales)})
    except ValueError:
        parser.error(f"--scales takes whole numbers separated by commas, not {args.scales!r}")
    if not scales or min(scales) < 1:
        parser.error("--scales needs at least one scale, each at least 1")
    if args.shuffle_partitions is not None and args.shuffle_partitions < 1:
        parser.error("--shuffle-partitions must be at least 1")
    all_stages = stage_names()
    chosen = parse_list(args.stages) if args.stages else all_stages
    if unknown := [name for name in chosen if name not in all_stages]:
        parser.error(f"unknown stage(s) {', '.join(unknown)}; stages are: {', '.join(all_stages)}")
    stages = [name for name in all_stages if name in chosen]
    if not (ROOT / CORPUSFORGE).is_file():
        parser.error(f"{CORPUSFORGE} not found: run `make setup` first")
    if importlib.util.find_spec("psutil") is None:  # checked before a scale runs, not after
        parser.error("bench/e2e.py needs psutil: .venv/bin/pip install psutil")
    from pipeline.runner import load_config

    args.max_sites = load_config(ROOT / CONFIG).stages.select.max_sites

    subreaper = become_subreaper()
    progress = Progress()
    started_at, commit, load_before = now(), git_commit(), os.getloadavg()
    created = args.work is None
    work = Path(tempfile.mkdtemp(prefix="corpusforge-e2e-")) if created else args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    progress.say(f"e2e: scales {', '.join(map(str, scales))}; stages {', '.join(stages)}; work folder {work}; "
                 f"CPU from {'reaped processes' if subreaper else 'psutil samples (no subreaper)'}")
    measured = []
    try:
        for scale in scales:
            measured.append(run_scale(scale, work / f"scale-{scale}", stages, args, subreaper, progress))
            if not args.keep:
                shutil.rmtree(work / f"scale-{scale}")
    except (BenchmarkFailed, KeyboardInterrupt) as error:
        if measured:
            partial = work / "e2e-partial.json"
            partial.write_text(json.dumps(rounded(measured), indent=2) + "\n")
            print(f"the scales measured before the failure: {partial}", file=sys.stderr)
        reason = "interrupted" if isinstance(error, KeyboardInterrupt) else str(error)
        print(f"e2e: {reason}\nwork folder kept: {work}", file=sys.stderr)
        sys.exit(1)
    if created and not args.keep:
        shutil.rmtree(work)

    e2e = {
        "schema": SCHEMA_VERSION,
        "name": "e2e",
        "command": command_line(sys.argv),
        "date": started_at,
        "finished": now(),
        **commit,
        "machine": machine(),
        "load_average": {"start": load_before, "end": os.getloadavg()},
        "settings": {
            "config": CONFIG, "stages": stages, "scale_select": args.scale_select, "max_sites": args.max_sites,
            "shuffle_partitions": args.shuffle_partitions, "sample_seed": SAMPLE_SEED,
            "sample_interval_seconds": SAMPLE_INTERVAL_SECONDS, "cpu_method": "reaped" if subreaper else "sampled",
            "stage_command_at_scale_1": shlex.join(run_command("SAMPLE", "OUT", ["STAGE"], scale_overrides(1, args))),
        },
        "scales": with_totals(measured),
    }
    e2e["exponents"] = exponents(e2e["scales"], stages)
    e2e = rounded(e2e)
    print_tables(e2e)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    E2E_RESULT.write_text(json.dumps(e2e, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {E2E_RESULT.relative_to(ROOT)}")
    write_report()
    progress.say("e2e: done")


if __name__ == "__main__":
    main()
