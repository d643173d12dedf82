"""A corpus across releases: the layout of a corpus root and its versioned state.

    <root>/releases/<crawl>/<stage>/…        one release's run: its output root (``config.output``)
    <root>/state/versions/<NNNNNN>.json      the state, one immutable file per version

A version lists the releases the corpus holds, in the order they were added, each with the config digests of the
stages whose published outputs make up the state: a release's ``dedup`` stage publishes its share of the
exact-hash, MinHash band and cluster indexes (``dedup/index_*``) and its ``hostgraph`` stage the release's graph.
The state is the union of those shares over the version's releases — log-structured, like a table format's
snapshots: it grows by one share per release, and no release's published outputs are ever rewritten.

The current version is the highest-numbered file. A new version is written under a temporary name and renamed
into place (a rename to a new name is atomic on a local or HDFS filesystem; on S3 the object appears whole or not
at all), so a run killed at any moment leaves the previous version current and intact; a leftover temporary file is
ignored and removed by the next commit.

Release N is deduplicated against the version that precedes it: the current version while N is new, or — when N
is the latest release and runs again — the version N was added to. Rerunning an earlier release would fork the
corpus (later releases were deduplicated against its old outputs) and is refused.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Protocol

from pipeline.core.stage import StageError

STATE_DIR = "state"
VERSIONS_DIR = "versions"
RELEASES_DIR = "releases"
VERSION_DIGITS = 6
TEMPORARY_PREFIX = "_tmp-"


class CorpusError(StageError):
    """The corpus state forbids what was asked; the message says why and what to do (no retry fixes it)."""


class Files(Protocol):
    """The few file operations the state needs: the stage contract's HadoopFS, or pyarrow's filesystems in the CLI."""

    def read_text(self, path: str) -> str | None: ...

    def write_text(self, path: str, text: str) -> None: ...

    def rename(self, source: str, target: str) -> None: ...

    def delete(self, path: str) -> None: ...

    def list_names(self, path: str) -> list[str]: ...


@dataclass(frozen=True)
class ReleaseEntry:
    crawl: str
    # The config digests (``_SUCCESS``) of the release's published stages the state is made of: a state version
    # names exactly which outputs it unions, and a stage digest that depends on the state changes with them.
    digests: dict[str, str] = field(default_factory=dict)
    committed: float = 0.0


@dataclass(frozen=True)
class StateVersion:
    number: int  # 0: the empty state of a corpus no release has been committed to
    parent: int | None = None  # the version this one extends (None for the empty state)
    releases: tuple[ReleaseEntry, ...] = ()
    written: float = 0.0

    @property
    def crawls(self) -> list[str]:
        return [entry.crawl for entry in self.releases]

    def window(self, releases: int) -> list[ReleaseEntry]:
        """The last ``releases`` releases of this version (a host graph window's earlier releases)."""
        return list(self.releases[-releases:]) if releases > 0 else []

    def digest(self, stage: str | None = None) -> str:
        """Stable digest of the releases this version holds (with the named stage's digests, or all of them)."""
        parts = [(entry.crawl, entry.digests.get(stage) if stage else entry.digests) for entry in self.releases]
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]

    def to_json(self) -> str:
        return json.dumps({"number": self.number, "parent": self.parent, "written": self.written,
                           "releases": [asdict(entry) for entry in self.releases]}, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> StateVersion:
        data = json.loads(text)
        return cls(number=int(data["number"]), parent=data.get("parent"), written=float(data.get("written", 0.0)),
                   releases=tuple(ReleaseEntry(**entry) for entry in data.get("releases", [])))


EMPTY = StateVersion(number=0)


def release_root(root: str, crawl: str) -> str:
    """Where release ``crawl`` of the corpus at ``root`` is written: its run's output root."""
    return f"{root.rstrip('/')}/{RELEASES_DIR}/{crawl}"


def _versions_path(root: str) -> str:
    return f"{root.rstrip('/')}/{STATE_DIR}/{VERSIONS_DIR}"


def _version_name(number: int) -> str:
    return f"{number:0{VERSION_DIGITS}d}.json"


def version_numbers(files: Files, root: str) -> list[int]:
    """The committed versions, oldest first (temporary files of interrupted commits are not versions)."""
    names = files.list_names(_versions_path(root))
    return sorted(int(name[:-5]) for name in names
                  if name.endswith(".json") and name[:-5].isdigit() and not name.startswith(TEMPORARY_PREFIX))


def read_version(files: Files, root: str, number: int) -> StateVersion:
    if number == 0:
        return EMPTY
    text = files.read_text(f"{_versions_path(root)}/{_version_name(number)}")
    if text is None:
        raise CorpusError(f"corpus state version {number} is missing under {_versions_path(root)}")
    try:
        return StateVersion.from_json(text)
    except (ValueError, KeyError, TypeError) as exc:
        raise CorpusError(f"corpus state version {number} under {_versions_path(root)} is unreadable: {exc}") from None


def current(files: Files, root: str) -> StateVersion:
    """The corpus's current state (the empty state when nothing was committed yet)."""
    numbers = version_numbers(files, root)
    return read_version(files, root, numbers[-1]) if numbers else EMPTY


def base_for(files: Files, root: str, crawl: str, state: StateVersion | None = None) -> StateVersion:
    """The state release ``crawl`` is deduplicated against and extends (see the module docstring); ``state``: the
    current version when the caller has already read it."""
    state = current(files, root) if state is None else state
    if crawl not in state.crawls:
        return state
    if state.crawls[-1] != crawl:
        later = state.crawls[state.crawls.index(crawl) + 1:]
        raise CorpusError(
            f"release {crawl} is already in the corpus at {root} and {', '.join(later)} came after it: those "
            f"releases were deduplicated against its outputs, so running it again would fork the corpus. Start a "
            f"new corpus root to rebuild from {crawl}, or run a new release")
    return read_version(files, root, state.parent or 0)


def commit(files: Files, root: str, crawl: str, digests: dict[str, str]) -> tuple[StateVersion, bool]:
    """Add release ``crawl`` (with its stages' digests) to the state: a new version extending ``base_for``'s.
    Returns the version and whether one was written (False: the current version already holds exactly this)."""
    state = current(files, root)
    if state.crawls and state.crawls[-1] == crawl and state.releases[-1].digests == digests:
        return state, False
    base = base_for(files, root, crawl, state)
    version = StateVersion(number=state.number + 1, parent=base.number,
                           releases=(*base.releases, ReleaseEntry(crawl, dict(digests), time.time())),
                           written=time.time())
    folder = _versions_path(root)
    for name in files.list_names(folder):
        if name.startswith(TEMPORARY_PREFIX):  # left by a commit that was killed before its rename
            files.delete(f"{folder}/{name}")
    temporary = f"{folder}/{TEMPORARY_PREFIX}{uuid.uuid4().hex[:12]}.json"
    files.write_text(temporary, version.to_json())
    files.rename(temporary, f"{folder}/{_version_name(version.number)}")
    return version, True


class ArrowFiles:
    """``Files`` over a pyarrow filesystem (local or S3), for reading the state without Spark (the CLI)."""

    def __init__(self, filesystem, located):
        self._fs = filesystem
        self._located = located  # maps a URL to the filesystem's path

    def read_text(self, path: str) -> str | None:
        try:
            with self._fs.open_input_stream(self._located(path)) as stream:
                return stream.read().decode("utf-8")
        except (FileNotFoundError, OSError):
            return None

    def write_text(self, path: str, text: str) -> None:
        located = self._located(path)
        self._fs.create_dir(located.rsplit("/", 1)[0], recursive=True)  # object stores: a no-op
        with self._fs.open_output_stream(located) as stream:
            stream.write(text.encode("utf-8"))

    def rename(self, source: str, target: str) -> None:
        self._fs.move(self._located(source), self._located(target))

    def delete(self, path: str) -> None:
        self._fs.delete_file(self._located(path))

    def list_names(self, path: str) -> list[str]:
        from pyarrow import fs as pafs

        try:
            infos = self._fs.get_file_info(pafs.FileSelector(self._located(path), allow_not_found=True))
        except (FileNotFoundError, OSError):
            return []
        return sorted(info.base_name for info in infos)
