#!/usr/bin/env bash
# bench/run.sh: the speed and memory measures of issue 12, each beside its
# target, ending with the table (measure, now, target, met) in Markdown, as
# the README's Performance section shows it.
#
#   bash bench/run.sh            # every measure
#   bash bench/run.sh --quick    # without the 100x corpus and with one
#                                # question on the 20x store
#
# Whole processes are timed by bench/timeit in interleaved rounds: where a
# measure has a comparator (grep for ask, the cayley v0.7.7 CLI for query,
# a program that only links go-graphviz for --help) both run in each round
# and the ratio is the median of the per-round ratios; times are medians.
# Processes on the embedded notes run with the snapshot cache in
# bench/out/cache-warm (filled by the warm-up rounds); a "first run after
# the notes changed" empties bench/out/cache-cold of snapshots before each
# run (keeping go-graphviz's compiled module, which depends on the binary
# only); a "fresh machine" run has no cache at all.
# In-process figures come from Go benchmarks (ingest/scale_bench_test.go,
# queries/scale_bench_test.go); peak memory is the child's maximum RSS.
#
# It needs Go and a POSIX userland (bash, awk, sed, grep, sort, find,
# sha256sum); nothing else is installed. The cayley CLI is built once from
# the module cache (or downloaded through the Go module proxy) into
# bench/out/cayley; when that fails, the comparison prints a "skipped" line
# saying why. Every raw output (binaries, corpora, stores, benchmark
# outputs, profiles) is kept in bench/out/, which git ignores; corpora and
# the 20x store are reused by later runs (the store is rebuilt when the
# awskg binary changes).
#
# Run times measured on 2 cores shared with other jobs (load average 3 to
# 4): --quick about 2 to 3 minutes, the full run about 17 (2 to 4 minutes more
# the first time: cayley CLI, corpora, 20x store). Most of it is today's
# slow paths (the 100x engine build, ask --db at 20x): it shrinks with them.
# The load average is printed at the start and the end: other jobs on the
# machine slow every measure.
#
# Environment:
#   AWSKG_BENCH_RUNS=10         rounds per timed command on the embedded notes
#   AWSKG_BENCH_CAYLEY=PATH     a cayley v0.7.7 binary instead of building one
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD
OUT=$ROOT/bench/out
QUICK=0
for arg in "$@"; do
	case $arg in
	--quick) QUICK=1 ;;
	-h | --help)
		sed -n '2,/^set -uo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "bench/run.sh: unknown argument $arg (try --help)" >&2
		exit 2
		;;
	esac
done
RUNS=${AWSKG_BENCH_RUNS:-10}
QUESTION="which services support cross-account"
GIZMO='g.V("<capability:cross-account>").In("<supports>").Unique().Out("<name>").All()'
# the questions asked of the 20x store (the first alone with --quick)
DBQ=("which services support cross-account" "how do I get data from CloudWatch Logs to Athena" "what are the OpsWorks lifecycle events" "which services notify SNS natively")
BULLETS=100000
mkdir -p "$OUT"

