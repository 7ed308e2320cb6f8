"""Minimal safetensors reader and writer (F32 and I64 only).

Debian ships no python3-safetensors, and CI must not need torch at all, so the parity tools
read and write the format themselves: 8-byte little-endian header length, a JSON header
{name: {dtype, shape, data_offsets}} padded with spaces to a multiple of 8, then the raw
little-endian data of every tensor, back to back.
"""
import json
import struct

import torch

_DTYPES = {"F32": torch.float32, "I64": torch.int64}
_NAMES = {v: k for k, v in _DTYPES.items()}
_BYTES = {"F32": 4, "I64": 8}  # torch 1.13 (Debian bookworm) has no dtype.itemsize


def save(path, tensors, metadata=None):
    """Writes {name: tensor} in insertion order; metadata is an optional {str: str}."""
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = dict(metadata)
    for name, t in tensors.items():
        t = t.detach().contiguous().cpu()
        data = t.numpy().astype(t.numpy().dtype.newbyteorder("<"), copy=False).tobytes()
        header[name] = {"dtype": _NAMES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def load(path):
    """Returns ({name: tensor}, metadata) with tensors in file order, validating offsets."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    data = raw[8 + n:]
    tensors, expected_begin = {}, 0
    for name, e in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0]):
        begin, end = e["data_offsets"]
        if e.get("dtype") not in _DTYPES:
            raise ValueError(f"{path}: {name} has dtype {e.get('dtype')}, expected one of {list(_DTYPES)}")
        dtype = _DTYPES[e["dtype"]]
        numel = 1
        for d in e["shape"]:
            numel *= d
        if begin != expected_begin or end - begin != numel * _BYTES[e["dtype"]]:
            raise ValueError(f"{path}: bad data_offsets for {name}: {e}")
        expected_begin = end
        buf = bytearray(data[begin:end])
        tensors[name] = torch.frombuffer(buf, dtype=dtype).reshape(e["shape"]).clone() \
            if numel else torch.zeros(e["shape"], dtype=dtype)
    if expected_begin != len(data):
        raise ValueError(f"{path}: {len(data) - expected_begin} trailing bytes after the last tensor")
    return tensors, metadata
