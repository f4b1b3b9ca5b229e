"""The MNIST training images from the IDX files, for the epoch references (vae_epoch.py, ae_epoch.py)."""
import os
import struct
import time

import numpy as np
import torch


def training_images():
    """The 60,000 training digits as a float32 tensor [60000, 784] in [0, 1], read from $MNIST_DIR (default data/mnist)."""
    path = os.path.join(os.environ.get("MNIST_DIR", "data/mnist"), "train-images-idx3-ubyte")
    with open(path, "rb") as f:
        magic, count, rows, cols = struct.unpack(">iiii", f.read(16))
        if magic != 0x00000803:
            raise SystemExit(f"{path}: not an IDX image file (magic {magic:#x})")
        pixels = np.frombuffer(f.read(), dtype=np.uint8)
    return torch.from_numpy(pixels.reshape(count, rows * cols).astype(np.float32) / 255.0)


def train_epochs(model, loss_of_batch, data, batch=128):
    """Adam 1e-3 over shuffled batches for $EPOCHS epochs (default 10), printing the line the bench parses per epoch:
    epoch N  train loss/sample L  wall S s
    """
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    epochs = int(os.environ.get("EPOCHS", 10))
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        total = 0.0
        model.train()
        for rows in torch.randperm(len(data)).split(batch):
            x = data[rows]
            optimizer.zero_grad()
            loss = loss_of_batch(x)
            loss.backward()
            optimizer.step()
            total += loss.item()
        print(f"epoch {epoch}  train loss/sample {total / len(data):.4f}  wall {time.perf_counter() - start:.3f} s", flush=True)