say() { printf '%s\n' "$*"; }
die() {
	printf 'bench/run.sh: %s\n' "$*" >&2
	exit 1
}
command -v go >/dev/null || die "go is not on PATH"
# ms NS prints nanoseconds as milliseconds.
ms() { awk -v n="$1" 'BEGIN {if (n == "") print "?"; else if (n >= 1e10) printf "%.1f s", n/1e9; else if (n >= 1e8) printf "%.0f ms", n/1e6; else printf "%.1f ms", n/1e6}'; }
x() { awk -v r="$1" 'BEGIN {printf (r >= 10 ? "%.0f×" : "%.2f×"), r}'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a != "" && a+0 <= b+0)}'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a != "" && a+0 >= b+0)}'; }
verdict() { if "$@"; then echo met; else echo "not met"; fi; }
# tf FILE LABEL FIELD prints FIELD of LABEL's line of a timeit output.
tf() { awk -v l="$2" -v f="$3" '$1 == l {for (i = 2; i <= NF; i++) {split($i, kv, "="); if (kv[1] == f) print kv[2]}}' "$1"; }
# bench_field FILE NAME FIELD prints the value before FIELD ("ns/op",
# "MB/s") on the line of Go benchmark NAME.
bench_field() {
	awk -v name="$2" -v field="$3" '$1 ~ "^"name"(-[0-9]+)?$" {for (i = 2; i <= NF; i++) if ($i == field) print $(i-1)}' "$1" | head -n 1
}
timeit() { "$OUT/timeit" "$@"; }
corpus_bytes() { find "$@" -type f \( -name '*.txt' -o -name '*.md' \) -printf '%s\n' | awk '{s += $1} END {print s+0}'; }
# clear_cache DIR is the prep of a first run after the notes changed: the
# cache directory without its snapshots (and anything else awskg keeps
# there but the compiled Graphviz module: that one depends on the binary
# only).
clear_cache() { printf 'mkdir -p %q && find %q -mindepth 1 -maxdepth 1 ! -name go-graphviz -exec rm -rf {} +' "$1" "$1"; }

ROWS=()
row() { ROWS+=("$1|$2|$3|$4"); }

say "== awskg bench: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(go version | cut -d' ' -f3), $([[ $QUICK == 1 ]] && echo "--quick" || echo "full run"), $RUNS rounds per timed command"

# ---- build once ----
say "== building awskg, bench/timeit, bench/gen, bench/floor and the test binaries into bench/out"
go build -o "$OUT/awskg" ./cmd/awskg || die "go build ./cmd/awskg failed"
go build -o "$OUT/timeit" ./bench/timeit || die "go build ./bench/timeit failed"
go build -o "$OUT/gen" ./bench/gen || die "go build ./bench/gen failed"
go build -o "$OUT/floor" ./bench/floor || die "go build ./bench/floor failed"
go test -c -o "$OUT/ingest.test" ./ingest || die "go test -c ./ingest failed"
go test -c -o "$OUT/queries.test" ./queries || die "go test -c ./queries failed"
AWSKG=$OUT/awskg
WARM=$OUT/cache-warm # the snapshot cache of the warm runs
COLD=$OUT/cache-cold # emptied of snapshots before each run
FRESH=$OUT/fresh     # no cache at all, not even Graphviz's
rm -rf "$WARM" "$COLD"
mkdir -p "$WARM" "$COLD"

SCALES=(1 10 20)
[[ $QUICK == 0 ]] && SCALES+=(100)
for n in "${SCALES[@]}"; do
	[[ -d $OUT/corpus$n ]] && continue
	"$OUT/gen" -n "$n" -seed 1 -out "$OUT/corpus$n.tmp" >"$OUT/gen$n.log" || die "gen -n $n failed"
	mv "$OUT/corpus$n.tmp" "$OUT/corpus$n"
done
if [[ ! -f $OUT/bullets/bullets-$BULLETS.md ]]; then
	"$OUT/gen" -bullets "$BULLETS" -out "$OUT/bullets" >"$OUT/gen-bullets.log" || die "gen -bullets failed"
fi
for n in "${SCALES[@]}"; do say "   corpus ${n}x: $(find "$OUT/corpus$n" -type f | wc -l) notes, $(corpus_bytes "$OUT/corpus$n") bytes"; done

# ---- start-up and one question, whole processes on the embedded notes ----
say "== start-up and \`awskg ask --json \"$QUESTION\"\` (embedded notes), $RUNS interleaved rounds"
timeit -runs "$RUNS" -warmup 2 -- \
	@label=grep grep -ril cross-account data/notes ::: \
	@label=floor "$OUT/floor" ::: \
	@label=help @vs=floor @env=AWSKG_CACHE_DIR="$WARM" "$AWSKG" --help ::: \
	@label=ask @env=AWSKG_CACHE_DIR="$WARM" "$AWSKG" ask --json "$QUESTION" ::: \
	@label=ask-cold @env=AWSKG_CACHE_DIR="$COLD" @prep="$(clear_cache "$COLD")" "$AWSKG" ask --json "$QUESTION" \
	>"$OUT/startup.txt" || die "timing the start-up failed"
