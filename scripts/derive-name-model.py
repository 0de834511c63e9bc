#!/usr/bin/env python3
"""Derives the data behind person.discover.v1 from the gazetteer's own people and public text.

usage: scripts/derive-name-model.py [--shared ../shared] [--gazetteers Gazetteers]

Writes, deterministically (sorted rows, fixed smoothing):
  Gazetteers/name-model.tsv  kind form count weight
      surname  first character of the 2- and 3-character Chinese names in people.tsv (any
               count), plus curated/surnames.tsv (compound surnames: 欧阳, 司马 ...)
      given    characters of the given names of those names, and with count 0 (weight at most
               0) every other character of the news text
      foreign  inner characters of transliterated name words: the parts of the names with a
               middle dot in people.tsv and the CedPane words glossed by a Western name alone
               (Stuart, Hunt (surname)), less those glossed by their own pinyin (Chinese words)
      foreign-first, foreign-last  the first and the last characters of those words
      weight = ln(P(char | kind)) - ln(P(char | news text)), add-0.5 / add-1 smoothing, clipped to
      [-8, 8]; "news text" is every CJK character of shared/corpus (4.6 MB of BBC, CNA and RFI
      articles, no labels).
  Gazetteers/name-traps.tsv  word note
      words of the Cilin thesaurus (shared/gazetteer-sources/cilin) that look like a surname
      plus a given name (2 or 3 characters, first character a surname) and are no person in
      people.tsv: 王国, 高度, 耿直, 和蔼 ...; proper nouns of CedPane's PD-English-Definitions
      that name no person (note "place": 沈阳, 南斯拉夫, 阿森纳; see proper_nouns); plus
      curated/name-traps.tsv.
  Gazetteers/common-words.tsv  word gloss
      words of three characters or more of CedPane's PD-English-Definitions glossed in lower case
      (no proper noun, no surname or given name) and no person in people.tsv: 偷梁换柱, 真才实学,
      新技术, 斯诺克. A name never cuts one (高新|技术 holds no 高新, 偷|梁换柱 no 梁换柱).
  Gazetteers/readings.tsv  character readings
      every reading, in toneless pinyin, that CedPane-ChinaScribe's entries give each character
      (佩 pei, 希 xi, 西 xi): a discovered name that sounds as a prominent foreign person's name
      does (佩洛希, 彭佩奥) is that person.
No evaluation set is read.
"""
import math
import os
import re
import sys
from collections import Counter

args = sys.argv[1:]
shared = args[args.index("--shared") + 1] if "--shared" in args else "../shared"
gaz = args[args.index("--gazetteers") + 1] if "--gazetteers" in args else "Gazetteers"
CJK = re.compile(r"^[\u4e00-\u9fff]+$")
DOTS = "·•‧・﹒．"


def tsv(path):
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows


people = tsv(os.path.join(gaz, "people.tsv"))
names = [r["name"] for r in people]
curated_surnames = [r["word"] for r in tsv(os.path.join(gaz, "curated", "surnames.tsv"))]
curated_traps = [r["word"] for r in tsv(os.path.join(gaz, "curated", "name-traps.tsv"))]

surname_counts = Counter(n[0] for n in names if CJK.match(n) and len(n) in (2, 3))
surnames = {c for c, k in surname_counts.items() if k >= 1}
given = Counter()
for n in names:
    if CJK.match(n) and len(n) in (2, 3) and n[0] in surnames:
        given.update(n[1:])
for compound in curated_surnames:
    for n in names:
        if CJK.match(n) and n.startswith(compound) and len(n) in (3, 4):
            given.update(n[len(compound):])
# Transliterated name words: the parts of the dotted names in people.tsv, then CedPane's.
foreign_words = []
for n in names:
    if any(d in n for d in DOTS):
        foreign_words += [w for w in re.split("[" + DOTS + "]", n) if CJK.match(w)]


def toneless(pinyin):
    return re.sub(r"[^a-z]", "", re.sub(r"[1-5]", "", pinyin.lower()))


