"""Loads (or writes) a seed-VAE state_dict with PyTorch and prints its test loss per example with z = mu.

usage: python3 pytorch_vae_roundtrip.py load|save CHECKPOINT MNIST_DIR
The model is pytorch/examples vae/main.py's VAE; the loss is BCE(sum) + KL(sum) over the 10k test digits.
"""
import sys
import numpy as np
import torch
from torch import nn
from torch.nn import functional as F


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 400)
        self.fc21 = nn.Linear(400, 20)
        self.fc22 = nn.Linear(400, 20)
        self.fc3 = nn.Linear(20, 400)
        self.fc4 = nn.Linear(400, 784)

    def encode(self, x):
        h1 = F.relu(self.fc1(x))
        return self.fc21(h1), self.fc22(h1)

    def decode(self, z):
        return torch.sigmoid(self.fc4(F.relu(self.fc3(z))))


def test_images(folder):
    raw = np.fromfile(f"{folder}/t10k-images-idx3-ubyte", dtype=np.uint8, offset=16)
    return torch.from_numpy(raw.reshape(-1, 784).astype(np.float32) / 255.0)


def main():
    mode, checkpoint, folder = sys.argv[1:4]
    torch.manual_seed(1)
    model = VAE()
    if mode == "load":
        model.load_state_dict(torch.load(checkpoint))
    else:
        torch.save(model.state_dict(), checkpoint)
    model.eval()
    x = test_images(folder)
    total = 0.0
    with torch.no_grad():
        for i in range(0, x.shape[0], 128):
            data = x[i:i + 128]
            mu, logvar = model.encode(data)
            bce = F.binary_cross_entropy(model.decode(mu), data, reduction="sum")
            kld = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
            total += (bce + kld).item()
    print(f"loss {total / x.shape[0]:.6f}")


main()