g=$(tf "$OUT/startup.txt" grep median_ns)
fl=$(tf "$OUT/startup.txt" floor median_ns)
h=$(tf "$OUT/startup.txt" help median_ns)
a=$(tf "$OUT/startup.txt" ask median_ns)
ac=$(tf "$OUT/startup.txt" ask-cold median_ns)
say "   grep -ril $(ms "$g"), go-graphviz floor $(ms "$fl"), awskg --help $(ms "$h"), ask (cache warm) $(ms "$a"), ask (no snapshot) $(ms "$ac")"
row "\`awskg ask --json \"$QUESTION\"\`, snapshot cache warm, vs \`grep -ril cross-account data/notes\`" \
	"$(ms "$a") vs $(ms "$g") ($(x "$(tf "$OUT/startup.txt" ask ratio)")); --help + $(ms $((a - h)))" \
	"≤ 45 ms (start-up + 10 ms)" "$(verdict le "$a" 45000000)"
row "the same, first run after the notes changed (no snapshot)" "$(ms "$ac")" "≤ 90 ms" "$(verdict le "$ac" 90000000)"
row "\`awskg --help\` vs a program that only links go-graphviz" \
	"$(ms "$h") vs $(ms "$fl") ($(x "$(tf "$OUT/startup.txt" help ratio)"))" \
	"≤ 40 ms" "$(verdict le "$h" 40000000)"

say "== first run on a fresh machine: no cache at all (TMPDIR and AWSKG_CACHE_DIR empty), 3 rounds"
timeit -runs 3 -warmup 0 -- \
	@label=fresh @env=TMPDIR="$FRESH/tmp" @env=AWSKG_CACHE_DIR="$FRESH/cache" @prep="rm -rf '$FRESH' && mkdir -p '$FRESH/tmp'" \
	"$AWSKG" ask --json "$QUESTION" >"$OUT/fresh.txt" || die "timing a fresh run failed"
fr=$(tf "$OUT/fresh.txt" fresh median_ns)
say "   $(ms "$fr")"
row "(info) the same, first run on a fresh machine (Graphviz's module compiled too)" "$(ms "$fr")" "-" "-"

# ---- awskg query vs the cayley CLI ----
say "== awskg query --lang gizmo vs the cayley v0.7.7 CLI on the exported graph"
say "   query: $GIZMO"
"$AWSKG" export --format cayley-nquads >"$OUT/graph.nq" || die "awskg export failed"
rm -rf "$OUT/db1"
"$AWSKG" ingest --db "$OUT/db1" 2>"$OUT/ingest-db1.log" >&2 || die "awskg ingest --db failed: see $OUT/ingest-db1.log"
CAYLEY=${AWSKG_BENCH_CAYLEY:-$OUT/cayley}
cayley_skip=""
if [[ ! -x $CAYLEY ]]; then
	say "   building the cayley CLI once (cached as bench/out/cayley)"
	tmp=$(mktemp -d)
	if (cd "$tmp" && go mod init cayleycli >/dev/null 2>&1 &&
		go get github.com/cayleygraph/cayley/cmd/cayley@v0.7.7 &&
		CGO_ENABLED=0 go build -o "$OUT/cayley" github.com/cayleygraph/cayley/cmd/cayley) >"$OUT/cayley-build.log" 2>&1; then
		CAYLEY=$OUT/cayley
	else
		cayley_skip="building github.com/cayleygraph/cayley/cmd/cayley@v0.7.7 failed: $(tail -n 1 "$OUT/cayley-build.log")"
	fi
	rm -rf "$tmp"
