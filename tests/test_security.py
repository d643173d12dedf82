"""Names from data or config never leave the output root; manifests cannot point outside their folder."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from filters.classifier import model_file_name as classifier_file_name
from filters.kenlm import model_file_name as lm_file_name
from pipeline.cli import app
from pipeline.core.storage import contained_path, safe_name
from pipeline.shards import ShardFolder
from pipeline.stages.tokenize import shard_prefix

ESCAPES = ["../etc", "..", "a/b", "/abs", ".hidden", "", "en\x00", "a\\b", "x" * 65, "zh Hant"]


@pytest.mark.parametrize("label", ["en", "zh-Hant", "eng_Latn", "all", "x" * 64])
def test_language_labels_that_name_files(label):
    assert safe_name(label, "language label") == label
    assert shard_prefix(label, 3) == f"shards/{label}/{label}_00003"
    assert lm_file_name(label) == f"kenlm-{label}.binary"
    assert classifier_file_name(label) == f"quality-{label}.bin"


@pytest.mark.parametrize("label", ESCAPES)
def test_labels_that_would_leave_the_output_root_are_refused(label):
    for make in (lambda: shard_prefix(label, 0), lambda: lm_file_name(label), lambda: classifier_file_name(label)):
        with pytest.raises(ValueError, match="cannot name a file"):
            make()


@pytest.mark.parametrize("relative", ["../outside.bin", "shards/../../outside.bin", "/etc/passwd",
                                      "s3://other-bucket/x.bin", "shards//x.bin", "./x.bin", ""])
def test_manifest_paths_must_stay_in_their_folder(relative, tmp_path):
    with pytest.raises(ValueError, match="leaves its folder"):
        contained_path(relative, "shard file")
    with pytest.raises(ValueError):
        ShardFolder(str(tmp_path)).url(relative)
    assert contained_path("shards/en/en_00000.bin", "shard file") == "shards/en/en_00000.bin"
    assert contained_path("lineage/", "folder") == "lineage/"


def test_shards_cli_refuses_a_manifest_pointing_outside(tmp_path):
    folder = tmp_path / "tokenize"
    folder.mkdir()
    (tmp_path / "outside.bin").write_bytes(b"\0" * 8)
    shard = {"prefix": "shards/en/en_00000", "lang": "en", "documents": 1, "tokens": 2,
             "files": {"bin": "../outside.bin", "idx": "shards/en/en_00000.idx"},
             "bytes": {"bin": 8, "idx": 0}, "sha256": {"bin": "", "idx": ""}}
    (folder / "manifest.json").write_text(json.dumps({"shards": [shard], "totals": {}}))
    for command in (["verify"], ["stats"]):
        result = CliRunner().invoke(app, ["shards", *command, str(folder)])
        said = " ".join(result.output.split())  # the console wraps long lines
        assert result.exit_code == 2, said
        assert "leaves its folder" in said and "'../outside.bin'" in said
    (folder / "manifest.json").write_text("{not json")
    result = CliRunner().invoke(app, ["shards", "verify", str(folder)])
    assert result.exit_code == 2 and "not a valid tokenize manifest" in " ".join(result.output.split())
