#!/usr/bin/env python3
"""The seed MLP in PyTorch with mtc's optimizers and schedules, for bench/accuracy.sh.

  torch_optimizers.py --optimizer sgd|adam|adamw [--lr X] [--momentum X] [--weight-decay X]
                      [--schedule none|cosine|step] [--every N] [--gamma X] [--warmup N]
                      [--epochs E] [--seed S] [--data DIR]

The same objects mtc's README names: torch.optim.SGD/Adam/AdamW, and per epoch StepLR,
CosineAnnealingLR(T_max=E) or SequentialLR([LinearLR(0.1, 1.0, N), MAIN], [N]) for a warm-up. Data
loading is the reference's (../shared/reference/torch_mlp.py). Prints one line per epoch and
  RESULT test_acc=A
"""
import argparse
import os
import sys

import torch
import torch.nn as nn
from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, SequentialLR, StepLR

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, os.path.join(ROOT, "..", "shared", "reference"))
sys.dont_write_bytecode = True
import torch_mlp  # noqa: E402  (its load() reads the MNIST IDX files)


def schedule(opt, a):
    main_epochs = a.epochs - a.warmup
    if a.schedule == "none":
        return None
    main = (StepLR(opt, step_size=a.every, gamma=a.gamma) if a.schedule == "step"
            else CosineAnnealingLR(opt, T_max=main_epochs, eta_min=a.min_lr))
    if a.warmup == 0:
        return main
    warm = LinearLR(opt, start_factor=0.1, end_factor=1.0, total_iters=a.warmup)
    return SequentialLR(opt, [warm, main], milestones=[a.warmup])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data", "mnist"))
    ap.add_argument("--optimizer", choices=["sgd", "adam", "adamw"], default="sgd")
    ap.add_argument("--lr", type=float, default=None)
    ap.add_argument("--momentum", type=float, default=0.0)
    ap.add_argument("--weight-decay", type=float, default=None)
    ap.add_argument("--schedule", choices=["none", "cosine", "step"], default="none")
    ap.add_argument("--every", type=int, default=1)
    ap.add_argument("--gamma", type=float, default=0.1)
    ap.add_argument("--min-lr", type=float, default=0.0)
    ap.add_argument("--warmup", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(a.seed)
    xtr, ytr = torch_mlp.load(a.data, "train")
    xte, yte = torch_mlp.load(a.data, "test")
    model = nn.Sequential(nn.Linear(784, 256), nn.BatchNorm1d(256), nn.ReLU(), nn.Dropout(0.2), nn.Linear(256, 10))
    if a.optimizer == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=a.lr or 0.1, momentum=a.momentum,
                              weight_decay=a.weight_decay or 0.0)
    else:
        make = torch.optim.Adam if a.optimizer == "adam" else torch.optim.AdamW
        wd = a.weight_decay if a.weight_decay is not None else (0.0 if a.optimizer == "adam" else 0.01)
        opt = make(model.parameters(), lr=a.lr or 1e-3, weight_decay=wd)
    sched = schedule(opt, a)
    lossf = nn.CrossEntropyLoss()
    n = xtr.shape[0]
    for ep in range(a.epochs):
        model.train()
        perm = torch.randperm(n)
        lr = opt.param_groups[0]["lr"]
        for i in range(0, n, 64):
            j = perm[i:i + 64]
            opt.zero_grad(set_to_none=True)
            lossf(model(xtr[j]), ytr[j]).backward()
            opt.step()
        if sched:
            sched.step()
        model.eval()
        with torch.no_grad():
            acc = (model(xte).argmax(1) == yte).float().mean().item()
        print(f"epoch {ep + 1}: lr {lr:.6g} test_acc {acc:.4f}", flush=True)
    print(f"RESULT test_acc={acc:.4f}")


if __name__ == "__main__":
    main()
