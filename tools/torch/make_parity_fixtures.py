#!/usr/bin/env python3
"""PyTorch parity fixtures for mtc, and a check that PyTorch loads what mtc saves.

Needs Debian's python3-torch; run with /usr/bin/python3. CI never runs this: the fixtures it
writes are committed, and cli/src/test/java/mtc/parity/TorchParityTest.java compares mtc with them.

  make_parity_fixtures.py [--out DIR] [--data DIR]   writes the fixtures (deterministic)
  make_parity_fixtures.py --check-load FILE          loads an mtc-saved file, prints OK and outputs

Fixtures, per model M in MODELS (folder OUT/M): init.safetensors (state dict before training),
after.safetensors (after three SGD steps, lr 0.1, mean cross-entropy, on the three batches of
OUT/batches.safetensors), expected.safetensors (losses [3] of the three steps; eval_probs [64,10],
the eval-mode softmax of batch 0 after training). Dropout has p = 0: PyTorch's masks come from
its own generator, which mtc cannot reproduce; dropout is checked by finite differences elsewhere.
"""
import argparse
import gzip
import os
import struct
import sys

import torch
import torch.nn as nn

sys.dont_write_bytecode = True  # keep tools/torch free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import safetensors_io  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
DEFAULT_OUT = os.path.join(ROOT, "cli", "src", "test", "resources", "parity")
DEFAULT_DATA = os.path.join(ROOT, "..", "shared", "data", "mnist")
BATCHES, BATCH, LR = 3, 64, 0.1



class Residual(nn.Module):
    """residual(BODY, shortcut = CHAIN): body(x) + shortcut(x), state-dict names as in the SPEC."""
    def __init__(self, body, shortcut=None):
        super().__init__()
        self.body = nn.Sequential(*body)
        if shortcut is not None:
            self.shortcut = nn.Sequential(*shortcut)

    def forward(self, x):
        return self.body(x) + (self.shortcut(x) if hasattr(self, "shortcut") else x)


def basic(c):
    return [nn.Conv2d(c, c, 3, padding=1), nn.BatchNorm2d(c), nn.ReLU(), nn.Conv2d(c, c, 3, padding=1), nn.BatchNorm2d(c)]


def down(cin, c):
    return [nn.Conv2d(cin, c, 3, stride=2, padding=1), nn.BatchNorm2d(c), nn.ReLU(),
            nn.Conv2d(c, c, 3, padding=1), nn.BatchNorm2d(c)]


# The .mt text of each model is in TorchParityTest; layer indices match nn.Sequential's.
MODELS = {
    # linear(784,256) -> batchnorm -> relu -> dropout(0.0) -> linear(256,10)
    "mlp": lambda: nn.Sequential(nn.Linear(784, 256), nn.BatchNorm1d(256), nn.ReLU(),
                                 nn.Dropout(0.0), nn.Linear(256, 10)),
    # input [4,14,14]; batchnorm -> relu -> flatten -> linear(784,10): BatchNorm2d per channel
    "bn2d": lambda: nn.Sequential(nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(784, 10)),
    # examples/lenet5.mt (torch_cnn.py --model lenet5)
    "lenet5": lambda: nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                                    nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                                    nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(),
                                    nn.Linear(84, 10)),
    # examples/bnnet.mt (torch_cnn.py --model bnnet)
    "bnnet": lambda: nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
                                   nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
                                   nn.Flatten(), nn.Linear(3136, 128), nn.ReLU(), nn.Linear(128, 10)),
    # torch_cnn.py --model resnet: blocks and residual connections, with and without a shortcut
    "resnet": lambda: nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(),
                                    Residual(basic(16)), nn.ReLU(), Residual(basic(16)), nn.ReLU(),
                                    Residual(down(16, 32), [nn.Conv2d(16, 32, 1, stride=2), nn.BatchNorm2d(32)]),
                                    nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10)),
    # every window option: stride, asymmetric and 'same' padding, dilation, no bias, overlapping
    # max pooling, average pooling with padding, global average pooling
    "windows": lambda: nn.Sequential(nn.Conv2d(1, 5, (3, 4), stride=(2, 1), padding=(1, 2), dilation=(1, 2)),
                                     nn.ReLU(), nn.MaxPool2d(3, stride=2, padding=1),
                                     nn.Conv2d(5, 6, 4, padding="same", bias=False), nn.AvgPool2d(2, padding=1),
                                     nn.Conv2d(6, 7, 1), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(7, 10)),
    # linear(784,64) -> tanh -> linear(64) -> sigmoid -> linear(64) -> gelu -> linear(64)
    #   -> leaky_relu(slope = 0.1) -> linear(10)
    "activations": lambda: nn.Sequential(nn.Linear(784, 64), nn.Tanh(), nn.Linear(64, 64), nn.Sigmoid(),
                                         nn.Linear(64, 64), nn.GELU(), nn.Linear(64, 64), nn.LeakyReLU(0.1),
                                         nn.Linear(64, 10)),
}
INPUT_SHAPES = {"mlp": (784,), "bn2d": (4, 14, 14), "lenet5": (1, 28, 28), "bnnet": (1, 28, 28),
                "windows": (1, 28, 28), "activations": (784,), "resnet": (1, 28, 28)}


