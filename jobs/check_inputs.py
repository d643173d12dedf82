"""spark-submit job: check the release's inputs exist before any stage runs. Options: pipeline/jobs.py."""

import os
import sys

# This folder leaves the import path first: job files named after stages (select, tokenize) would otherwise
# shadow the standard library's modules of the same names.
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [path for path in sys.path if os.path.abspath(path or ".") != HERE]

from pipeline.jobs import check_inputs  # noqa: E402

if __name__ == "__main__":
    sys.exit(check_inputs())
