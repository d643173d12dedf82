"""spark-submit job: check the release's inputs exist before any stage runs. Options: pipeline/jobs.py."""

import sys

from pipeline.jobs import check_inputs

if __name__ == "__main__":
    sys.exit(check_inputs())
