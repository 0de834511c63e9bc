#!/usr/bin/env bash
# Instruction counts of `quotegraph extract -j 1` under valgrind's callgrind: repeatable on a
# shared, busy machine where wall-clock times are not. Prints the inclusive count of each
# stage's process function, the reader, the graph writer and the pipeline load, and keeps the
# full profile for callgrind_annotate.
#
# usage: scripts/callgrind.sh [OUT_FILE] [INPUT...]    (default: callgrind.out.quotegraph,
#                                                       ../shared/corpus)
# Needs a release build (swift build -c release), valgrind, objcopy and a C compiler.
#
# Two things stop valgrind 3.19 on a Swift 6 binary, worked around here:
# - its DWARF reader gives up on the DWARF 5 forms Swift emits ("unhandled dwarf2 abbrev form
#   code 0x25"): profile a copy with the debug info stripped (function names stay);
# - it writes into the signal mask passed to rt_sigsuspend, which libdispatch's dispatch_main
#   keeps in read-only memory, and dies with SIGSEGV: preload a sigsuspend that copies it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-callgrind.out.quotegraph}
shift || true
[ "$#" -gt 0 ] || set -- "$root/../shared/corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -shared -fPIC -O2 -o "$work/sigsuspend.so" "$root/scripts/valgrind-sigsuspend.c"
objcopy --strip-debug "$root/.build/release/quotegraph" "$work/quotegraph"
LD_PRELOAD="$work/sigsuspend.so" valgrind --tool=callgrind --callgrind-out-file="$out" \
  "$work/quotegraph" extract "$@" -j 1 -o "$work/graph.jsonl" --quiet 2>&1 | grep 'refs' || true
demangle=(swift demangle --simplified)
command -v swift >/dev/null || demangle=(cat)
callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null | "${demangle[@]}" |
  grep -E '\?\?\?:(protocol witness for Stage.process|GraphWriter.lines|ArticleReader.read\(|PipelineOptions.load)' |
  sed 's/protocol witness for Stage.process(_:) in conformance //; s/ *\[.*//; s/???://'
