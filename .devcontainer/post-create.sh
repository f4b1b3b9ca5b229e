#!/usr/bin/env bash
# Runs once when a dev container is created (both configurations): after it, the first notebook runs at once, in
# VS Code's Polyglot Notebooks, in VS Code's Jupyter extension with the .NET (C#) kernel, or as its twin
# (dotnet run notebooks/NN-name.cs). CI runs it too, without a container (--no-chromium).
#   --torch-backend cpu|cuda   which TorchSharp build the solution uses (passed as -p:TorchBackend=...)
#   --no-chromium              skip the Chromium download (a machine that has one, or does not need PNG export)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

backend=cpu
chromium=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --torch-backend) backend="${2:?--torch-backend needs cpu or cuda}"; shift 2 ;;
    --no-chromium) chromium=no; shift ;;
    *) echo "post-create: unknown argument '$1' (expected --torch-backend cpu|cuda, --no-chromium)" >&2; exit 2 ;;
  esac
done
case "$backend" in cpu|cuda) ;; *) echo "post-create: --torch-backend is '$backend'; expected cpu or cuda" >&2; exit 2 ;; esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== dotnet build (Release, TorchBackend=$backend)"
dotnet build LatentWorkbench.sln -c Release "-p:TorchBackend=$backend"
workbench="src/LatentWorkbench.Cli/bin/Release/net10.0/workbench.dll"

echo "== MNIST"
dotnet "$workbench" data fetch

echo "== .NET Interactive kernel tool and its Jupyter kernelspecs (.net-csharp: what VS Code's Jupyter extension runs;"
echo "   the Polyglot extension, deprecated, installs its own copy on first use)"
dotnet tool install --global Microsoft.dotnet-interactive --version 1.0.712001 \
  || dotnet tool update --global Microsoft.dotnet-interactive --version 1.0.712001
mkdir -p "$HOME/.local/share/jupyter/kernels"   # without it `jupyter install` fails quietly
"$HOME/.dotnet/tools/dotnet-interactive" jupyter install
test -f "$HOME/.local/share/jupyter/kernels/.net-csharp/kernel.json" \
  || { echo "post-create: the .net-csharp kernelspec was not installed" >&2; exit 1; }

echo "== headless Chromium (PNG export of charts; optional, so a failure only warns)"
# Ubuntu 24.04's chromium package is a snap stub that cannot run in a container: take Playwright's build from npm.
if [ "$chromium" = yes ] && ! command -v chromium >/dev/null; then
  if npx --yes playwright@1.65.1 install --with-deps chromium; then
    chrome="$(ls -d "$HOME"/.cache/ms-playwright/chromium-*/chrome-linux*/chrome 2>/dev/null | head -n 1)"
    [ -n "$chrome" ] && sudo ln -sf "$chrome" /usr/local/bin/chromium
  fi
  command -v chromium >/dev/null || echo "warning: no Chromium; charts still save as SVG and HTML" >&2
fi

echo "== plotly.js (offline interactive HTML)"
# Every HTML export fetches plotly.js once (npm pack) into data/cache/; exporting the demo figures does that now.
dotnet "$workbench" figure demo --out "$(mktemp -d)"
