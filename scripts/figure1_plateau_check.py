#!/usr/bin/env python3
"""The ReLU plateau on figure1 from N(0, 0.01^2), in PyTorch: conv2 bias 1 (AlexNet's rule, our `--init paper`)
against all biases 0. lr 0.01, momentum 0.9, no decay, batch 64, no augmentation, one epoch; prints the step at
which the training error over the last 31 batches (~2,000 images) first reaches 25% (None: never), for seeds 1 and 2.

Run: /tmp/i10-peer/bin/python scripts/figure1_plateau_check.py  (needs torch; reads /usr/share/datasets/fashion-mnist)
"""
import sys, torch, torch.nn as nn
sys.path.insert(0, __import__("os").path.dirname(__import__("os").path.abspath(__file__)))
from make_training_parity_fixture import figure1, fashion
torch.set_num_threads(2)
x, y = fashion(60000, 28)
def run(bias2, seed):
    torch.manual_seed(seed)
    m = figure1()
    # swap tanh for relu
    for part in (m.features,):
        for i, l in enumerate(part):
            if isinstance(l, nn.Tanh): part[i] = nn.ReLU()
    convs = [l for l in m.modules() if isinstance(l, (nn.Conv2d, nn.Linear))]
    for k, l in enumerate(convs):
        nn.init.normal_(l.weight, 0, 0.01); nn.init.zeros_(l.bias)
        if k == 1 and bias2: nn.init.ones_(l.bias)
    opt = torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9)
    g = torch.Generator().manual_seed(seed); perm = torch.randperm(60000, generator=g)
    window = []
    for step in range(1, 939):
        idx = perm[(step-1)*64:step*64]
        out = m(x[idx]); loss = nn.functional.cross_entropy(out, y[idx])
        opt.zero_grad(); loss.backward(); opt.step()
        window.append((out.argmax(1) != y[idx]).float().mean().item())
        window = window[-31:]
        if sum(window)/len(window) <= 0.25: return step
    return None
for bias2 in (True, False):
    print("conv2 bias 1" if bias2 else "all biases 0", [run(bias2, s) for s in (1, 2)], flush=True)
