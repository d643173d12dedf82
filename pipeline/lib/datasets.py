"""The Parquet datasets and artifacts stages write, declared once.

A stage writes ``<out>/<stage>/<dataset>/`` with exactly the columns declared here, and every reader (later
stages, the CLI, tests) imports the declaration — its path and column names — instead of repeating them. The
stage that writes a dataset lists it in its ``writes``; a stage that reads it lists the writer in ``requires``.
"""

from __future__ import annotations

from filters.rules import SIGNALS
from pipeline.core.schemas import Artifact, Column, Dataset

INDEX_RECORDS = Dataset(
    stage="index",
    name="records",
    doc="One row per WARC response/revisit record: the lineage index later stages join on.",
    columns=(
        Column("url", "string", False, "WARC-Target-URI"),
        Column("host", "string", True, "Normalized host (lower case, punycode); null if not public"),
        Column("warc_type", "string", False, "WARC-Type (response or revisit)"),
        Column("status", "int32", True, "HTTP status code (null if the block is not an HTTP response)"),
        Column("content_type", "string", True, "MIME type from the HTTP Content-Type header, lower-cased"),
        Column("charset", "string", True, "Charset from the HTTP Content-Type header, if given"),
        Column("payload_digest", "string", True, "WARC-Payload-Digest"),
        Column("fetch_time", "timestamp", True, "WARC-Date"),
        Column("content_length", "int64", False,
               "Length of the WARC record block in bytes (-1 when built from the columnar URL index, "
               "inputs.cc_index, which does not record it)"),
        Column("warc_path", "string", False, "The WARC (or ARC) file holding the record"),
        Column("offset", "int64", False, "Where the record is, as archive_format says (the gzip member's offset)"),
        Column("length", "int64", False, "Its length there (the gzip member's compressed length)"),
        Column("archive_format", "string", False,
               "warc.gz / arc.gz: offset and length address the gzip member(s) holding the record; warc / arc: its "
               "bytes in an uncompressed file; warc.gz/stream / arc.gz/stream: its position in a whole-file gzip's "
               "decompressed stream"),
        Column("truncated", "string", True, "WARC-Truncated: why the crawler cut the payload short, else null"),
        Column("crawl", "string", False, "Crawl release id"),
    ),
)

# Host names in the graph datasets are reversed (com.example.www), as in Common Crawl's host graphs.
HOSTGRAPH_PAGES = Dataset(
    stage="hostgraph",
    name="pages",
    doc="One row per WAT response record: its host, head metadata, and the hosts it links to.",
    columns=(
        Column("url", "string", False, "WARC-Target-URI of the capture"),
        Column("host", "string", False, "Normalized host of the URL, reversed"),
        Column("status", "int32", True, "HTTP status"),
        Column("title", "string", True, "<title> from the WAT head metadata"),
        Column("description", "string", True, "<meta name=description> content"),
        Column("targets", "array<string>", False, "Distinct other hosts linked (reversed), redirects included"),
        Column("link_counts", "map<string,int64>", False, "Links of this page by outcome (hyperlink, rel_nofollow, …)"),
    ),
)

HOSTGRAPH_VERTICES = Dataset(
    stage="hostgraph",
    name="vertices",
    doc="Every host seen as a page's host or a link target; ids dense 0..n-1 in order of the reversed name.",
    columns=(
        Column("id", "int64", False, "Dense vertex id, ordered by host"),
        Column("host", "string", False, "Host name, reversed (com.example.www)"),
        Column("domain", "string", False, "Registered domain from the public suffix list, reversed (com.example)"),
        Column("out_degree", "int64", False, "Distinct hosts this host links to"),
        Column("in_degree", "int64", False, "Distinct hosts linking to this host"),
        Column("pages_crawled", "int64", False, "WAT response records of this host (0: never crawled); source "
               "cc_webgraph: 1 if the host has out-links (was crawled), else 0"),
    ),
)

HOSTGRAPH_EDGES = Dataset(
    stage="hostgraph",
    name="edges",
    doc="Host-level links, deduplicated, without self-loops.",
    columns=(
        Column("src", "int64", False, "Vertex id of the linking host"),
        Column("dst", "int64", False, "Vertex id of the linked host"),
        Column("same_domain", "boolean", False, "Both hosts share a registered domain"),
    ),
)

_AUTHORITY = (
    Column("pagerank", "double", False, "PageRank on the vote graph (sums to 1 over all hosts)"),
    Column("trustrank", "double", False, "PageRank teleporting only to trust seeds (sums to 1)"),
    Column("spam_mass", "double", False, "Share of PageRank not explained by trust: (pr − scaled trust) / pr"),
    Column("harmonic", "double", True,
           "Harmonic centrality Σ_u 1/d(u, host) over in-links (HyperBall estimate); null when disabled"),
    Column("language", "string", True, "Main language of the host's pages (lid.176 on WAT titles/descriptions)"),
    Column("language_confidence", "double", True, "Share of the host's sampled pages' score on that language"),
)

