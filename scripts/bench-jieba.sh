#!/usr/bin/env bash
# The jieba baseline for `quotegraph bench`: installs jieba into a throw-away virtual
# environment and times jieba.posseg person tagging over TEXT_FILE. Prints one JSON line.
# Exits 3 (with a message) where python3 -m venv or pip is unavailable.
set -euo pipefail
text=${1:?usage: bench-jieba.sh TEXT_FILE}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if ! python3 -m venv "$dir/venv" >/dev/null 2>&1; then
  echo "bench-jieba: python3 -m venv is unavailable" >&2
  exit 3
fi
if ! "$dir/venv/bin/pip" install -q jieba >"$dir/pip.log" 2>&1; then
  echo "bench-jieba: pip could not install jieba: $(tail -n 1 "$dir/pip.log")" >&2
  exit 3
fi
# -I: isolated, so a json.py or logging.py in the working folder cannot shadow the stdlib.
"$dir/venv/bin/python" -I - "$text" <<'PY'
import json, sys, time, logging
import jieba, jieba.posseg as posseg
jieba.setLogLevel(logging.WARNING)
jieba.initialize()
text = open(sys.argv[1], encoding="utf-8").read()
started = time.perf_counter()
persons = 0
for line in text.splitlines():
    for pair in posseg.cut(line):
        if pair.flag == "nr":
            persons += 1
seconds = time.perf_counter() - started
size = len(text.encode("utf-8"))
print(json.dumps({"bytes": size, "seconds": seconds, "mb_per_s": size / 1e6 / seconds, "persons": persons}))
PY