fi
AWSKG_CACHE_DIR=$WARM "$AWSKG" query --lang gizmo "$GIZMO" >"$OUT/query-awskg.json" || die "awskg query failed"
"$AWSKG" query --db "$OUT/db1" --lang gizmo "$GIZMO" >"$OUT/query-awskg-db.json" || die "awskg query --db failed"
names() { grep -o '"id": *"[^"]*"' "$1" | sed 's/"id": *//' | sort; }
if [[ -z $cayley_skip ]]; then
	if ! "$CAYLEY" query --db memstore -i "$OUT/graph.nq" --lang gizmo "$GIZMO" >"$OUT/query-cayley.json" 2>"$OUT/query-cayley.log"; then
		cayley_skip="cayley query failed: $(grep -m1 -i error "$OUT/query-cayley.log")"
	elif ! diff <(names "$OUT/query-awskg.json") <(names "$OUT/query-cayley.json") >/dev/null; then
		cayley_skip="cayley and awskg disagree on the query's results (see $OUT/query-*.json)"
	fi
fi
diff <(names "$OUT/query-awskg.json") <(names "$OUT/query-awskg-db.json") >/dev/null ||
	die "awskg query and awskg query --db disagree (see $OUT/query-awskg*.json)"
say "   results: $(names "$OUT/query-awskg.json" | wc -l) names, the same from every engine that ran"
if [[ -z $cayley_skip ]]; then
	timeit -runs "$RUNS" -warmup 1 -- \
		@label=cayley "$CAYLEY" query --db memstore -i "$OUT/graph.nq" --lang gizmo "$GIZMO" ::: \
		@label=query @env=AWSKG_CACHE_DIR="$WARM" "$AWSKG" query --lang gizmo "$GIZMO" ::: \
		@label=query-db "$AWSKG" query --db "$OUT/db1" --lang gizmo "$GIZMO" \
		>"$OUT/query.txt" || die "timing the queries failed"
	qc=$(tf "$OUT/query.txt" cayley median_ns)
	qa=$(tf "$OUT/query.txt" query median_ns)
	qd=$(tf "$OUT/query.txt" query-db median_ns)
	ra=$(tf "$OUT/query.txt" query ratio)
	rd=$(tf "$OUT/query.txt" query-db ratio)
	say "   cayley $(ms "$qc"), awskg query $(ms "$qa") ($(x "$ra")), awskg query --db $(ms "$qd") ($(x "$rd"))"
	row "\`awskg query\` (Gizmo, same query) vs the cayley v0.7.7 CLI on the exported nquads" "$(ms "$qa") vs $(ms "$qc") ($(x "$ra"))" "≤ 1.00×" "$(verdict le "$ra" 1)"
	row "the same with \`--db\` (bolt)" "$(ms "$qd") vs $(ms "$qc") ($(x "$rd"))" "≤ 1.00×" "$(verdict le "$rd" 1)"
else
	say "   skipped the cayley CLI comparison: $cayley_skip"
	row "\`awskg query\` (Gizmo, same query) vs the cayley v0.7.7 CLI on the exported nquads" "skipped: $cayley_skip" "≤ 1.00×" "skipped"
	row "the same with \`--db\` (bolt)" "skipped" "≤ 1.00×" "skipped"
fi

