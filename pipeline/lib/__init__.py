"""Libraries several stages share: hosts and URLs, language ID, connected components, MinHash, word segmentation,
the tokenizer, the Megatron format, mixture planning, the per-page extraction and the datasets stages exchange.
They import the core only."""
