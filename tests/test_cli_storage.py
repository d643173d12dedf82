"""Every command that reads a run's output takes the same storage options, and reads an s3:// output root
(a real S3 API, moto_server) as it reads a local one."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.core.storage import s3_client

BUCKET = "cli-storage"
runner = CliRunner()


@pytest.fixture(scope="module")
def outputs(through_dedup, s3_config) -> tuple[str, str]:
    """(local output root, the same on S3): the stages the inspection commands read."""
    out = through_dedup[0]
    client = s3_client(s3_config)
    client.create_bucket(Bucket=BUCKET)
    for stage in ("hostgraph", "rank", "select", "filter"):
        for path in (out / stage).rglob("*"):
            if path.is_file() and (not path.name.startswith((".", "_")) or path.name == "_SUCCESS"):
                client.upload_file(str(path), BUCKET, f"run/{path.relative_to(out)}")
    return str(out), f"s3://{BUCKET}/run"


@pytest.mark.parametrize("command", [["graph", "stats"], ["graph", "top", "-n", "5"], ["filter", "stats"]])
def test_s3_output_reads_like_local(outputs, s3_config, command):
    local, remote = outputs
    here = runner.invoke(app, [*command[:2], local, *command[2:], "--json"])
    there = runner.invoke(app, [*command[:2], remote, *command[2:], "--json", "--endpoint-url",
                                s3_config.endpoint_url, "--region", s3_config.region])
    assert here.exit_code == 0 and there.exit_code == 0, here.output + there.output
    assert json.loads(there.output) == json.loads(here.output)


def test_graph_host_reads_s3_with_the_storage_options(outputs, s3_config):
    local, remote = outputs
    from pipeline.lib.hosts import reverse_host

    top = json.loads(runner.invoke(app, ["graph", "top", local, "-n", "1", "--json"]).output)
    host = reverse_host(top[0]["host"])  # JSON keeps the graph's key; people type the host as written
    result = runner.invoke(app, ["graph", "host", remote, host, "--json", "--endpoint-url", s3_config.endpoint_url])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["host"] == host


def test_every_reading_command_has_the_same_storage_options():
    for command in (["graph", "stats"], ["graph", "top"], ["graph", "host"], ["filter", "stats"], ["report"],
                    ["docs", "sample"],
                    ["shards", "stats"], ["shards", "inspect"], ["shards", "verify"]):
        result = runner.invoke(app, [*command, "--help"], terminal_width=200)
        assert "--endpoint-url" in result.output and "--region" in result.output, command
