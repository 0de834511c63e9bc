#!/usr/bin/env python3
"""Trains the logistic model that rescores person discovery's candidates
(Gazetteers/name-classifier.tsv), and measures it honestly by k-fold cross-validation.

    scripts/train-name-classifier.py [--binary .build/release/quotegraph] [--shared ../shared]
        [--output Gazetteers/name-classifier.tsv] [--cv 5]

Training data: the candidates `quotegraph tag --candidates` proposes on the sentences of the
public dev sets (People's Daily dev, CLUENER2020 dev) - discovered Chinese and transliterated
names, and the people the gazetteer matched (names in Latin letters keep their hand score) -
each labelled 1 when it is exactly a gold person span of shared/tools/score_ner.py's reading of
the set, else 0. msra_ner is never read (it overlaps a held-out test); Resume and Weibo dev are
left untouched as checks. The model: L2-regularised logistic regression over the candidate
features (--l2 0.2, applied to each feature as it is updated, so that the features of every
candidate shrink most; with every feature seen once kept, --minimum-count 1: chosen by
cross-validation over six partitions, where 1e-4 with features seen twice gave PD 0.839,
CLUENER 0.687 and these give 0.848, 0.702), trained by AdaGrad in a fixed order (same data, same
file), --offset added to the intercept (1.2: chosen by cross-validation to balance precision
and recall), features seen fewer than --minimum-count times and weights below --prune dropped.

--cv K: splits each set's sentences into K folds (sentence i goes to fold i mod K; with
--folds block, K contiguous blocks, so that an article's neighbouring sentences, which repeat
its names, never straddle folds; with --folds random --seed N, a fold drawn for each
sentence), trains on the other folds, tags the held-out fold with
`quotegraph tag` under that model, and scores the concatenated predictions with score_ner.py:
figures no sentence's own label has seen. Without --output nothing is written. The shipped
model: 5-fold CV PD PER F1 0.856, CLUENER name 0.697 (block folds: 0.853, 0.699; the mean of
mod, block and random seeds 1-4: 0.853, 0.700; gazetteer_drop_below -1). --ignore-features
REGEX leaves a family of features out. "N of M gold names among them" counts distinct spans:
the recall no ranking of the candidates can pass (PD 789 of 884, CLUENER 388 of 465).
"""
import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile

SETS = {
    "pd": "eval/peoples_daily_ner/example.dev",
    "cluener": "eval/cluener2020/dev.json",
    "resume": "eval/resume_ner/dev.char.bmes",
    "weibo": "eval/weibo_ner/weiboNER_2nd_conll.dev",
}


def read_sets(shared, names):
    sys.path.insert(0, os.path.join(shared, "tools"))
    import score_ner  # the scorer's own reading of the gold files

    sets = {}
    for name in names:
        assert "msra" not in SETS[name]
        gold = score_ner.read_gold(os.path.join(shared, SETS[name]))
        sets[name] = [(text, {(a, b) for a, b, t in spans if t == "PER"}) for text, spans in gold]
    return sets


def pipeline_file(root, classifier=None, margin=None, gazetteer_people=True, floor=None,
                  drop_below=None):
    """A copy of Pipelines/default.yml with person discovery's classifier options replaced."""
    lines = open(os.path.join(root, "Pipelines/default.yml"), encoding="utf-8").read().split("\n")
    out, in_finder = [], False
    for line in lines:
        if re.match(r"\s*type: ", line):
            in_finder = "person.discover.v1" in line
        if in_finder and re.match(r"\s+(classifier|candidate_margin|classify_gazetteer_people|classifier_floor|"
                                  r"gazetteer_drop_below):", line):
            continue
        out.append(line)
        if in_finder and re.match(r"\s+gazetteer: ", line):
            indent = line[: len(line) - len(line.lstrip())]
            if classifier is not None:
                out.append(f"{indent}classifier: {classifier}")
            if margin is not None:
                out.append(f"{indent}candidate_margin: {margin}")
            out.append(f"{indent}classify_gazetteer_people: {str(gazetteer_people).lower()}")
            if floor is not None:
                out.append(f"{indent}classifier_floor: {floor}")
            if drop_below is not None:
                out.append(f"{indent}gazetteer_drop_below: {drop_below}")
    handle = tempfile.NamedTemporaryFile(
        "w", suffix=".yml", delete=False, encoding="utf-8", dir=tempfile.gettempdir())
    handle.write("\n".join(out))
    handle.close()
    return handle.name


