"""PyTorch reference for `workbench bench ae-epoch --reference`: the deep autoencoder of notebook 02.

Hinton & Salakhutdinov's 784-1000-500-250-30 MLP with ReLU hidden units, a linear code and logistic output
(AutoencoderExperimentOptions.Default), loss = BCE with logits (sum), Adam lr 1e-3, batch 128 shuffled,
torch.manual_seed(0), two threads, on the 60,000 MNIST training digits in $MNIST_DIR. Prints one line per epoch:
    epoch N  train loss/sample L  wall S s
which the bench parses (PyTorchEpochReference.cs). $EPOCHS sets the number of epochs (default 10).
Run by the bench with OMP_WAIT_POLICY=PASSIVE; needs Debian's python3-torch (or any PyTorch).
"""
import torch
import torch.nn.functional as F
from torch import nn

from mnist_idx import train_epochs, training_images


def stack(widths):
    layers = []
    for i in range(len(widths) - 1):
        layers.append(nn.Linear(widths[i], widths[i + 1]))
        if i + 2 < len(widths):
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


class DeepAutoencoder(nn.Module):
    def __init__(self, widths=(784, 1000, 500, 250, 30)):
        super().__init__()
        self.encoder = stack(list(widths))
        self.decoder = stack(list(reversed(widths)))

    def forward(self, x):
        return self.decoder(self.encoder(x))


def main():
    torch.set_num_threads(2)
    torch.manual_seed(0)
    data = training_images()
    model = DeepAutoencoder()

    def loss_of_batch(x):
        return F.binary_cross_entropy_with_logits(model(x), x, reduction="sum")

    train_epochs(model, loss_of_batch, data)


if __name__ == "__main__":
    main()