def read_idx(path):
    with gzip.open(path, "rb") as f:
        b = f.read()
    dims = struct.unpack(">" + "I" * b[3], b[4:4 + 4 * b[3]])
    return torch.frombuffer(bytearray(b[4 + 4 * b[3]:]), dtype=torch.uint8).reshape(dims)


def mnist_batches(data_dir):
    """The first 192 training images (pixels / 255) and labels, as [3,64,784] and [3,64]."""
    n = BATCHES * BATCH
    x = read_idx(os.path.join(data_dir, "train-images-idx3-ubyte.gz"))[:n].float() / 255.0
    y = read_idx(os.path.join(data_dir, "train-labels-idx1-ubyte.gz"))[:n].long()
    return x.reshape(BATCHES, BATCH, 784), y.reshape(BATCHES, BATCH)


def train(model, xs, ys, shape):
    """Three SGD steps; returns the three mean losses."""
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    lossf = nn.CrossEntropyLoss()
    model.train()
    losses = []
    for x, y in zip(xs, ys):
        opt.zero_grad(set_to_none=True)
        loss = lossf(model(x.reshape(BATCH, *shape)), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return torch.tensor(losses, dtype=xs.dtype)


def eval_probs(model, x, shape):
    model.eval()
    with torch.no_grad():
        return torch.softmax(model(x.reshape(x.shape[0], *shape)), dim=1)


def make_model(name, dtype):
    torch.manual_seed(0)
    return MODELS[name]().to(dtype)


def float64_noise(name, xs, ys):
    """Max |float32 - float64| of the trained state per tensor: the rounding noise floor."""
    m32, m64 = make_model(name, torch.float32), make_model(name, torch.float64)
    shape = INPUT_SHAPES[name]
    train(m32, xs, ys, shape)
    train(m64, xs.double(), ys, shape)
    s64 = m64.state_dict()
    for k, v in m32.state_dict().items():
        if v.is_floating_point():
            d = (v.double() - s64[k]).abs().max().item()
            scale = s64[k].abs().max().item()
            print(f"  {name} {k:24s} max|f32-f64| {d:.2e}  max|w| {scale:.2e}  relative {d / scale:.2e}")


def write_model_fixtures(name, xs, ys, out):
    model = make_model(name, torch.float32)
    shape = INPUT_SHAPES[name]
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    safetensors_io.save(os.path.join(folder, "init.safetensors"), model.state_dict())
    losses = train(model, xs, ys, shape)
    safetensors_io.save(os.path.join(folder, "after.safetensors"), model.state_dict())
    # The same steps in float64 (stored as float32): how far PyTorch's own float32 run lies from
    # the exact answer, per tensor, which is the rounding noise a deep model's test allows for.
    exact = make_model(name, torch.float64)
    train(exact, xs.double(), ys, shape)
    safetensors_io.save(os.path.join(folder, "after64.safetensors"),
                        {k: (v.float() if v.is_floating_point() else v) for k, v in exact.state_dict().items()})
    expected = {"losses": losses, "eval_probs": eval_probs(model, xs[0], shape)}
    safetensors_io.save(os.path.join(folder, "expected.safetensors"), expected)
    print(f"{name}: losses {' '.join(f'{v:.7f}' for v in losses.tolist())}")


ACTIVATIONS = {"tanh": nn.Tanh(), "sigmoid": nn.Sigmoid(), "gelu": nn.GELU(), "leaky_relu": nn.LeakyReLU(0.1)}


def activation_inputs():
    """Special values, 16 points in each binade from 2^-20 to 2^6 of both signs, uniform in [-12, 12].

    The length is a multiple of 64, so that PyTorch runs its vectorised kernels on every element
    (a remainder would go through its scalar code, which computes erf and tanh differently)."""
    inf, nan = float("inf"), float("nan")
    special = [0.0, -0.0, inf, -inf, nan, 1e-30, -1e-30, 1.4e-45, -1.4e-45, 3.4e38, -3.4e38,
               88.72, -88.72, 88.73, -88.73, 100.0, -100.0]
    binades = torch.cat([(1 + torch.arange(16) / 16) * 2.0 ** e for e in range(-20, 7)])
    head = torch.cat([torch.tensor(special), binades, -binades]).float()
    g = torch.Generator().manual_seed(0)
    return torch.cat([head, torch.rand(4096 - len(head), generator=g) * 24 - 12]), g


def write_activation_fixture(out):
    """x, dy, and per activation A: A (its output) and A_grad (dy times its derivative, by autograd)."""
    x, g = activation_inputs()
    dy = torch.rand(len(x), generator=g) * 2 - 1
    tensors = {"x": x, "dy": dy}
    for name, module in ACTIVATIONS.items():
        xr = x.clone().requires_grad_(True)
        y = module(xr)
        y.backward(dy)
        tensors[name], tensors[name + "_grad"] = y.detach(), xr.grad
    safetensors_io.save(os.path.join(out, "activation_kernels.safetensors"), tensors)


def make_fixtures(out, data_dir):
    torch.set_num_threads(1)
    xs, ys = mnist_batches(data_dir)
    os.makedirs(out, exist_ok=True)
    safetensors_io.save(os.path.join(out, "batches.safetensors"), {"x": xs, "y": ys})
    for name in MODELS:
        write_model_fixtures(name, xs, ys, out)
        float64_noise(name, xs, ys)
    write_activation_fixture(out)


def check_load(path, out, data_dir):
    """Loads an mtc-saved file into the model whose state-dict names and shapes it has."""
    try:
        tensors, _ = safetensors_io.load(path)
    except (OSError, ValueError, KeyError) as e:
        print(f"FAIL: {path}: not a readable safetensors file: {e}", file=sys.stderr)
        return 1
    for name, factory in MODELS.items():
        model = factory()
        ref = model.state_dict()
        if set(ref) == set(tensors) and all(ref[k].shape == tensors[k].shape for k in ref):
            model.load_state_dict(tensors, strict=True)
            print(f"OK: {path} loads into the {name} model with load_state_dict(strict=True)")
            report_outputs(model, name, out, data_dir)
            return 0
    print(f"FAIL: {path}: names/shapes {sorted((k, list(v.shape)) for k, v in tensors.items())} "
          f"match no model in {list(MODELS)}", file=sys.stderr)
    return 1


def report_outputs(model, name, out, data_dir):
    """Eval-mode outputs of the loaded weights, and test metrics to compare with `mtc eval`."""
    shape = INPUT_SHAPES[name]
    xs = safetensors_io.load(os.path.join(out, "batches.safetensors"))[0]["x"]
    probs = eval_probs(model, xs[0][:8], shape)
    torch.set_printoptions(precision=4, sci_mode=False, linewidth=120)
    print(f"eval-mode softmax of the first 8 training images:\n{probs}")
    print(f"predicted classes: {probs.argmax(1).tolist()}")
    images = os.path.join(data_dir, "t10k-images-idx3-ubyte.gz")
    if os.path.exists(images):
        x = read_idx(images).float().reshape(-1, *shape) / 255.0
        y = read_idx(os.path.join(data_dir, "t10k-labels-idx1-ubyte.gz")).long()
        with torch.no_grad():
            logits = model(x)
        loss = nn.functional.cross_entropy(logits, y).item()
        acc = (logits.argmax(1) == y).float().mean().item()
        print(f"PyTorch on the MNIST test set: loss {loss:.4f} accuracy {100 * acc:.2f}% (compare with mtc eval)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help="fixture folder")
    ap.add_argument("--data", default=DEFAULT_DATA, help="folder of the gzipped MNIST IDX files")
    ap.add_argument("--check-load", metavar="FILE", help="load an mtc-saved safetensors file")
    a = ap.parse_args()
    if a.check_load:
        sys.exit(check_load(a.check_load, a.out, a.data))
    make_fixtures(a.out, a.data)


if __name__ == "__main__":
    main()