RANK_HOSTS = Dataset(
    stage="rank",
    name="hosts",
    doc="Authority and language of every host of the graph.",
    columns=(
        Column("id", "int64", False, "Vertex id (hostgraph/vertices; with corpus.graph_releases > 1 the id in the "
               "union of the releases' graphs, in host order)"),
        Column("host", "string", False, "Host, reversed"),
        Column("domain", "string", False, "Registered domain, reversed"),
        *_AUTHORITY,
        Column("in_degree", "int64", False, "Distinct hosts linking here"),
        Column("out_degree", "int64", False, "Distinct hosts linked"),
        Column("pages_crawled", "int64", False, "Captures of the host in the crawl"),
    ),
)

RANK_DOMAINS = Dataset(
    stage="rank",
    name="domains",
    doc="Registered-domain authority, aggregated from its hosts.",
    columns=(
        Column("domain", "string", False, "Registered domain, reversed"),
        Column("hosts", "int64", False, "Hosts of the domain in the graph"),
        Column("pagerank_max", "double", False, "Highest host PageRank"),
        Column("pagerank_sum", "double", False, "Sum of host PageRank"),
        Column("trustrank_max", "double", False, "Highest host TrustRank"),
        Column("trustrank_sum", "double", False, "Sum of host TrustRank"),
    ),
)

SELECT_HOSTS = Dataset(
    stage="select",
    name="hosts",
    doc="The allowlist: sites whose pages become the corpus.",
    columns=(
        Column("host", "string", False, "Host, reversed"),
        Column("domain", "string", False, "Registered domain, reversed"),
        *_AUTHORITY,
        Column("rank", "int64", False, "Position by the ordering score among eligible hosts (1 = best)"),
        Column("why_selected", "string", False, "authority, or quota:<lang> when a language quota admitted it"),
    ),
)

SELECT_REJECTED = Dataset(
    stage="select",
    name="rejected",
    doc="Crawled hosts not selected, with the reason.",
    columns=(
        Column("host", "string", False, "Host, reversed"),
        Column("domain", "string", False, "Registered domain, reversed"),
        *_AUTHORITY,
        Column("reason", "string", False, "spam_mass or below_cutoff"),
    ),
)

EXTRACT_DOCS = Dataset(
    stage="extract",
    name="docs",
    doc="Main text and language of every kept page of a selected host.",
    columns=(
        Column("id", "string", False, "Stable id: hash of url and payload digest"),
        Column("url", "string", False, "WARC-Target-URI"),
        Column("host", "string", False, "Host, reversed"),
        Column("domain", "string", False, "Registered domain, reversed"),
        Column("lang", "string", False, "lid.176 top language, past the language gate (language_min_score)"),
        Column("lang_score", "double", False, "Its score"),
        Column("lang_top3", "string", False, "Top three as 'lang:score' separated by spaces"),
        Column("script", "string", True, "zh only: simplified, traditional or mixed (before any conversion)"),
        Column("title", "string", True, "Page title"),
        Column("text", "string", False, "Main text (trafilatura; Markdown when stages.extract.output says so)"),
        Column("charset", "string", False, "Codec the page was decoded with"),
        Column("charset_source", "string", False, "header, meta, bom, utf-8, detected or fallback"),
        Column("replaced_bytes", "int64", False, "Stray bytes of a UTF-8 page replaced by U+FFFD"),
        Column("content_encoding", "string", True, "Encodings undone before decoding (chunked, gzip, br, …), if any"),
        Column("truncated", "string", True, "WARC-Truncated: why the crawler cut the page short, else null"),
        Column("extraction_path", "string", False,
               "Which way produced the text: fast, full (the cascade's fallback, or mode full), each with "
               "+comments when reader comments were kept"),
        Column("crawl", "string", False, "Crawl release id"),
        Column("fetch_time", "timestamp", True, "WARC-Date"),
        Column("warc_path", "string", False, "WARC file"),
        Column("offset", "int64", False, "Where the record is, as archive_format says"),
        Column("length", "int64", False, "Its length there"),
        Column("archive_format", "string", False, "How offset and length address the record (index/records)"),
        Column("pagerank", "double", False, "Host PageRank (rank)"),
        Column("trustrank", "double", False, "Host TrustRank (rank)"),
        Column("spam_mass", "double", False, "Host spam mass (rank)"),
    ),
)

TRAIN_LM_REFERENCE = Dataset(
    stage="train-lm",
    name="reference",
    doc="The hosts whose text trained each language's KenLM model (link authority standing in for Wikipedia).",
    columns=(
        Column("lang", "string", False, "Language"),
        Column("host", "string", False, "Host, reversed"),
        Column("pagerank", "double", False, "Host PageRank"),
        Column("docs", "int64", False, "Documents of the host in extract/docs"),
        Column("chars", "int64", False, "Their characters"),
    ),
)

