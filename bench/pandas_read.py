#!/usr/bin/env python3
"""Reads the bench's national CSV files with pandas, for the row of `make
bench` that sets the import against what a user would otherwise run.

    pandas_read.py FILE...

Reads each file whole with pandas.read_csv (the C parser, default types)
and prints "PANDAS seconds rows version".  Reading only: no checks, no
store, no index; the import does all of those.
"""
import sys
import time


def main(paths):
    t0 = time.perf_counter()
    import pandas as pd

    rows = 0
    for p in paths:
        rows += len(pd.read_csv(p, low_memory=False))
    print("PANDAS %.3f %d %s" % (time.perf_counter() - t0, rows, pd.__version__))


if __name__ == "__main__":
    main(sys.argv[1:])
