#!/usr/bin/env python3
"""The `tandem bench` job in numpy (float64): MLP 64->128->128->4, ReLU, softmax
cross-entropy, Adam (lr 1e-3), batch 64, 200 steps over a seeded 4,096-row dataset.

Same shapes, steps and operations as ToyEngine's EngineBenchmark (data differ: numpy's own
seeded generator). Prints {"examples_per_second": e, "gflops": g} for the fastest of --repeats runs.
"""
import argparse
import json
import time

import numpy as np

ROWS, WIDTHS, BATCH, STEPS = 4096, [64, 128, 128, 4], 64, 200


def run_once(x, y_onehot, order, seed):
    rng = np.random.default_rng(seed)
    params = []
    for fan_in, fan_out in zip(WIDTHS, WIDTHS[1:]):
        params.append(rng.normal(0.0, np.sqrt(2.0 / fan_in), (fan_in, fan_out)))
        params.append(np.zeros((1, fan_out)))
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, b1, b2, eps = 1e-3, 0.9, 0.999, 1e-8
    layers = len(params) // 2
    loss = 0.0
    start, cpu_start = time.perf_counter(), time.process_time()
    for step in range(STEPS):
        first = (step * BATCH) % ROWS
        batch = order[first:first + BATCH]
        h, t = x[batch], y_onehot[batch]
        inputs, pre = [], []
        for l in range(layers):
            inputs.append(h)
            z = h @ params[2 * l] + params[2 * l + 1]
            if l < layers - 1:
                pre.append(z)
                h = np.maximum(z, 0.0)
            else:
                h = z
        z = h - h.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -(t * logp).sum() / BATCH
        dy = (np.exp(logp) - t) / BATCH
        grads = [None] * len(params)
        for l in range(layers - 1, -1, -1):
            grads[2 * l] = inputs[l].T @ dy
            grads[2 * l + 1] = dy.sum(axis=0, keepdims=True)
            if l > 0:
                dy = (dy @ params[2 * l].T) * (pre[l - 1] > 0)
        c1 = 1.0 / (1.0 - b1 ** (step + 1))
        c2 = 1.0 / (1.0 - b2 ** (step + 1))
        for p, g, mi, vi in zip(params, grads, m, v):
            mi *= b1
            mi += (1 - b1) * g
            vi *= b2
            vi += (1 - b2) * g * g
            p -= lr * (mi * c1) / (np.sqrt(vi * c2) + eps)
    return time.perf_counter() - start, time.process_time() - cpu_start, loss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    x = rng.normal(size=(ROWS, WIDTHS[0]))
    teacher = rng.normal(size=(WIDTHS[0], WIDTHS[-1]))
    labels = (x @ teacher).argmax(axis=1)
    y_onehot = np.eye(WIDTHS[-1])[labels]
    order = rng.permutation(ROWS)
    best, cpu, loss = min(run_once(x, y_onehot, order, args.seed + 1) for _ in range(args.repeats))
    eps = STEPS * BATCH / best
    cost = sum(a * b for a, b in zip(WIDTHS, WIDTHS[1:]))
    if args.verbose:
        print(f"numpy {np.__version__}: {best * 1000:.1f} ms (CPU {cpu * 1000:.1f} ms, all threads), final loss {loss:.4f}")
    print(json.dumps({"examples_per_second": round(eps, 1), "gflops": round(6 * cost * eps / 1e9, 3)}))


if __name__ == "__main__":
    main()