def run_tag(binary, pipeline, texts, candidates=False):
    arguments = [binary, "tag", "-", "--pipeline", pipeline]
    if candidates:
        arguments.append("--candidates")
    result = subprocess.run(
        arguments, input="".join(t + "\n" for t in texts), capture_output=True, text=True,
        check=True)
    return [json.loads(line) for line in result.stdout.splitlines()]


def examples(binary, pipeline, sentences):
    """(features, label) for every candidate of every sentence, by sentence, and the
    candidates' spans."""
    tagged = run_tag(binary, pipeline, [text for text, _ in sentences], candidates=True)
    out = []
    for (text, gold), line in zip(sentences, tagged):
        assert line["text"] == text
        out.append([(c["features"], 1 if (c["start"], c["end"]) in gold else 0)
                    for c in line["candidates"]])
    return out, [line["candidates"] for line in tagged]


def reachable(sentences, candidates):
    """How many gold spans of `sentences` are among their candidates, each counted once.

    >>> reachable([("王毅说", {(0, 2)})], [[{"start": 0, "end": 2}, {"start": 0, "end": 2}]])
    1
    """
    return sum(len(gold & {(c["start"], c["end"]) for c in found})
               for (_, gold), found in zip(sentences, candidates))


def fold_of(index, count, folds, mode, seed=1):
    """The fold of sentence `index` of `count`: every `folds`-th sentence (`mod`), or
    contiguous blocks (`block`), so that neighbouring sentences of one article, which repeat
    its names, never train and test the same fold, or a fold drawn for each sentence from
    `seed` (`random`), to see how far another partition alone moves the figures.

    >>> [fold_of(i, 6, 3, "mod") for i in range(6)], [fold_of(i, 6, 3, "block") for i in range(6)]
    ([0, 1, 2, 0, 1, 2], [0, 0, 1, 1, 2, 2])
    >>> draws = [fold_of(i, 1000, 5, "random", seed=2) for i in range(1000)]
    >>> draws == [fold_of(i, 1000, 5, "random", seed=2) for i in range(1000)], sorted(set(draws))
    (True, [0, 1, 2, 3, 4])
    >>> draws == [fold_of(i, 1000, 5, "random", seed=3) for i in range(1000)]
    False
    """
    if mode == "random":
        return random.Random(seed * 1000003 + index).randrange(folds)
    return index % folds if mode == "mod" else index * folds // count


def train(data, epochs, l2, rate, minimum_count, offset):
    counts = {}
    for features, _ in data:
        for name in features:
            counts[name] = counts.get(name, 0) + 1
    known = {name for name, count in counts.items() if count >= minimum_count or name.startswith("score")}
    weights, squares, bias, bias_square = {}, {}, 0.0, 1e-8
    order = list(range(len(data)))
    shuffle = random.Random(4)
    for _ in range(epochs):
        shuffle.shuffle(order)
        for index in order:
            features, label = data[index]
            active = [(n, v) for n, v in features.items() if n in known]
            z = bias + sum(weights.get(n, 0.0) * v for n, v in active)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            gradient = p - label
            bias_square += gradient * gradient
            bias -= rate * gradient / math.sqrt(bias_square)
            for name, value in active:
                w = weights.get(name, 0.0)
                g = gradient * value + l2 * w
                squares[name] = squares.get(name, 1e-8) + g * g
                weights[name] = w - rate * g / math.sqrt(squares[name])
    return bias + offset, weights


