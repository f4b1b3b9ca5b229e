"""PyTorch reference for `workbench bench vae-epoch --reference`: the seed VAE of pytorch/examples (vae/main.py).

784-400-20 MLP VAE, loss = BCE(sum) + KL(sum), Adam lr 1e-3, batch 128 shuffled, torch.manual_seed(0), two threads,
on the 60,000 MNIST training digits read from the IDX files in $MNIST_DIR. Prints one line per epoch:
    epoch N  train loss/sample L  wall S s
which the bench parses (VaeEpochBenchReference.cs). $EPOCHS sets the number of epochs (default 10).
Run by the bench with OMP_WAIT_POLICY=PASSIVE; needs Debian's python3-torch (or any PyTorch).
"""
import os
import struct
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


def read_images(path):
    with open(path, "rb") as f:
        magic, count, rows, cols = struct.unpack(">iiii", f.read(16))
        if magic != 0x00000803:
            raise SystemExit(f"{path}: not an IDX image file (magic {magic:#x})")
        pixels = np.frombuffer(f.read(), dtype=np.uint8)
    return torch.from_numpy(pixels.reshape(count, rows * cols).astype(np.float32) / 255.0)


class Vae(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 400)
        self.fc21 = nn.Linear(400, 20)
        self.fc22 = nn.Linear(400, 20)
        self.fc3 = nn.Linear(20, 400)
        self.fc4 = nn.Linear(400, 784)

    def forward(self, x):
        h = F.relu(self.fc1(x))
        mu, logvar = self.fc21(h), self.fc22(h)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        return torch.sigmoid(self.fc4(F.relu(self.fc3(z)))), mu, logvar


def loss_function(recon, x, mu, logvar):
    bce = F.binary_cross_entropy(recon, x, reduction="sum")
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return bce + kl


def main():
    torch.set_num_threads(2)
    torch.manual_seed(0)
    epochs = int(os.environ.get("EPOCHS", 10))
    data = read_images(os.path.join(os.environ.get("MNIST_DIR", "data/mnist"), "train-images-idx3-ubyte"))
    model = Vae()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    batch = 128
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        total = 0.0
        model.train()
        for rows in torch.randperm(len(data)).split(batch):
            x = data[rows]
            optimizer.zero_grad()
            recon, mu, logvar = model(x)
            loss = loss_function(recon, x, mu, logvar)
            loss.backward()
            optimizer.step()
            total += loss.item()
        print(f"epoch {epoch}  train loss/sample {total / len(data):.4f}  wall {time.perf_counter() - start:.3f} s", flush=True)


if __name__ == "__main__":
    main()
