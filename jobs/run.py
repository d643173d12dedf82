"""spark-submit entry point for the whole pipeline or chosen stages.

    spark-submit --py-files dist/corpusforge.zip jobs/run.py \
        --config conf/cluster.yaml --crawl CC-MAIN-2024-10 --stages index

Takes the same options as `corpusforge run`; the master and executors come from spark-submit.
"""

import sys

from pipeline.cli import app

if __name__ == "__main__":
    sys.exit(app(["run", *sys.argv[1:]], standalone_mode=True))