def cedpane_transliterations(path):
    """CedPane words glossed by one capitalised Western name each (Stuart, Hunt (surname)) whose
    gloss is not the pinyin of the word: transliterated names, not Chinese words or places."""
    entry = re.compile(r"^\S+ (\S+) \[([^\]]*)\] /(.*)/\s*$")
    gloss = re.compile(r"[A-Z][a-zA-Z'\-]+( \((surname|name|given name|[a-z' ]*name)\))?")
    found = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = entry.match(line)
            if not m or line.startswith("#") or not CJK.match(m.group(1)):
                continue
            word, pinyin, glosses = m.group(1), m.group(2), m.group(3).split("/")
            if len(word) < 2 or not all(gloss.fullmatch(g) for g in glosses):
                continue
            if any(toneless(g.split(" (")[0]) == toneless(pinyin) for g in glosses):
                continue
            if word in known_places or any(g.split(" (")[0].lower() in known_places for g in glosses):
                continue
            found.append(word)
    return found


# CedPane glosses places the same way (Kosovo): words or glosses the gazetteer knows as a
# place or an organisation are no name.
known_places = set()
for file in ("places.tsv", "organizations.tsv"):
    for r in tsv(os.path.join(gaz, file)):
        known_places.update([r["name"], r["name_en"].lower()] + r["aliases"].split("|"))
transliterations = cedpane_transliterations(
    os.path.join(shared, "gazetteer-sources", "cedpane", "CedPane-ChinaScribe.txt"))
foreign_words += transliterations
# Where a character stands in a transliterated word matters: 日 and 都 never end one, so a run
# of transliteration characters is cut where the model says the name ends.
foreign = Counter(ch for w in foreign_words for ch in w[1:-1])
foreign_first = Counter(w[0] for w in foreign_words if len(w) >= 2)
foreign_last = Counter(w[-1] for w in foreign_words if len(w) >= 2)

background = Counter()
for root, _, files in sorted(os.walk(os.path.join(shared, "corpus"))):
    for name in sorted(files):
        with open(os.path.join(root, name), encoding="utf-8", errors="ignore") as f:
            background.update(ch for ch in f.read() if "\u4e00" <= ch <= "\u9fff")
B = sum(background.values())
V = len(background) + 1


def weight(count, total, char):
    w = math.log((count + 0.5) / (total + 0.5 * V)) - math.log((background[char] + 1) / (B + V))
    return max(-8.0, min(8.0, w))


rows = []
S = sum(surname_counts[c] for c in surnames)
for c in sorted(surnames):
    rows.append(("surname", c, surname_counts[c], weight(surname_counts[c], S, c)))
for compound in sorted(set(curated_surnames)):
    k = sum(1 for n in names if n.startswith(compound))
    rows.append(("surname", compound, k, weight(max(k, 3), S, compound[0])))
G = sum(given.values())
for c in sorted(given):
    rows.append(("given", c, given[c], weight(given[c], G, c)))
# A character of the news text no given name in the gazetteer has: the smoothed estimate, never
# above 0 (12,000 politicians do not show every character parents choose: 弟, 笃, 璞).
for c in sorted(set(background) - set(given)):
    rows.append(("given", c, 0, min(0.0, weight(0, G, c))))
for kind, counts in (("foreign", foreign), ("foreign-first", foreign_first),
                     ("foreign-last", foreign_last)):
    total = sum(counts.values())
    for c in sorted(counts):
        if counts[c] >= 2:
            rows.append((kind, c, counts[c], weight(counts[c], total, c)))
rows.sort(key=lambda r: (r[0], r[1]))
with open(os.path.join(gaz, "name-model.tsv"), "w", encoding="utf-8") as out:
    out.write("kind\tform\tcount\tweight\n")
    for kind, form, count, w in rows:
        out.write(f"{kind}\t{form}\t{count}\t{w:.3f}\n")

person_names = set(names)
for r in people:
    person_names.update(a for a in r["aliases"].split("|") if a)
traps = {}
with open(os.path.join(shared, "gazetteer-sources", "cilin", "cilin.txt"), encoding="gb18030") as f:
    for line in f:
        for word in line.split()[1:]:
            if (CJK.match(word) and len(word) in (2, 3) and word[0] in surnames
                    and word not in person_names):
                traps.setdefault(word, "cilin")


