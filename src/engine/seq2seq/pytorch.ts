// A PyTorch script for an encoder–decoder file: the same model built from nn.GRU / nn.LSTM / nn.RNN,
// an attention module and linear layers, whose state_dict names are the file's tensor names; it
// loads the file's weights, computes the loss the engine trains with on a "INPUT<TAB>OUTPUT" pair
// (teacher forcing, mean cross-entropy over the output and its end mark), decodes greedily with
// the attention weights, and trains on with Adam and clipping, saving back in the same format.
// The equations are network.ts's (docs/beyond-characters.md §4).

import type { Seq2SeqConfig } from './model.ts';

/** The script for a model of this configuration (it reads the weights from the file itself). */
export function seq2seqPytorchScript(config: Seq2SeqConfig): string {
  const module = { gru: 'nn.GRU', lstm: 'nn.LSTM', rnn: 'nn.RNN' }[config.cell];
  return `#!/usr/bin/env python3
"""An encoder-decoder exported by Unrolled (${config.cell.toUpperCase()}, attention: ${config.attention}).

  python3 THIS.py MODEL.json "INPUT<TAB>OUTPUT"      the loss, greedy output and attention as JSON
  python3 THIS.py MODEL.json --train PAIRS.tsv [--steps N] [--lr LR] [--save OUT.json]
      trains on (Adam, gradients clipped to norm 5), one "INPUT<TAB>OUTPUT" pair per line

Float64 throughout, so the numbers match the app's engine.
"""
import argparse, json, math, random, sys
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
FORMAT = "unrolled-seq2seq"


class Additive(nn.Module):
    """Bahdanau: e_{t,s} = v^T tanh(W s_{t-1} + U h_s)."""

    def __init__(self, A, H, E):
        super().__init__()
        self.W = nn.Parameter(torch.empty(A, H))
        self.U = nn.Parameter(torch.empty(A, E))
        self.v = nn.Parameter(torch.empty(A))

    def scores(self, query, hs):  # query [B, H], hs [S, B, E] -> [S, B]
        return torch.tanh(query @ self.W.T + hs @ self.U.T) @ self.v


class General(nn.Module):
    """Luong general: e_{t,s} = s_t^T W h_s."""

    def __init__(self, H, E):
        super().__init__()
        self.W = nn.Parameter(torch.empty(H, E))

    def scores(self, query, hs):
        return ((hs @ self.W.T) * query).sum(-1)


class Seq2Seq(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        H, V = c["hiddenSize"], c["outputSize"]
        D = 2 if c["bidirectional"] else 1
        E = D * H
        self.encoder = ${module}(c["inputSize"], H, bidirectional=c["bidirectional"])
        if D == 2:
            self.bridge = nn.Linear(2 * H, H)
        kind = c["attention"]
        extra = {"none": 0, "additive": E}.get(kind, H)
        self.decoder = ${module}(V + extra, H)
        if kind == "additive":
            self.attention = Additive(c["attentionSize"], H, E)
        elif kind == "general":
            self.attention = General(H, E)
        if kind in ("general", "dot"):
            self.combine = nn.Linear(E + H, H, bias=False)
        self.out = nn.Linear(H + E if kind == "additive" else H, V)

    def encode(self, src):  # src [S] ids
        c = self.c
        H = c["hiddenSize"]
        x = F.one_hot(src, c["inputSize"]).double().unsqueeze(1)  # [S, 1, V_in]
        hs, last = self.encoder(x)
        lstm = isinstance(last, tuple)
        h_n = last[0] if lstm else last
        if c["bidirectional"]:
            s0 = torch.tanh(self.bridge(torch.cat([h_n[0], h_n[1]], -1)))
            state = (s0.unsqueeze(0), torch.zeros_like(s0).unsqueeze(0)) if lstm else s0.unsqueeze(0)
        else:
            state = last
        return hs, state

    def step(self, hs, y_prev, state, ht_prev):
        c = self.c
        kind = c["attention"]
        V = c["outputSize"]
        s_prev = state[0][0] if isinstance(state, tuple) else state[0]
        x = F.one_hot(torch.tensor([y_prev]), V).double()
        alpha = None
        if kind == "additive":
            alpha = torch.softmax(self.attention.scores(s_prev, hs), 0)  # [S, 1]
            ctx = (alpha.unsqueeze(-1) * hs).sum(0)
            x = torch.cat([x, ctx], -1)
        elif kind != "none":
            x = torch.cat([x, ht_prev], -1)
        out, state = self.decoder(x.unsqueeze(0), state)
        s = out[0]
        ht = None
        if kind == "additive":
            logits = self.out(torch.cat([s, ctx], -1))
        elif kind == "none":
            logits = self.out(s)
        else:
            e = self.attention.scores(s, hs) if kind == "general" else (hs * s).sum(-1)
            alpha = torch.softmax(e, 0)
            ctx = (alpha.unsqueeze(-1) * hs).sum(0)
            ht = torch.tanh(self.combine(torch.cat([ctx, s], -1)))
            logits = self.out(ht)
        return logits, state, ht, alpha

    def loss(self, src, tgt):
        """Teacher forcing: the mean cross-entropy over the output and its end mark (id 0)."""
        hs, state = self.encode(src)
        ht = torch.zeros(1, self.c["hiddenSize"])
        y_prev, total, alphas = 0, 0.0, []
        for y in tgt:
            logits, state, ht, alpha = self.step(hs, y_prev, state, ht)
            total = total + F.cross_entropy(logits, torch.tensor([y]))
            if alpha is not None:
                alphas.append(alpha[:, 0].tolist())
            y_prev = y
        return total / len(tgt), alphas

    def greedy(self, src, limit):
        hs, state = self.encode(src)
        ht = torch.zeros(1, self.c["hiddenSize"])
        y, out = 0, []
        for _ in range(limit):
            logits, state, ht, _ = self.step(hs, y, state, ht)
            y = int(logits.argmax(-1))
            if y == 0:
                break
            out.append(y)
        return out


def load_model(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if data.get("format") != FORMAT:
        sys.exit(f"{path}: not an Unrolled encoder-decoder file")
    model = Seq2Seq(data["config"])
    state = {name: torch.tensor(t["data"]).reshape(t["shape"]) for name, t in data["tensors"].items()}
    model.load_state_dict(state)
    return model, data


def save_model(model, data, path, steps):
    data = dict(data)
    data["tensors"] = {
        name: {"shape": list(p.shape), "data": p.detach().flatten().tolist()}
        for name, p in model.state_dict().items()
    }
    data["step"] = data.get("step", 0) + steps
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f)


def encode_pair(data, line):
    parts = line.rstrip("\\r\\n").split("\\t")
    if len(parts) != 2:
        sys.exit('a pair is written "INPUT<TAB>OUTPUT"')
    inp, out = parts
    ins, outs = data["vocab"]["input"], data["vocab"]["output"]
    for ch in inp:
        if ch not in ins:
            sys.exit(f"the input has {ch!r}, which the model does not know")
    for ch in out:
        if ch not in outs:
            sys.exit(f"the output has {ch!r}, which the model does not know")
    return torch.tensor([ins.index(ch) for ch in inp]), [outs.index(ch) + 1 for ch in out] + [0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("pair", nargs="?")
    ap.add_argument("--train")
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--lr", type=float, default=0.005)
    ap.add_argument("--save")
    args = ap.parse_args()
    model, data = load_model(args.model)
    if args.pair is not None:
        src, tgt = encode_pair(data, args.pair)
        with torch.no_grad():
            loss, alphas = model.loss(src, tgt)
            greedy = model.greedy(src, 4 * len(tgt) + 8)
        outs = data["vocab"]["output"]
        print(json.dumps({"loss": float(loss), "attention": alphas, "greedy": "".join(outs[y - 1] for y in greedy)}))
    if args.train:
        with open(args.train, encoding="utf-8") as f:
            pairs = [encode_pair(data, line) for line in f if line.strip()]
        opt = torch.optim.Adam(model.parameters(), lr=args.lr)
        rng = random.Random(1)
        for step in range(1, args.steps + 1):
            src, tgt = pairs[rng.randrange(len(pairs))]
            loss, _ = model.loss(src, tgt)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            if step % 50 == 0 or step == args.steps:
                print(json.dumps({"step": step, "loss": float(loss)}))
        if args.save:
            save_model(model, data, args.save, args.steps)


if __name__ == "__main__":
    main()
`;
}
