#!/usr/bin/env python3
"""Builds a large test archive from the development corpus: COUNT articles with unique URLs,
as a folder and as a .tar.gz, for batch runs and benchmarks.

usage: make-archive.py CORPUS_DIR OUT_DIR [--count 20000]

Writes OUT_DIR/articles/NNNNNN-<name> and OUT_DIR/articles.tar.gz. Copy k of an article gets
`?copy=k` appended to the URL of its title line (or its front matter's `from:` when it has no
title line), so every article is a distinct Article node. Deterministic: same input, same bytes.
"""
import argparse
import io
import os
import re
import tarfile

parser = argparse.ArgumentParser()
parser.add_argument("corpus")
parser.add_argument("out")
parser.add_argument("--count", type=int, default=20000)
args = parser.parse_args()

sources = []
for root, dirs, files in os.walk(args.corpus):
    dirs.sort()
    for name in sorted(files):
        if not name.startswith("."):
            sources.append(os.path.join(root, name))
if not sources:
    raise SystemExit(f"make-archive: no files under {args.corpus}")

title_link = re.compile(rb"^(\[.*\]\()(\S*?)(\)\s*)$", re.M)
front_from = re.compile(rb"^(from: *)(\S+)(\s*)$", re.M)


def unique(content, k):
    suffix = b"?copy=%d" % k
    replaced, n = title_link.subn(lambda m: m.group(1) + m.group(2) + suffix + m.group(3), content, count=1)
    if n == 0:
        replaced, n = front_from.subn(lambda m: m.group(1) + m.group(2) + suffix + m.group(3), content, count=1)
    return replaced


folder = os.path.join(args.out, "articles")
os.makedirs(folder, exist_ok=True)
tar_path = os.path.join(args.out, "articles.tar.gz")
total = 0
with tarfile.open(tar_path, "w:gz", format=tarfile.GNU_FORMAT) as tar:
    for i in range(args.count):
        path = sources[i % len(sources)]
        with open(path, "rb") as f:
            content = unique(f.read(), i // len(sources))
        name = "%06d-%s" % (i, os.path.basename(path))
        with open(os.path.join(folder, name), "wb") as f:
            f.write(content)
        info = tarfile.TarInfo("articles/" + name)
        info.size = len(content)
        info.mtime = 1600000000
        info.mode = 0o644
        tar.addfile(info, io.BytesIO(content))
        total += len(content)
print(f"make-archive: {args.count} articles, {total / 1e6:.1f} MB, in {folder} and {tar_path}")
