from pathlib import Path

import pytest

from pipeline.core.config import ConfigError
from pipeline.runner import load_config

CONF = Path(__file__).resolve().parents[1] / "conf"


def test_default_and_cluster_configs_load_and_fill_the_crawl():
    default = load_config(CONF / "default.yaml")
    assert default.crawl == "CC-MAIN-SAMPLE"
    assert default.inputs.warc == "crawl-data/CC-MAIN-SAMPLE/warc.paths.gz"
    cluster = load_config(CONF / "cluster.yaml", crawl="CC-MAIN-2024-10")
    assert cluster.inputs.base_url == "s3://commoncrawl/"
    assert cluster.inputs.wat == "crawl-data/CC-MAIN-2024-10/wat.paths.gz"
    assert cluster.output == "s3a://my-corpus-bucket/corpusforge/CC-MAIN-2024-10"


def test_set_overrides_typed_values_and_nested_keys():
    config = load_config(
        CONF / "default.yaml",
        [
            "spark.shuffle_partitions=16",
            "inputs.max_files=3",
            "spark.ui_enabled=true",
            "stages.index.record_types=[response]",
        ],
    )
    assert config.spark.shuffle_partitions == 16
    assert config.inputs.max_files == 3
    assert config.spark.ui_enabled is True
    assert config.stages.index.record_types == ["response"]


def test_unknown_key_is_named():
    with pytest.raises(ConfigError, match=r"spark\.shuffle_partition: unknown key"):
        load_config(CONF / "default.yaml", ["spark.shuffle_partition=4"])


def test_wrong_type_is_named_with_the_value():
    with pytest.raises(ConfigError, match=r"spark\.shuffle_partitions: .*integer.*'many'"):
        load_config(CONF / "default.yaml", ["spark.shuffle_partitions=many"])


def test_out_of_range_and_malformed_override():
    with pytest.raises(ConfigError, match=r"inputs\.max_files"):
        load_config(CONF / "default.yaml", ["inputs.max_files=0"])
    with pytest.raises(ConfigError, match="KEY=VALUE"):
        load_config(CONF / "default.yaml", ["spark.master"])
    with pytest.raises(ConfigError, match="is a value, not a section"):
        load_config(CONF / "default.yaml", ["crawl.name=x"])


def test_unknown_key_in_yaml_file(tmp_path):
    text = (CONF / "default.yaml").read_text().replace("reader:\n", "reader:\n  max_recod_bytes: 5\n")
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=r"reader\.max_recod_bytes: unknown key"):
        load_config(path)


def test_section_digest_changes_only_with_its_section():
    base = load_config(CONF / "default.yaml")
    other_spark = load_config(CONF / "default.yaml", ["spark.shuffle_partitions=9"])
    other_reader = load_config(CONF / "default.yaml", ["reader.max_record_bytes=2048"])
    assert base.section_digest("inputs", "reader") == other_spark.section_digest("inputs", "reader")
    assert base.section_digest("inputs", "reader") != other_reader.section_digest("inputs", "reader")
