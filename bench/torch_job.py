# The bench's training job in PyTorch (run by bench/torch.ts): for each configuration, a one-layer
# nn.RNN / nn.LSTM / nn.GRU on one-hot characters, a Linear head, cross-entropy and Adam (lr 1e-3,
# no clipping), as bench/ours.ts trains it; float32, PyTorch's default. Prints one JSON line per
# configuration: the median characters per second over `rounds` windows after one warm-up window.
import json
import sys
import time

import torch
import torch.nn.functional as F

configs = json.loads(sys.argv[1])
threads = int(sys.argv[2])
window = float(sys.argv[3])
rounds = int(sys.argv[4])
torch.set_num_threads(threads)
torch.manual_seed(1)
MODULES = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}

for c in configs:
    V, H, T, B = c["V"], c["H"], c["T"], c["B"]
    rnn = MODULES[c["cell"]](V, H)
    head = torch.nn.Linear(H, V)
    params = list(rnn.parameters()) + list(head.parameters())
    opt = torch.optim.Adam(params, lr=1e-3)
    text = torch.randint(0, V, (200_000,))
    pos = 0

    def step():
        global pos
        if pos + T * B + 1 >= text.numel():
            pos = 0
        chunk = text[pos : pos + T * B + 1]
        pos += T * B
        x = F.one_hot(chunk[:-1].view(B, T).t(), V).float()
        y = chunk[1:].view(B, T).t().reshape(-1)
        out, _ = rnn(x)
        loss = F.cross_entropy(head(out).view(-1, V), y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    def timed(seconds):
        steps = 0
        started = time.perf_counter()
        while True:
            step()
            steps += 1
            elapsed = time.perf_counter() - started
            if elapsed >= seconds:
                return steps * T * B / elapsed

    timed(window)
    samples = sorted(timed(window) for _ in range(rounds))
    median = samples[len(samples) // 2] if rounds % 2 else sum(samples[rounds // 2 - 1 : rounds // 2 + 1]) / 2
    print(json.dumps({**c, "threads": threads, "charsPerSec": median, "samples": samples}), flush=True)