def readings():
    """Every toneless reading CedPane-ChinaScribe's entries give each character, where an
    entry's pinyin has one syllable per character."""
    syllables = {}
    entry = re.compile(r"^\S+ (\S+) \[([^\]]*)\] /")
    cedpane = os.path.join(shared, "gazetteer-sources", "cedpane")
    with open(os.path.join(cedpane, "CedPane-ChinaScribe.txt"), encoding="utf-8") as f:
        for line in f:
            m = entry.match(line)
            if m and not line.startswith("#"):
                sounds = re.split(r"[ _]", m.group(2))
                if len(sounds) == len(m.group(1)):
                    for ch, sound in zip(m.group(1), sounds):
                        syllables.setdefault(ch, set()).add(toneless(sound))
    return syllables


def proper_nouns():
    """Words of CedPane's public-domain dictionary glossed by one capitalised word that names no
    person: the word's own pinyin (沈阳 Shenyang, 丹东 Dandong: Chinese places) or, for a word that
    is no CedPane name, a gloss that is no part of any English name in people.tsv (南斯拉夫 Yugoslavia,
    阿森纳 Arsenal). A discovered name that is such a word, or starts with one, is none."""
    syllables = readings()
    cedpane = os.path.join(shared, "gazetteer-sources", "cedpane")
    english_name_parts = set()
    for r in people:
        english_name_parts.update(t.lower() for t in re.split(r"[^A-Za-z]+", r["name_en"]) if t)
    names_in_cedpane = set(transliterations)
    found = {}
    with open(os.path.join(cedpane, "PD-English-Definitions.tsv"), encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 3 or not CJK.match(cells[0]) or len(cells[0]) < 2:
                continue
            word, gloss = cells[0], cells[2]
            if not re.fullmatch(r"[A-Z][a-z]+", gloss) or word in person_names:
                continue
            spoken = [""]
            for ch in word:
                spoken = [s + t for s in spoken for t in syllables.get(ch, ())][:64]
            if gloss.lower() in spoken:
                found[word] = "place"
            elif word not in names_in_cedpane and gloss.lower() not in english_name_parts:
                found[word] = "place"
    return found


for word, note in proper_nouns().items():
    traps[word] = note
for word in curated_traps:
    traps[word] = "curated"
with open(os.path.join(gaz, "name-traps.tsv"), "w", encoding="utf-8") as out:
    out.write("word\tnote\n")
    for word in sorted(traps):
        out.write(f"{word}\t{traps[word]}\n")


def common_words():
    """Words of CedPane's PD-English-Definitions of three to eight characters whose gloss starts
    in lower case: the dictionary's common words, which names stand beside and never cut."""
    found = {}
    path = os.path.join(shared, "gazetteer-sources", "cedpane", "PD-English-Definitions.tsv")
    with open(path, encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 3 or not CJK.match(cells[0]) or not 3 <= len(cells[0]) <= 8:
                continue
            word, gloss = cells[0], cells[2].strip()
            if (not gloss or not gloss[0].islower() or re.search(r"\b(surname|given name)\b", gloss)
                    or word in person_names):
                continue
            found.setdefault(word, gloss.replace("\t", " "))
    return found


common = common_words()
with open(os.path.join(gaz, "common-words.tsv"), "w", encoding="utf-8") as out:
    out.write("word\tgloss\n")
    for word in sorted(common):
        out.write(f"{word}\t{common[word]}\n")
sounds = {ch: r for ch, r in readings().items() if CJK.match(ch) and all(r)}
with open(os.path.join(gaz, "readings.tsv"), "w", encoding="utf-8") as out:
    out.write("character\treadings\n")
    for ch in sorted(sounds):
        out.write(f"{ch}\t{'|'.join(sorted(sounds[ch]))}\n")
print(f"name-model.tsv: {len(rows)} rows; name-traps.tsv: {len(traps)} words; "
      f"common-words.tsv: {len(common)} words; readings.tsv: {len(sounds)} characters",
      file=sys.stderr)