TRAIN_QUALITY_EXAMPLES = Dataset(
    stage="train-quality",
    name="examples",
    doc="Labelled pages the quality classifier trained (split=train) and was evaluated on (split=test).",
    columns=(
        Column("id", "string", False, "Document id (extract's scheme: hash of url and payload digest)"),
        Column("url", "string", False, "WARC-Target-URI"),
        Column("host", "string", False, "Host, reversed"),
        Column("lang", "string", False, "lid.176 language of the page"),
        Column("label", "string", False, "good (top-authority host) or poor (low-authority or spam host)"),
        Column("source", "string", False, "top_authority, below_cutoff or spam_mass"),
        Column("split", "string", False, "train or test"),
        Column("text", "string", False, "Segmented, lower-cased text as the classifier saw it"),
    ),
)

# Every quality signal of a document (the rule families of filters/rules declare them), kept or dropped, so
# thresholds can be re-tuned without recomputing them.
QUALITY_SIGNALS: tuple[Column, ...] = tuple(Column(signal.name, signal.type, signal.type != "double", signal.doc)
                                            for signal in SIGNALS)

_FILTER_COLUMNS = (
    *EXTRACT_DOCS.columns,
    Column("url_blocklist", "string", True, "Which blocklist matched the URL (null: none)"),
    *QUALITY_SIGNALS,
    Column("perplexity", "double", True, "KenLM perplexity under the language's model (null: no model)"),
    Column("perplexity_bucket", "string", True, "head, middle or tail by the language's perplexity cutoffs"),
    Column("quality_score", "double", True, "fastText quality classifier: P(good) (null: no model)"),
)

FILTER_KEPT = Dataset(
    stage="filter",
    name="kept",
    doc="Documents that pass every quality rule, with every signal (text after C4 line cleaning if on).",
    columns=_FILTER_COLUMNS,
)

FILTER_DROPPED = Dataset(
    stage="filter",
    name="dropped",
    doc="Documents a rule dropped, with every signal and the first rule that failed.",
    columns=(
        *_FILTER_COLUMNS,
        Column("drop_reason", "string", False, "The first rule that failed (corpusforge filter rules)"),
        Column("drop_detail", "string", True, "Signal, value and threshold"),
    ),
)

DEDUP_DOCS = Dataset(
    stage="dedup",
    name="docs",
    doc="One document per duplicate cluster: the copy from the highest-authority host, with the cluster's size.",
    columns=(
        *FILTER_KEPT.columns,
        Column("exact_hash", "string", False, "Hash of the CCNet-normalized text"),
        Column("dup_cluster_id", "string", False, "Id of the cluster: the survivor's own id"),
        Column("dup_cluster_size", "int64", False,
               "Documents in the cluster, exact and near copies included (1: unique)"),
    ),
)

DEDUP_DROPPED = Dataset(
    stage="dedup",
    name="dropped",
    doc="Copies removed by dedup, each pointing at the document that survived in its place.",
    columns=(
        Column("id", "string", False, "Document id"),
        Column("url", "string", False, "WARC-Target-URI"),
        Column("host", "string", False, "Host, reversed"),
        Column("lang", "string", False, "Language"),
        Column("pagerank", "double", False, "Host PageRank"),
        Column("drop_reason", "string", False,
               "exact_duplicate, near_duplicate, boilerplate_only (line dedup), held_out or held_out_duplicate "
               "(stages.dedup.held_out), exact_duplicate_earlier_release or near_duplicate_earlier_release (a copy "
               "of a document an earlier release of the corpus kept)"),
        Column("drop_detail", "string", True, "Survivor and estimated similarity"),
        Column("duplicate_of", "string", True, "Id of the surviving copy (null: boilerplate_only)"),
        Column("dup_cluster_id", "string", True, "The cluster (= duplicate_of)"),
        Column("similarity", "double", True, "Estimated Jaccard similarity to the survivor (1.0: exact copy)"),
        Column("warc_path", "string", False, "WARC file"),
        Column("offset", "int64", False, "Offset of the record's gzip member"),
    ),
)

# A release's share of the corpus state (pipeline.core.corpus): the survivors it added, and every cluster it touched.
# A corpus's index is the union of its releases' shares; the next release is deduplicated against it.
DEDUP_INDEX_EXACT = Dataset(
    stage="dedup",
    name="index_exact",
    doc="Exact-hash index share: the normalized-text hash of every survivor this release added to the corpus.",
    columns=(
        Column("exact_hash", "string", False, "Hash of the CCNet-normalized text (as dedup/docs)"),
        Column("cluster_id", "string", False, "The corpus cluster: the id of its first survivor, in any release"),
    ),
)

