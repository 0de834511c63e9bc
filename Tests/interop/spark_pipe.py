#!/usr/bin/env python3
"""quotegraph as a Spark RDD.pipe command, on a real local Spark.

usage: spark_pipe.py QUOTEGRAPH_BINARY ARTICLE_DIR

Each RDD element is one JSON line {"source", "content"}; every partition pipes its lines
through `quotegraph extract -`, which writes graph JSON lines back. Checks that every article
comes back as exactly one Article node with its source, whatever the partitioning.
"""
import json
import os
import shlex
import sys

from pyspark import SparkConf, SparkContext

binary, article_dir = sys.argv[1], sys.argv[2]
records = []
for name in sorted(os.listdir(article_dir)):
    with open(os.path.join(article_dir, name), encoding="utf-8") as f:
        records.append(json.dumps({"source": name, "content": f.read()}, ensure_ascii=False))

conf = SparkConf().setMaster("local[2]").setAppName("quotegraph-pipe").set("spark.ui.enabled", "false")
sc = SparkContext(conf=conf)
sc.setLogLevel("ERROR")
try:
    command = " ".join(shlex.quote(part) for part in [os.path.abspath(binary), "extract", "-", "--quiet"])
    lines = sc.parallelize(records, 3).pipe(command).collect()
finally:
    sc.stop()

graph = [json.loads(line) for line in lines if line.strip()]
articles = [r for r in graph if r.get("type") == "node" and r.get("labels") == ["Article"]]
sources = sorted(a["properties"]["source"] for a in articles)
expected = sorted(json.loads(r)["source"] for r in records)
assert sources == expected, f"articles back from Spark: {sources}, expected {expected}"
print(f"spark: {len(records)} articles piped through quotegraph in 3 partitions, {len(graph)} graph lines back")