def write_model(path, bias, weights, prune):
    rows = [("(bias)", bias)] + sorted(
        (name, w) for name, w in weights.items() if abs(w) >= prune)
    with open(path, "w", encoding="utf-8") as f:
        f.write("feature\tweight\n")
        for name, w in rows:
            f.write(f"{name}\t{round(w, 3)}\n")
    return len(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--binary", default=".build/release/quotegraph")
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--root", default=".", help="the quotegraph checkout")
    parser.add_argument("--sets", default="pd,cluener")
    parser.add_argument("--output", help="write the model trained on every sentence here")
    parser.add_argument("--cv", type=int, default=0, help="cross-validate over this many folds")
    parser.add_argument("--folds", choices=["mod", "block", "random"], default="mod",
                        help="sentence i in fold i mod K (mod), K contiguous blocks (block), "
                             "or a fold drawn for each sentence from --seed (random)")
    parser.add_argument("--seed", type=int, default=1, help="the draw of --folds random")
    parser.add_argument("--margin", type=float, default=0.0,
                        help="candidate_margin: how far below the threshold candidates go")
    parser.add_argument("--floor", type=float, default=None,
                        help="classifier_floor: candidates further below the threshold are "
                        "dropped unweighed (default: none)")
    parser.add_argument("--drop-below", type=float, default=-1.0,
                        help="gazetteer_drop_below for the cross-validation runs")
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--l2", type=float, default=0.2)
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--minimum-count", type=int, default=1)
    parser.add_argument("--no-gazetteer-people", action="store_true",
                        help="weigh discovered candidates only, not the gazetteer's people")
    parser.add_argument("--offset", type=float, default=1.2,
                        help="added to the intercept: above 0 keeps more candidates")
    parser.add_argument("--prune", type=float, default=0.05)
    parser.add_argument("--ignore-features", default=None,
                        help="a regular expression: features whose names match it are left out "
                        "(to measure what a family of features brings)")
    args = parser.parse_args()
    names = args.sets.split(",")
    sets = read_sets(args.shared, names)
    # The candidates come from a pipeline with a classifier (one that knows nothing): without
    # one, person discovery leaves out the candidates it alone could never keep.
    blank = tempfile.NamedTemporaryFile(
        "w", suffix=".tsv", delete=False, encoding="utf-8", dir=tempfile.gettempdir())
    blank.write("feature\tweight\n(bias)\t0\n")
    blank.close()
    dump_pipeline = pipeline_file(
        args.root, classifier=blank.name, margin=args.margin,
        gazetteer_people=not args.no_gazetteer_people, floor=args.floor)
    dumped = {name: examples(args.binary, dump_pipeline, sentences)
              for name, sentences in sets.items()}
    data = {name: examples for name, (examples, _) in dumped.items()}
    if args.ignore_features:
        ignored = re.compile(args.ignore_features)
        data = {name: [[({n: v for n, v in f.items() if not ignored.match(n)}, label)
                        for f, label in s] for s in examples]
                for name, examples in data.items()}
    spans = {name: candidates for name, (_, candidates) in dumped.items()}
    for name in names:
        total = sum(len(s) for s in data[name])
        # A span proposed twice (a gazetteer person and a discovered name) counts once: this
        # is the recall no ranking of the candidates can pass.
        reached = reachable(sets[name], spans[name])
        gold = sum(len(g) for _, g in sets[name])
        print(f"{name}: {len(sets[name])} sentences, {total} candidates, {reached} of "
              f"{gold} gold names among them", file=sys.stderr)
    hyper = (args.epochs, args.l2, args.rate, args.minimum_count, args.offset)
    if args.cv:
        folder = tempfile.mkdtemp(prefix="name-classifier-cv.")
        print(f"cross-validation files in {folder}", file=sys.stderr)
        predictions = {name: [None] * len(sets[name]) for name in names}
        for fold in range(args.cv):
            train_data = [example for name in names for i, s in enumerate(data[name])
                          if fold_of(i, len(data[name]), args.cv, args.folds, args.seed) != fold
                          for example in s]
            bias, weights = train(train_data, *hyper)
            model = os.path.join(folder, f"fold{fold}.tsv")
            write_model(model, bias, weights, args.prune)
            pipeline = pipeline_file(
                args.root, classifier=model, margin=args.margin,
                gazetteer_people=not args.no_gazetteer_people, floor=args.floor,
                drop_below=args.drop_below)
            for name in names:
                held = [i for i in range(len(sets[name]))
                        if fold_of(i, len(sets[name]), args.cv, args.folds, args.seed) == fold]
                tagged = run_tag(args.binary, pipeline, [sets[name][i][0] for i in held])
                for i, line in zip(held, tagged):
                    predictions[name][i] = line
            os.unlink(pipeline)
        for name in names:
            path = os.path.join(folder, f"{name}.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for line in predictions[name]:
                    f.write(json.dumps(line, ensure_ascii=False) + "\n")
            result = subprocess.run(
                [sys.executable, os.path.join(args.shared, "tools/score_ner.py"), "score",
                 os.path.join(args.shared, SETS[name]), path, "--type", "PER"],
                capture_output=True, text=True, check=True)
            partition = args.folds + (f", seed {args.seed}" if args.folds == "random" else "")
            print(f"{args.cv}-fold CV ({partition}) {name}: {result.stdout.strip()}")
    if args.output:
        bias, weights = train([e for name in names for s in data[name] for e in s], *hyper)
        rows = write_model(args.output, bias, weights, args.prune)
        print(f"wrote {args.output}: {rows} rows", file=sys.stderr)
    os.unlink(dump_pipeline)
    os.unlink(blank.name)


if __name__ == "__main__":
    main()