DEDUP_INDEX_BANDS = Dataset(
    stage="dedup",
    name="index_bands",
    doc="MinHash LSH band index share: the band keys of every survivor this release added to the corpus.",
    columns=(
        Column("band", "int32", False, "Band number (0 .. stages.dedup.bands - 1)"),
        Column("key", "binary", False, "The band's rows of the MinHash signature"),
        Column("cluster_id", "string", False, "The corpus cluster"),
    ),
)

DEDUP_INDEX_CLUSTERS = Dataset(
    stage="dedup",
    name="index_clusters",
    doc="Every corpus cluster this release added documents to: how many, and which copy survives in the corpus.",
    columns=(
        Column("cluster_id", "string", False, "The corpus cluster: the id of its first survivor"),
        Column("added", "int64", False, "Documents of this release in the cluster (its size is the sum over releases)"),
        Column("survivor_id", "string", False, "The corpus's surviving copy after this release"),
        Column("survivor_release", "string", False, "The release that copy is in"),
        Column("superseded_id", "string", True,
               "corpus.survivor newest: the earlier survivor this release's copy replaced, else null"),
        Column("signature", "binary", True, "MinHash signature of this release's survivor (null: none kept here)"),
    ),
)

MIX_DOCS = Dataset(
    stage="mix",
    name="docs",
    doc="How many times each document of dedup/docs goes into training (0: left out by downsampling).",
    columns=(
        Column("id", "string", False, "Document id"),
        Column("lang", "string", False, "Language"),
        Column("tokens", "int64", False, "Tokens under the configured tokenizer, end-of-document token included"),
        Column("weight", "double", False, "Rehydration weight from its duplicate-cluster size (1 when off)"),
        Column("repeats", "int32", False, "Copies in the shards"),
        Column("rank_fraction", "double", False, "Share of its language's tokens in better-ranked documents"),
    ),
)

MIX_TOKENS = Dataset(
    stage="mix",
    name="tokens",
    doc="Every document's tokens, encoded once (token_counts: exact) for the shards to reuse.",
    columns=(
        Column("id", "string", False, "Document id"),
        Column("token_ids", "binary", False,
               "Its tokens and the end-of-document token, as the shards store them (little-endian, the shard dtype)"),
    ),
)

TOKENIZE_LINEAGE = Dataset(
    stage="tokenize",
    name="lineage",
    doc="Where every document of every shard came from.",
    columns=(
        Column("shard", "string", False, "Shard prefix relative to tokenize/ (shards/<lang>/<lang>_<n>)"),
        Column("doc_index", "int64", False, "Document number inside the shard (Megatron document index)"),
        Column("id", "string", False, "Document id"),
        Column("copy", "int32", False, "1 for the first copy, 2.. for repeats the mix plan asked for"),
        Column("tokens", "int64", False, "Tokens of the document in the shard, end-of-document token included"),
        Column("lang", "string", False, "Language"),
        Column("url", "string", False, "WARC-Target-URI"),
        Column("host", "string", False, "Host, reversed"),
        Column("domain", "string", False, "Registered domain, reversed"),
        Column("dup_cluster_size", "int64", False, "Size of the document's duplicate cluster (dedup)"),
        Column("warc_path", "string", False, "WARC file"),
        Column("offset", "int64", False, "Offset of the record's gzip member"),
    ),
)


# ---- artifacts: what stages publish beside their Parquet datasets ----------------------------------------------
HOSTGRAPH_EXPORT = Artifact("hostgraph", "export",
                            "gzip text for the WebGraph tools: vertices/ (id<TAB>host) and edges/ (src<TAB>dst)")
TRAIN_LM_MODELS = Artifact("train-lm", "models", "KenLM binaries, kenlm-<lang>.binary")
TRAIN_QUALITY_MODELS = Artifact("train-quality", "models", "fastText quality classifiers, quality-<group>.bin")
MIX_COUNTS = Artifact("mix", "counts.json", "Documents, bytes and tokens per language, and how tokens were counted")
MIX_PLAN = Artifact("mix", "plan.json", "The mixture plan: per language available → target tokens, epochs, caps")
TOKENIZE_SHARDS = Artifact("tokenize", "shards", "Megatron .bin/.idx shards per language")
COMMIT_STATE = Artifact("commit", "state.json",
                        "The corpus state version this release was committed as (corpus.root), or that it was not")
TOKENIZE_MANIFEST = Artifact("tokenize", "manifest.json", "Shards, their sizes and checksums, the tokenizer, totals")
TOKENIZE_BLEND_JSON = Artifact("tokenize", "blend.json", "Blend weights per shard prefix (JSON)")
TOKENIZE_BLEND_TXT = Artifact("tokenize", "blend.txt", "The same as Megatron's --data-path argument")
