#!/usr/bin/env python3
"""Run `tandem bench` (release build) and the same job in numpy side by side.

Usage: python3 benchmarks/engine/compare.py [--rounds 5] [--no-build]

Rounds alternate engine and numpy so both see the same machine load; the best round of each is
compared (the machine is shared, so the best round is the one least disturbed). Besides wall-clock
examples per second (what `tandem bench --json` reports) it prints examples per CPU-second of
the timed loop, which other processes on the cores disturb much less. numpy runs with
OPENBLAS_NUM_THREADS=1 (the engine uses one core) and without OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE,
which some machines here set for old OpenBLAS builds and which slow a current one; a second numpy
figure with OpenBLAS's default threads is printed for reference.
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NUMPY_JOB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "numpy_bench.py")


STEPS, BATCH = 200, 64
CPU_MS = re.compile(r"CPU ([0-9.]+) ms")


def run(cmd, env):
    """Runs a job printing a CPU time ('CPU n ms') and then its JSON line; returns (json, cpu_s)."""
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1]), float(CPU_MS.search(out).group(1)) / 1000


def run_engine(tandem, env):
    """`tandem bench` in text form (it holds the JSON figures and the CPU time)."""
    # Wide enough that no figure is wrapped onto another line whatever $COLUMNS says.
    out = subprocess.run([tandem, "bench", "--ascii", "--color", "never", "--width", "200"], check=True, capture_output=True,
                         text=True, env=env, cwd=ROOT).stdout
    figures = {
        "examples_per_second": float(re.search(r"examples/second\s+([0-9.]+)", out).group(1)),
        "gflops": float(re.search(r"GFLOPS\s+([0-9.]+)", out).group(1)),
    }
    return figures, float(CPU_MS.search(out).group(1)) / 1000


def numpy_env(threads):
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    if threads:
        env["OPENBLAS_NUM_THREADS"] = str(threads)
    else:
        env.pop("OPENBLAS_NUM_THREADS", None)
    return env


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not args.no_build:
        # Built as README's quick start builds it: a fully static binary.
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "-Xswiftc", "-static-executable",
                        "--product", "tandem"], check=True, cwd=ROOT)
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "-Xswiftc", "-static-executable", "--show-bin-path"], check=True,
                              capture_output=True, text=True, cwd=ROOT).stdout.strip()
    tandem = os.path.join(bin_path, "tandem")
    kernels = {"engine (auto kernel)": None, "engine (portable kernel)": "portable"}
    best = {name: 0.0 for name in list(kernels) + ["numpy (1 thread)", "numpy (default threads)"]}
    gflops, per_cpu_second = dict(best), dict(best)
    for round_ in range(args.rounds):
        for name, kernel in kernels.items():
            env = dict(os.environ)
            if kernel:
                env["TANDEM_ENGINE_KERNEL"] = kernel
            r, cpu = run_engine(tandem, env)
            best[name] = max(best[name], r["examples_per_second"])
            gflops[name] = max(gflops[name], r["gflops"])
            per_cpu_second[name] = max(per_cpu_second[name], STEPS * BATCH / cpu)
        for name, threads in (("numpy (1 thread)", 1), ("numpy (default threads)", None)):
            r, cpu = run([sys.executable, NUMPY_JOB, "--verbose"], numpy_env(threads))
            best[name] = max(best[name], r["examples_per_second"])
            gflops[name] = max(gflops[name], r["gflops"])
            per_cpu_second[name] = max(per_cpu_second[name], STEPS * BATCH / cpu)
        print(f"round {round_ + 1}/{args.rounds} done", file=sys.stderr)
    reference = best["numpy (1 thread)"]
    cpu_reference = per_cpu_second["numpy (1 thread)"]
    print(f"{'job':<26}{'examples/s':>11}{'GFLOPS':>8}{'ratio':>7}{'examples/CPU-s':>16}{'ratio':>7}")
    for name in best:
        print(f"{name:<26}{best[name]:>11.0f}{gflops[name]:>8.2f}{best[name] / reference:>7.2f}"
              f"{per_cpu_second[name]:>16.0f}{per_cpu_second[name] / cpu_reference:>7.2f}")
    print("ratio: against numpy with one thread; numpy's CPU time counts all its threads.")


if __name__ == "__main__":
    main()
