"""PyTorch reference for `workbench bench vae-epoch --reference`: the seed VAE of pytorch/examples (vae/main.py).

784-400-20 MLP VAE, loss = BCE(sum) + KL(sum), Adam lr 1e-3, batch 128 shuffled, torch.manual_seed(0), two threads,
on the 60,000 MNIST training digits read from the IDX files in $MNIST_DIR. Prints one line per epoch:
    epoch N  train loss/sample L  wall S s
which the bench parses (PyTorchEpochReference.cs). $EPOCHS sets the number of epochs (default 10).
Run by the bench with OMP_WAIT_POLICY=PASSIVE; needs Debian's python3-torch (or any PyTorch).
"""
import torch
import torch.nn.functional as F
from torch import nn

from mnist_idx import train_epochs, training_images


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


def main():
    torch.set_num_threads(2)
    torch.manual_seed(0)
    data = training_images()
    model = Vae()

    def loss_of_batch(x):
        recon, mu, logvar = model(x)
        bce = F.binary_cross_entropy(recon, x, reduction="sum")
        kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
        return bce + kl

    train_epochs(model, loss_of_batch, data)


if __name__ == "__main__":
    main()