# ---- ingest throughput and linearity (Go benchmark) ----
say "== ingest throughput: BenchmarkIngestScale (synth + ingest.Build, in process)"
ingest_bench() { # SCALE BENCHTIME [extra test flags]
	local n=$1 bt=$2
	shift 2
	(cd ingest && "$OUT/ingest.test" -test.run '^$' -test.bench "IngestScale/${n}x\$" -test.benchtime "$bt" -test.benchmem -test.timeout 60m "$@") >"$OUT/ingest-${n}x.txt" 2>&1 ||
		die "ingest ${n}x benchmark failed: see $OUT/ingest-${n}x.txt"
}
ingest_bench 1 10x
ingest_bench 10 2x
t1=$(bench_field "$OUT/ingest-1x.txt" BenchmarkIngestScale/1x ns/op)
t10=$(bench_field "$OUT/ingest-10x.txt" BenchmarkIngestScale/10x ns/op)
mb1=$(bench_field "$OUT/ingest-1x.txt" BenchmarkIngestScale/1x MB/s)
mb10=$(bench_field "$OUT/ingest-10x.txt" BenchmarkIngestScale/10x MB/s)
lin10=$(awk -v a="$t10" -v b="$t1" 'BEGIN {printf "%.2f", a/(10*b)}')
if [[ $QUICK == 0 ]]; then
	ingest_bench 100 1x -test.cpuprofile "$OUT/ingest-100x.prof"
	t100=$(bench_field "$OUT/ingest-100x.txt" BenchmarkIngestScale/100x ns/op)
	mb100=$(bench_field "$OUT/ingest-100x.txt" BenchmarkIngestScale/100x MB/s)
	lin=$(awk -v a="$t100" -v b="$t1" 'BEGIN {printf "%.2f", a/(100*b)}')
	go tool pprof -top -nodecount=30 "$OUT/ingest.test" "$OUT/ingest-100x.prof" >"$OUT/ingest-100x-top.txt" 2>/dev/null
	say "   1x $(ms "$t1") ($mb1 MB/s), 10x $(ms "$t10") ($mb10 MB/s), 100x $(ms "$t100") ($mb100 MB/s); t(100x)/(100 t(1x)) = $lin; profile: bench/out/ingest-100x-top.txt"
	row "ingest throughput at 1× / 10× / 100×" "$mb1 / $mb10 / $mb100 MB/s" "≥ 20 MB/s at every size" "$(verdict eval 'ge "$mb1" 20 && ge "$mb10" 20 && ge "$mb100" 20')"
	row "ingest linearity t(100×)/(100·t(1×))" "$lin (10×: $lin10)" "≤ 1.1" "$(verdict le "$lin" 1.1)"
else
	say "   1x $(ms "$t1") ($mb1 MB/s), 10x $(ms "$t10") ($mb10 MB/s); t(10x)/(10 t(1x)) = $lin10; 100x skipped (--quick)"
	row "ingest throughput at 1× / 10× / 100×" "$mb1 / $mb10 / (skipped) MB/s" "≥ 20 MB/s at every size" "$(verdict eval 'ge "$mb1" 20 && ge "$mb10" 20') at 1× and 10×; 100× skipped"
	row "ingest linearity t(100×)/(100·t(1×))" "skipped (--quick); t(10×)/(10·t(1×)) = $lin10" "≤ 1.1" "skipped"
fi

# ---- Engine.Ask in process on the large corpus (Go benchmark) ----
BIG=$([[ $QUICK == 1 ]] && echo 10 || echo 100)
say "== Engine.Ask in process on ${BIG}x, every dev question (BenchmarkAskScale100x; the engine is built once, untimed)"
(cd queries && AWSKG_BENCH_ASK_SCALE=$BIG "$OUT/queries.test" -test.run '^$' -test.bench 'AskScale100x/' -test.benchtime 1x -test.benchmem -test.timeout 60m -test.v \
	-test.cpuprofile "$OUT/ask-inprocess-${BIG}x.prof") >"$OUT/ask-inprocess-${BIG}x.txt" 2>&1 ||
	die "BenchmarkAskScale100x failed: see $OUT/ask-inprocess-${BIG}x.txt"
