#!/usr/bin/env python3
"""Optimizer and schedule parity fixtures for mtc (cli/src/test/java/mtc/parity/OptimizerParityTest.java).

Needs Debian's python3-torch; run with /usr/bin/python3. A small model, linear(784,32) -> relu ->
batchnorm -> linear(32,10) (its initial weights, seed 0, in OUT/init.safetensors) takes three
steps on the batches of make_parity_fixtures.py with each optimizer below; a schedule is stepped after every step, as if each epoch were one batch, so that
the learning rate changes between steps (a run of E = 3 epochs). Per case C, in OUT/optim/C:
after.safetensors (the state dict), state.safetensors (the optimizer state: PARAM.momentum_buffer, or
PARAM.exp_avg and PARAM.exp_avg_sq, in state-dict layout), expected.safetensors (losses [3], lrs [3]:
the learning rate of each step). Deterministic: rerunning it leaves git status clean. It also prints
how far a float32 run lies from a float64 run of the same steps (up to 1.6e-5 of a tensor's largest
value for the optimizer state, 8e-6 for the parameters): the floor of the Java test's tolerance.

  make_optimizer_fixtures.py [--out DIR] [--data DIR]
"""
import argparse
import os
import sys
import warnings

import torch
import torch.nn as nn
from torch.optim import SGD, Adam, AdamW
from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, SequentialLR, StepLR

sys.dont_write_bytecode = True
# SequentialLR steps the schedule after a milestone with step(0), which PyTorch 1.13 warns about itself.
warnings.filterwarnings("ignore", category=UserWarning, module="torch.optim.lr_scheduler")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_parity_fixtures as base  # noqa: E402
import safetensors_io  # noqa: E402

EPOCHS = 3
HIDDEN = 32  # wide enough for mtc to store the first weight transposed (as the seed model's)
# The norm after the relu: before it (as in the seed model) the first bias's gradient is zero but for
# rounding noise, which Adam's normalised step would turn into steps of a full learning rate.


def make_model():
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(784, HIDDEN), nn.ReLU(), nn.BatchNorm1d(HIDDEN), nn.Linear(HIDDEN, 10))


def warmup(opt, n, main):
    """mtc's `warmup = n`: SequentialLR of LinearLR(0.1 -> 1.0 over n) and the main schedule."""
    return SequentialLR(opt, [LinearLR(opt, start_factor=0.1, end_factor=1.0, total_iters=n), main],
                        milestones=[n])


# name: (optimizer, schedule or None); the .mt statements of each case are in OptimizerParityTest.
CASES = {
    "sgd-momentum": (lambda p: SGD(p, lr=0.1, momentum=0.9, weight_decay=5e-4), None),
    "sgd-nesterov": (lambda p: SGD(p, lr=0.05, momentum=0.9, nesterov=True), None),
    "adam": (lambda p: Adam(p, lr=1e-3, weight_decay=1e-4), None),
    "adamw": (lambda p: AdamW(p, lr=2e-3, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.05), None),
    "step": (lambda p: SGD(p, lr=0.1, momentum=0.9), lambda o: StepLR(o, step_size=1, gamma=0.5)),
    "cosine": (lambda p: Adam(p, lr=1e-3), lambda o: CosineAnnealingLR(o, T_max=EPOCHS, eta_min=1e-4)),
    "warmup-cosine": (lambda p: SGD(p, lr=0.1, momentum=0.9),
                      lambda o: warmup(o, 1, CosineAnnealingLR(o, T_max=EPOCHS - 1, eta_min=0.0))),
    "warmup-step": (lambda p: AdamW(p, lr=1e-3),
                    lambda o: warmup(o, 2, StepLR(o, step_size=1, gamma=0.5))),
}


def optimizer_state(model, opt):
    """The optimizer's tensors by mtc's names: PARAM.KEY for each parameter's state."""
    out = {}
    for name, p in model.named_parameters():
        for key, value in opt.state[p].items():
            if torch.is_tensor(value) and value.dim() > 0:
                out[f"{name}.{key}"] = value.detach().clone()
    return out


def run(case, xs, ys, dtype=torch.float32):
    make_opt, make_schedule = CASES[case]
    model = make_model().to(dtype)
    opt = make_opt(model.parameters())
    schedule = make_schedule(opt) if make_schedule else None
    lossf = nn.CrossEntropyLoss()
    model.train()
    losses, lrs = [], []
    for x, y in zip(xs, ys):
        lrs.append(opt.param_groups[0]["lr"])
        opt.zero_grad(set_to_none=True)
        loss = lossf(model(x.reshape(base.BATCH, 784)), y)
        loss.backward()
        opt.step()
        if schedule:
            schedule.step()
        losses.append(loss.item())
    return model, opt, losses, lrs


def float64_noise(case, xs, ys):
    """Max |float32 - float64| / max |float64| over the state and over the parameters: the noise floor."""
    m32, o32, _, _ = run(case, xs, ys, torch.float32)
    m64, o64, _, _ = run(case, xs.double(), ys, torch.float64)
    s32, s64 = optimizer_state(m32, o32), optimizer_state(m64, o64)
    p32, p64 = m32.state_dict(), m64.state_dict()
    state = max((s32[k].double() - s64[k]).abs().max().item() / s64[k].abs().max().item() for k in s64)
    params = max((p32[k].double() - p64[k]).abs().max().item() / p64[k].abs().max().item()
                 for k in p64 if p64[k].is_floating_point())
    print(f"  {case}: float32 vs float64, relative: optimizer state {state:.2e}, parameters {params:.2e}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(base.DEFAULT_OUT, "optim"), help="fixture folder")
    ap.add_argument("--data", default=base.DEFAULT_DATA, help="folder of the gzipped MNIST IDX files")
    a = ap.parse_args()
    torch.set_num_threads(1)
    xs, ys = base.mnist_batches(a.data)
    os.makedirs(a.out, exist_ok=True)
    safetensors_io.save(os.path.join(a.out, "init.safetensors"), make_model().state_dict())
    for case in CASES:
        model, opt, losses, lrs = run(case, xs, ys)
        folder = os.path.join(a.out, case)
        os.makedirs(folder, exist_ok=True)
        safetensors_io.save(os.path.join(folder, "after.safetensors"), model.state_dict())
        safetensors_io.save(os.path.join(folder, "state.safetensors"), optimizer_state(model, opt))
        expected = {"losses": torch.tensor(losses), "lrs": torch.tensor(lrs, dtype=torch.float32)}
        safetensors_io.save(os.path.join(folder, "expected.safetensors"), expected)
        print(f"{case}: lrs {lrs} losses {' '.join(f'{v:.7f}' for v in losses)}")
        float64_noise(case, xs, ys)


if __name__ == "__main__":
    main()
