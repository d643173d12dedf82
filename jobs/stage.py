"""spark-submit entry for one stage: `jobs/stage.py --stage NAME`, options in pipeline/jobs.py.

    spark-submit --py-files dist/corpusforge.zip jobs/stage.py --stage extract \
        --config conf/cluster.yaml --crawl CC-MAIN-2024-10 [--set KEY=VALUE ...] [--force]
"""

import sys

from pipeline.jobs import main

if __name__ == "__main__":
    sys.exit(main())
