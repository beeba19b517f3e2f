#!/usr/bin/env python3
"""NumPy's matrix product as the anchor for budget4j's pairwise cosine kernels.

Times np.matmul(a_normalized, b_normalized.T, out=preallocated) -- all cosines between the rows
of two float32 matrices whose rows were scaled to unit length beforehand -- for the shapes of
PairwiseCosineBenchmark (10,000 x 10,000 x 768 by default), once with one BLAS thread and once
with the BLAS library's default thread count (all cores). It also times the whole cosine
(normalizing both matrices, then the product), which is what budget4j's pairwiseCosine does.

Each figure is given two ways: GFLOP/s of wall time, and GFLOP per CPU-second (the process's CPU
time). On a machine shared with other work the wall-time figure measures the share of the cores
this process got; the CPU-time one stays close to what the cores do while it runs (but counts
the time idle BLAS threads spend spinning).

    python3 benchmarks/scripts/numpy_pairwise.py [--rows 10000] [--dims 768] [--reps 5]

A measurement tool, not a test: it exits 0 with a message when NumPy is not installed.
"""
import argparse
import os
import subprocess
import sys

THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def measure(rows, dims, reps):
    import time
    import numpy as np

    flops = 2.0 * rows * rows * dims
    rng = np.random.default_rng(5)
    a = rng.uniform(-1, 1, (rows, dims)).astype(np.float32)
    b = rng.uniform(-1, 1, (rows, dims)).astype(np.float32)
    out = np.empty((rows, rows), np.float32)

    def normalized(m):
        return m / np.linalg.norm(m, axis=1, keepdims=True)

    an, bn = normalized(a), normalized(b)
    np.matmul(an[:256], bn[:256].T)  # load and warm the BLAS library
    for label, body in (("matmul of normalized rows", lambda: np.matmul(an, bn.T, out=out)),
                        ("normalize both + matmul", lambda: np.matmul(normalized(a), normalized(b).T, out=out))):
        walls, cpus = [], []
        for _ in range(reps):
            c0, w0 = time.process_time(), time.perf_counter()
            body()
            cpus.append(time.process_time() - c0)
            walls.append(time.perf_counter() - w0)
        print("  %-26s wall: best %7.1f  median %7.1f GFLOP/s   cpu: best %6.1f  median %6.1f GFLOP per CPU-second"
              % (label, flops / min(walls) / 1e9, flops / sorted(walls)[len(walls) // 2] / 1e9,
                 flops / min(cpus) / 1e9, flops / sorted(cpus)[len(cpus) // 2] / 1e9))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10000, help="rows of each matrix (default 10000)")
    parser.add_argument("--dims", type=int, default=768, help="columns (default 768)")
    parser.add_argument("--reps", type=int, default=5, help="timed calls per variant (default 5)")
    parser.add_argument("--threads", help=argparse.SUPPRESS)  # set by the parent run for its child
    args = parser.parse_args()
    try:
        import numpy as np
    except ImportError:
        print("numpy is not installed: nothing to measure (pip install numpy to compare)")
        return 0

    if args.threads is not None:
        measure(args.rows, args.dims, args.reps)
        return 0

    print("NumPy %s, %d x %d x %d float32, %.4g flops per call, %d CPUs"
          % (np.__version__, args.rows, args.rows, args.dims, 2.0 * args.rows * args.rows * args.dims,
             os.cpu_count() or 0))
    try:
        blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        print("BLAS: %s %s" % (blas.get("name"), blas.get("version")))
    except Exception:  # older NumPy: no dict form; the version above still names the wheel
        pass
    # The BLAS thread count is fixed when the library loads, so each setting runs in a child
    # process started with the thread variables set (or cleared, for the library's default).
    for label, threads in (("1 thread", "1"), ("default threads (all cores)", None)):
        env = {k: v for k, v in os.environ.items() if k not in THREAD_VARIABLES}
        if threads is not None:
            env.update({k: threads for k in THREAD_VARIABLES})
        print("%s:" % label, flush=True)
        subprocess.run([sys.executable, __file__, "--rows", str(args.rows), "--dims", str(args.dims),
                        "--reps", str(args.reps), "--threads", threads or "default"], env=env, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
