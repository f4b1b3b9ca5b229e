#!/usr/bin/env python3
"""Every chart of executed notebooks shows in Jupyter's own HTML export, opened offline.

Usage: tools/check_nbconvert_offline.py artifacts/*.ipynb
For each executed notebook: count its chart outputs (text/html that calls Plotly.newPlot), convert it with
`jupyter nbconvert --to html`, open the page in headless Chromium with every request sent to a dead proxy (no
network), and count the charts whose static SVG shows drawn marks. Exit code 1 unless every chart shows.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FIGURE = re.compile(r'<div id="lwb-[^"]*" class="latentworkbench-figure[^"]*".*?</div>\s*<script', re.S)
MARKS = re.compile(r'<g clip-path="url\(#[^"]*\)">\s*<(path|circle|rect|g)[ >]')


def check(notebook, scratch):
    copy = os.path.join(scratch, os.path.basename(notebook))
    shutil.copy(notebook, copy)
    cells = json.load(open(copy, encoding="utf-8"))["cells"]
    charts = sum(1 for c in cells for o in c.get("outputs", [])
                 if "newPlot(" in "".join(o.get("data", {}).get("text/html", [])))
    subprocess.run(["jupyter", "nbconvert", "--to", "html", copy], capture_output=True, check=True)
    page = os.path.splitext(copy)[0] + ".html"
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=http://127.0.0.1:9",
                          "--virtual-time-budget=10000", "--dump-dom", "file://" + page],
                         capture_output=True, text=True, timeout=300).stdout
    figures = [m.group(0) for m in FIGURE.finditer(dom)]
    drawn = sum(1 for f in figures if "<svg" in f and MARKS.search(f))
    ok = charts == len(figures) == drawn
    print(f"{os.path.basename(notebook)}: {charts} chart outputs, {len(figures)} in the page, {drawn} drawn offline"
          f"{'' if ok else '  <-- MISMATCH'}")
    return ok


def main(notebooks):
    with tempfile.TemporaryDirectory() as scratch:
        results = [check(n, scratch) for n in notebooks]
    print("every chart shows" if all(results) else "some charts do not show")
    return 0 if results and all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