grep -m1 'engine on' "$OUT/ask-inprocess-${BIG}x.txt" | sed 's/^ */   /'
read -r slowname slowest < <(awk '$1 ~ /^BenchmarkAskScale100x\// {for (i = 2; i <= NF; i++) if ($i == "ns/op") {n = $1; sub(/^BenchmarkAskScale100x\//, "", n); sub(/-[0-9]+$/, "", n); print n, $(i-1)}}' "$OUT/ask-inprocess-${BIG}x.txt" | sort -k2 -n -r | head -n 1)
go tool pprof -top -cum -nodecount=40 -focus 'queries\.\(\*Engine\)\.Ask$' "$OUT/queries.test" "$OUT/ask-inprocess-${BIG}x.prof" >"$OUT/ask-inprocess-${BIG}x-ask-cum.txt" 2>/dev/null
say "   slowest: $slowname, $(ms "$slowest") (profile inside Engine.Ask: bench/out/ask-inprocess-${BIG}x-ask-cum.txt)"
if [[ $QUICK == 0 ]]; then
	row "slowest \`ask\` in process at 100× (every dev question)" "$(ms "$slowest") ($slowname)" "≤ 50 ms" "$(verdict le "$slowest" 50000000)"
else
	row "slowest \`ask\` in process at 100× (every dev question)" "skipped (--quick); at 10×: $(ms "$slowest") ($slowname)" "≤ 50 ms" "skipped"
fi

# ---- peak memory of a whole process on the large corpus ----
say "== peak memory of \`awskg ask --notes corpus${BIG}\` (first run: no snapshot), against the notes' bytes"
timeit -runs 1 -warmup 0 -- \
	@label=ask-big @env=AWSKG_CACHE_DIR="$COLD" @prep="$(clear_cache "$COLD")" "$AWSKG" ask --notes "$OUT/corpus$BIG" "$QUESTION" ::: \
	@label=grep-big grep -ril cross-account data/notes "$OUT/corpus$BIG" \
	>"$OUT/ask-${BIG}x.txt" || die "awskg ask --notes corpus$BIG failed"
rss=$(tf "$OUT/ask-${BIG}x.txt" ask-big maxrss_kb)
bytes=$(corpus_bytes data/notes "$OUT/corpus$BIG")
mult=$(awk -v r="$rss" -v c="$bytes" 'BEGIN {printf "%.0f", r*1024/c}')
mib() { awk -v k="$1" 'BEGIN {printf "%.1f MiB", k/1024}'; } # mib KIB
say "   $(mib "$rss") for $(mib $((bytes / 1024))) of notes = ${mult}×, in $(ms "$(tf "$OUT/ask-${BIG}x.txt" ask-big median_ns)") (grep -ril: $(ms "$(tf "$OUT/ask-${BIG}x.txt" grep-big median_ns)"))"
if [[ $QUICK == 0 ]]; then
	row "peak memory at 100×" "${mult}× the notes' bytes ($(mib "$rss") for $(mib $((bytes / 1024))))" "≤ 20×" "$(verdict le "$mult" 20)"
else
	row "peak memory at 100×" "skipped (--quick); at 10×: ${mult}× the notes' bytes ($(mib "$rss") for $(mib $((bytes / 1024))))" "≤ 20×" "skipped"
fi

# ---- ask --db on a 20x bolt store ----
stamp=$(sha256sum "$AWSKG" | cut -c1-16)
if [[ ! -f $OUT/db20.stamp || $(cat "$OUT/db20.stamp") != "$stamp" || ! -d $OUT/db20 ]]; then
	say "== building the 20x bolt store (awskg ingest --db bench/out/db20 bench/out/corpus20; kept until awskg changes)"
	rm -rf "$OUT/db20" "$OUT/db20.stamp"
	timeit -runs 1 -warmup 0 -- @label=ingest-db20 "$AWSKG" ingest --db "$OUT/db20" "$OUT/corpus20" >"$OUT/ingest-db20.txt" ||
		die "awskg ingest --db bench/out/db20 failed"
	say "   built in $(ms "$(tf "$OUT/ingest-db20.txt" ingest-db20 median_ns)"), peak RSS $(($(tf "$OUT/ingest-db20.txt" ingest-db20 maxrss_kb) / 1024)) MiB"
	echo "$stamp" >"$OUT/db20.stamp"
