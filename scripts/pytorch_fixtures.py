#!/usr/bin/env python3
"""Reference numbers from real PyTorch for the engine's tests (tests/engine/pytorch-reference.test.ts).

Builds small nn.RNN / nn.LSTM / nn.GRU models (stacked, bidirectional or not) with a linear head,
runs them in float64 on fixed inputs, and writes the weights, inputs, targets, outputs, final
states, loss and every parameter gradient to tests/engine/fixtures/pytorch.json. Run once with
PyTorch installed (pip install torch==2.13.0+cpu) and commit the output:

    python3 scripts/pytorch_fixtures.py
"""

import json
import pathlib

import torch
from torch import nn

torch.set_default_dtype(torch.float64)

CASES = [
    # name, cell, layers, bidirectional, input ("onehot" V or "dense" I), head ("softmax" or "linear"), O
    ("lstm-tagger-bi2", "LSTM", 2, True, ("onehot", 5), ("softmax", 3)),
    ("gru-series-bi2", "GRU", 2, True, ("dense", 3), ("linear", 2)),
    ("rnn-series-bi1", "RNN", 1, True, ("dense", 2), ("linear", 1)),
    ("gru-chars-uni2", "GRU", 2, False, ("onehot", 6), ("softmax", 6)),
    ("lstm-series-uni1", "LSTM", 1, False, ("dense", 2), ("linear", 3)),
]
T, B, H = 5, 2, 4


def build(cell, layers, bidirectional, in_size, out_size):
    module = getattr(nn, cell)(in_size, H, num_layers=layers, bidirectional=bidirectional)
    head = nn.Linear((2 if bidirectional else 1) * H, out_size)
    return module, head


def tolist(t):
    return t.detach().flatten().tolist()


def main():
    torch.manual_seed(2026)
    out = {"T": T, "B": B, "H": H, "torch": torch.__version__, "cases": []}
    for name, cell, layers, bi, (in_kind, in_size), (head_kind, o) in CASES:
        rnn, head = build(cell, layers, bi, in_size, o)
        # Larger weights than PyTorch's default draw, so the gates leave their linear range.
        with torch.no_grad():
            for p in list(rnn.parameters()) + list(head.parameters()):
                p.mul_(2.0)
        if in_kind == "onehot":
            ids = torch.randint(0, in_size, (T, B))
            x = torch.nn.functional.one_hot(ids, in_size).double()
            inputs = ids.flatten().tolist()
        else:
            x = torch.randn(T, B, in_size)
            inputs = tolist(x)
        y, state = rnn(x)  # y: [T, B, D*H], batch index b within time step t: row t*B + b
        logits = head(y)
        if head_kind == "softmax":
            targets = torch.randint(0, o, (T, B))
            loss = nn.CrossEntropyLoss()(logits.reshape(T * B, o), targets.flatten())
            target_list = targets.flatten().tolist()
        else:
            targets = torch.randn(T, B, o)
            loss = nn.MSELoss()(logits, targets)
            target_list = tolist(targets)
        params = [(f"rnn.{n}", p) for n, p in rnn.named_parameters()]
        params += [(f"decoder.{n}", p) for n, p in head.named_parameters()]
        grads = torch.autograd.grad(loss, [p for _, p in params])
        h_n = state[0] if cell == "LSTM" else state
        out["cases"].append(
            {
                "name": name,
                "cell": cell.lower(),
                "numLayers": layers,
                "bidirectional": bi,
                "input": in_kind,
                "inputSize": in_size,
                "head": head_kind,
                "outputSize": o,
                "tensors": {n: {"shape": list(p.shape), "data": tolist(p)} for n, p in params},
                "inputs": inputs,
                "targets": target_list,
                "output": tolist(y),
                "logits": tolist(logits),
                "h_n": tolist(h_n),
                "loss": loss.item(),
                "grads": {n: tolist(g) for (n, _), g in zip(params, grads)},
            }
        )
    path = pathlib.Path(__file__).resolve().parent.parent / "tests/engine/fixtures/pytorch.json"
    path.write_text(json.dumps(out) + "\n")
    print(f"wrote {path} ({len(out['cases'])} cases, torch {torch.__version__})")


if __name__ == "__main__":
    main()
