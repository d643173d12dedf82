"""The ground floor: configuration base, the stage contract, dataset schemas, storage, the Spark session, archive
readers and decoding. It imports nothing of corpusforge above it."""