fi
nq=${#DBQ[@]}
dbruns=5
[[ $QUICK == 1 ]] && nq=1 && dbruns=1
say "== \`awskg ask --db\` on the 20x bolt store ($(du -sh "$OUT/db20" | cut -f1)), $nq question(s), up to $dbruns rounds within a minute"
args=()
for ((i = 0; i < nq; i++)); do
	((i > 0)) && args+=(:::)
	args+=("@label=q$i" "$AWSKG" ask --db "$OUT/db20" "${DBQ[i]}")
done
timeit -runs "$dbruns" -warmup 0 -max-time 60s -- "${args[@]}" >"$OUT/ask-db20.txt" || die "awskg ask --db bench/out/db20 failed"
dbslow=0
dbq=""
for ((i = 0; i < nq; i++)); do
	t=$(tf "$OUT/ask-db20.txt" "q$i" median_ns)
	say "   \"${DBQ[i]}\": $(ms "$t") ($(tf "$OUT/ask-db20.txt" "q$i" runs) runs)"
	if ((t > dbslow)); then
		dbslow=$t
		dbq=${DBQ[i]}
	fi
done
row "\`ask --db\` on a 20× bolt store" "$(ms "$dbslow") (slowest of $nq: \"$dbq\")" "≤ 100 ms" "$(verdict le "$dbslow" 100000000)"

# ---- memory per fact ----
NOTE=$OUT/bullets/bullets-$BULLETS.md
say "== memory per fact: peak RSS of \`awskg ask --notes\` a note of $BULLETS bullets (\"* AWS CodeDeploy item N supports canary deployment\") beyond the embedded notes alone"
timeit -runs 1 -warmup 0 -- \
	@label=bullets @env=AWSKG_CACHE_DIR="$COLD" @prep="$(clear_cache "$COLD")" "$AWSKG" ask --notes "$NOTE" "which services support canary deployment" ::: \
	@label=embedded @env=AWSKG_CACHE_DIR="$COLD" @prep="$(clear_cache "$COLD")" "$AWSKG" ask "which services support canary deployment" \
	>"$OUT/bullets.txt" || die "awskg ask --notes $NOTE failed"
facts=$(AWSKG_CACHE_DIR=$WARM "$AWSKG" facts --notes "$NOTE" | grep -o "bullets-$BULLETS\.md:[0-9]*" | sort -u | wc -l)
rb=$(tf "$OUT/bullets.txt" bullets maxrss_kb)
re=$(tf "$OUT/bullets.txt" embedded maxrss_kb)
perfact=$(awk -v b="$rb" -v e="$re" -v n="$facts" 'BEGIN {if (n == 0) print ""; else printf "%.2f", (b-e)*1024/n/1000}')
whole=$(awk -v b="$rb" -v n="$facts" 'BEGIN {if (n == 0) print ""; else printf "%.2f", b*1024/n/1000}')
say "   $((rb / 1024)) MiB with the note, $((re / 1024)) MiB without, $facts facts from the note: $perfact KB per fact ($whole KB counting the whole process)"
[[ $facts -gt 0 ]] || die "no fact came from $NOTE"
row "memory per fact, one note of ${BULLETS} bullets (\`* AWS CodeDeploy item N supports canary deployment\`)" \
	"$((rb / 1024)) MiB, $perfact KB per fact beyond the embedded notes' $((re / 1024)) MiB ($whole KB counting them)" "≤ 1 KB per fact" "$(verdict le "$perfact" 1)"

# ---- the table ----
say ""
say "== results (raw outputs in bench/out/; $(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
say ""
say "| measure | now | target | met |"
say "|---|---|---|---|"
for r in "${ROWS[@]}"; do
	IFS='|' read -r m v t ok <<<"$r"
	say "| $m | $v | $t | $ok |"
done
