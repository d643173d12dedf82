"""corpusforge: Common Crawl to a multilingual pretraining corpus, ranked the way a search engine ranks sites."""

__version__ = "0.1.0"
