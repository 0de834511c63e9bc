#!/usr/bin/env python3
"""quotegraph's exports loaded by their real consumers: NetworkX and DuckDB.

usage: export_interop.py QUOTEGRAPH_BINARY SAMPLE_DIR

Runs `quotegraph extract` on the seed article and on the whole sample archive, exports the
graphs with `quotegraph export`, and checks that
- NetworkX reads the GraphML (`nx.read_graphml`) and the node-link JSON
  (`json_graph.node_link_graph(data, edges="edges")`) and finds exactly the seed's SAID edges,
  with typed attributes;
- DuckDB's `read_json_auto` reads the JSON Lines and one SQL query answers "what did 克里 say,
  when" on the sample archive: SAID (from the node whose aliases hold 克里, wd:Q22316) → Quote
  → QUOTED_IN → Article.published;
- DuckDB reads the spreadsheet table quotes.csv (UTF-8 with BOM) and the neo4j-admin CSV files
  (typed headers, one file per label and per type) and finds the same statements.
Needs networkx >= 3.4 and duckdb (see .ci/run, which installs them into a throw-away venv).
"""
import json
import os
import subprocess
import sys
import tempfile

import duckdb
import networkx as nx
from networkx.readwrite import json_graph

binary, sample = os.path.abspath(sys.argv[1]), sys.argv[2]
seed_article = os.path.join(sample, "rfi-20230719-kerry-han-zheng.txt")
KERRY = "wd:Q22316"


def run(*arguments):
    subprocess.run([binary, *arguments], check=True, stderr=subprocess.DEVNULL)


def said_edges(jsonl):
    """The SAID relationships of a graph file, as (start, end, id)."""
    edges = set()
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["type"] == "relationship" and record["label"] == "SAID":
                edges.add((record["start"]["id"], record["end"]["id"], record["id"]))
    return edges


with tempfile.TemporaryDirectory() as out:
    seed = os.path.join(out, "seed.jsonl")
    graph = os.path.join(out, "sample.jsonl")
    run("extract", seed_article, "-q", "-o", seed)
    run("extract", sample, "-q", "-o", graph)
    expected = said_edges(seed)
    assert expected, "the seed article has no SAID relationships"

    # NetworkX: GraphML.
    run("export", seed, "--format", "graphml", "-o", os.path.join(out, "seed.graphml"))
    g = nx.read_graphml(os.path.join(out, "seed.graphml"))
    assert g.is_directed()
    found = {(u, v, d["id"]) for u, v, d in g.edges(data=True) if d["label"] == "SAID"}
    assert found == expected, f"GraphML SAID edges: {sorted(found)} != {sorted(expected)}"
    assert g.nodes[KERRY]["name"] == "约翰·克里" and g.nodes[KERRY]["labels"] == "Person"
    assert "克里" in json.loads(g.nodes[KERRY]["aliases"])
    counts = [d["count"] for _, _, d in g.edges(data=True) if d["label"] == "MENTIONED_IN"]
    assert counts and all(isinstance(c, int) for c in counts), "count is not typed int"
    confidences = [d["confidence"] for _, d in g.nodes(data=True) if d["labels"] == "Quote"]
    assert confidences and all(isinstance(c, float) for c in confidences)
    print(f"networkx {nx.__version__}: GraphML read, {g.number_of_nodes()} nodes, "
          f"{g.number_of_edges()} edges, all {len(found)} SAID edges of the seed")

    # NetworkX: node-link JSON with the explicit edges key.
    run("export", seed, "--format", "node-link", "-o", os.path.join(out, "seed.json"))
    with open(os.path.join(out, "seed.json"), encoding="utf-8") as f:
        data = json.load(f)
    h = json_graph.node_link_graph(data, edges="edges")
    assert h.is_directed() and h.is_multigraph()
    found = {(u, v, k) for u, v, k, d in h.edges(keys=True, data=True) if d["label"] == "SAID"}
    assert found == expected, f"node-link SAID edges: {sorted(found)} != {sorted(expected)}"
    assert h.nodes[KERRY]["labels"] == ["Person"] and "克里" in h.nodes[KERRY]["aliases"]
    print(f"networkx: node-link read, {h.number_of_nodes()} nodes, {h.number_of_edges()} edges, "
          f"all {len(found)} SAID edges of the seed")

    # DuckDB: what did 克里 say, when — straight from the JSON Lines.
    said_by_kerry = {e for e in said_edges(graph) if e[0] == KERRY}
    con = duckdb.connect()
    rows = con.execute(
        """
        WITH g AS (SELECT * FROM read_json_auto(?, format = 'newline_delimited'))
        SELECT p.id AS speaker, a.properties.published AS published, q.properties.kind AS kind,
               q.properties.text AS text
        FROM g AS p
        JOIN g AS said ON said.type = 'relationship' AND said.label = 'SAID'
                      AND said.start.id = p.id
        JOIN g AS q ON q.id = said."end".id
        JOIN g AS quoted ON quoted.type = 'relationship' AND quoted.label = 'QUOTED_IN'
                        AND quoted.start.id = q.id
        JOIN g AS a ON a.id = quoted."end".id
        WHERE p.type = 'node' AND list_contains(p.properties.aliases, '克里')
        ORDER BY published, q.properties.start
        """,
        [graph],
    ).fetchall()
    assert len(rows) == len(said_by_kerry), f"{len(rows)} rows, {len(said_by_kerry)} SAID"
    assert {r[0] for r in rows} == {KERRY}
    assert all(str(r[1]).startswith("2023-07-19") for r in rows), rows
    assert any("COP28" in r[3] for r in rows)
    print(f"duckdb {duckdb.__version__}: read_json_auto + SQL: 克里 said {len(rows)} things, "
          f"first on {rows[0][1]}: {rows[0][3]}")

    # DuckDB: the spreadsheet table and the neo4j-admin files.
    run("export", graph, "--format", "csv", "-o", os.path.join(out, "csv"))
    table = con.execute(
        "SELECT date, text FROM read_csv(?, header = true) WHERE speaker_id = ? ORDER BY published",
        [os.path.join(out, "csv", "quotes.csv"), KERRY],
    ).fetchall()
    assert sorted(t[1] for t in table) == sorted(r[3] for r in rows)
    run("export", graph, "--format", "neo4j-csv", "-o", os.path.join(out, "neo4j"))
    said_file = os.path.join(out, "neo4j", "relationships-SAID.csv")
    header = open(said_file, encoding="utf-8").readline().strip().split(",")
    assert header[:4] == [":START_ID", ":END_ID", ":TYPE", "id:string"], header
    neo4j_said = con.execute(
        'SELECT count(*) FROM read_csv(?, header = true) WHERE ":START_ID" = ?',
        [said_file, KERRY],
    ).fetchone()[0]
    assert neo4j_said == len(said_by_kerry)
    person_header = open(os.path.join(out, "neo4j", "nodes-Person.csv"), encoding="utf-8").readline()
    assert person_header.startswith("id:ID,:LABEL,") and "aliases:string[]" in person_header
    print(f"duckdb: quotes.csv and the neo4j-admin CSVs agree ({len(table)} statements by 克里)")
