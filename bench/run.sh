#!/usr/bin/env bash
# bench/run.sh: scale and speed measurements of awskg, printed side by side
# in one run, ending with a table of measure, value, target, met/not met.
#
#   bash bench/run.sh
#
# It measures, on synthetic corpora from bench/synth (go run ./bench/gen):
#   (a) ingest throughput (MB/s) at 1x, 10x and 100x the embedded notes
#       (BenchmarkIngestScale in ingest/scale_bench_test.go) and linearity,
#       t(100x) / (100 * t(1x)); a CPU profile of the 100x run;
#   (b) a whole `awskg ask` process (embedded notes; --notes the 100x corpus)
#       against `grep -ril cross-account` over the same notes;
#   (c) `awskg query --lang gizmo` (ingesting the notes; and --db on a bolt
#       store built by `awskg ingest`) against the cayley v0.7.7 CLI loading
#       the graph exported by `awskg export --format cayley-nquads`, same query;
#   (d) peak memory (maximum RSS) of `awskg ask` against the corpus size;
#   (e) Engine.Ask in process on 100x (BenchmarkAskScale100x), with a CPU
#       profile of the engine build and of Ask.
#
# Raw outputs go to bench/out/ (gitignored): the binaries, the corpora, every
# benchmark output, the profile and its top functions.
#
# Environment:
#   AWSKG_BENCH_BIG=100   the large corpus multiple; 10 makes a quick run
#                         (about a minute) that skips the 100x measures
#   AWSKG_BENCH_RUNS=10   runs per timed command (the median is printed);
#                         processes on the large corpus run once
#   AWSKG_BENCH_ASK_QUESTIONS  dev question IDs (a regexp) timed in process
#                         on the large corpus
#   AWSKG_BENCH_CAYLEY=path    a cayley v0.7.7 binary to use instead of
#                         building one (the build is cached in bench/out/)
#
# On 2 cores a full run takes about 5 minutes (measured: 4 to 5 on a
# machine shared with other jobs), plus 2 to 4 minutes the first time, to
# build the cayley CLI. The load average is printed at the start and the
# end: other jobs on the machine slow every measure.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD
OUT=$ROOT/bench/out
BIG=${AWSKG_BENCH_BIG:-100}
RUNS=${AWSKG_BENCH_RUNS:-10}
ASKQ=${AWSKG_BENCH_ASK_QUESTIONS:-xacct-services|path-logs-athena|dr-by-cost|feat-opsworks-lifecycle}
QUESTION="which services support cross-account"
GIZMO='g.V("<capability:cross-account>").In("<supports>").Unique().Out("<name>").All()'
mkdir -p "$OUT"

case $BIG in 10 | 100) ;; *)
	echo "AWSKG_BENCH_BIG must be 10 or 100, not $BIG" >&2
	exit 2
	;;
esac

say() { printf '%s\n' "$*"; }
die() {
	printf 'bench/run.sh: %s\n' "$*" >&2
	exit 1
}
now_ns() { date +%s%N; }
median() { sort -n | awk '{v[NR]=$1} END {if (NR==0) print "NaN"; else if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
# fmt_ms NS prints nanoseconds as milliseconds.
fmt_ms() { awk -v n="$1" 'BEGIN {printf "%.1f", n/1e6}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b+0 == 0) print "NaN"; else printf "%.2f", a/b}'; }
# le A B: A <= B
le() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a+0 <= b+0 && a != "NaN")}'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN {exit !(a+0 >= b+0 && a != "NaN")}'; }
# bench_field FILE NAME FIELD prints the value before FIELD ("ns/op",
# "MB/s") on the line of benchmark NAME.
bench_field() {
	awk -v name="$2" -v field="$3" '$1 ~ "^"name"(-[0-9]+)?$" {for (i=2; i<=NF; i++) if ($i == field) print $(i-1)}' "$1" | head -n 1
}
# time_runs N CMD... runs CMD N times (output to /dev/null) and prints the
# median wall time in ns; a failing run aborts the script.
time_runs() {
	local n=$1 i t0 t1
	shift
	for ((i = 0; i < n; i++)); do
		t0=$(now_ns)
		"$@" >/dev/null 2>&1 || die "failed: $*"
		t1=$(now_ns)
		echo $((t1 - t0))
	done | median
}
# peak_rss_kb FILE prints the "Maximum resident set size" of a /usr/bin/time -v log.
peak_rss_kb() { awk -F': *' '/Maximum resident set size/ {print $2}' "$1"; }
corpus_bytes() { find "$@" -type f \( -name '*.txt' -o -name '*.md' \) -printf '%s\n' | awk '{s+=$1} END {print s+0}'; }

ROWS=()
row() { ROWS+=("$1|$2|$3|$4"); }
verdict() { if "$@"; then echo met; else echo "not met"; fi; }

say "== awskg bench: $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(go version | cut -d' ' -f3), large corpus ${BIG}x, ${RUNS} runs per timed command"

# ---- build once ----
say "== building awskg, the test binaries and the generator into bench/out"
go build -o "$OUT/awskg" ./cmd/awskg || die "go build ./cmd/awskg failed"
go build -o "$OUT/gen" ./bench/gen || die "go build ./bench/gen failed"
go test -c -o "$OUT/ingest.test" ./ingest || die "go test -c ./ingest failed"
go test -c -o "$OUT/queries.test" ./queries || die "go test -c ./queries failed"

SCALES=(1 10)
[[ $BIG != 10 ]] && SCALES+=("$BIG")
for n in "${SCALES[@]}"; do
	[[ -d $OUT/corpus$n ]] && continue
	"$OUT/gen" -n "$n" -seed 1 -out "$OUT/corpus$n.tmp" >"$OUT/gen$n.log" || die "gen -n $n failed"
	mv "$OUT/corpus$n.tmp" "$OUT/corpus$n"
done
for n in "${SCALES[@]}"; do say "   corpus ${n}x: $(ls "$OUT/corpus$n" | wc -l) notes, $(corpus_bytes "$OUT/corpus$n") bytes"; done

# ---- (a) ingest throughput and linearity ----
say "== (a) ingest throughput: BenchmarkIngestScale (synth + ingest.Build)"
(cd ingest && "$OUT/ingest.test" -test.run XXX -test.bench 'IngestScale/1x$' -test.benchtime 10x -test.benchmem) >"$OUT/ingest-1x.txt" 2>&1 || die "ingest 1x benchmark failed: see $OUT/ingest-1x.txt"
(cd ingest && "$OUT/ingest.test" -test.run XXX -test.bench 'IngestScale/10x$' -test.benchtime 2x -test.benchmem) >"$OUT/ingest-10x.txt" 2>&1 || die "ingest 10x benchmark failed: see $OUT/ingest-10x.txt"
t1=$(bench_field "$OUT/ingest-1x.txt" BenchmarkIngestScale/1x ns/op)
t10=$(bench_field "$OUT/ingest-10x.txt" BenchmarkIngestScale/10x ns/op)
mb1=$(bench_field "$OUT/ingest-1x.txt" BenchmarkIngestScale/1x MB/s)
mb10=$(bench_field "$OUT/ingest-10x.txt" BenchmarkIngestScale/10x MB/s)
say "   1x:   $(fmt_ms "$t1") ms/op, $mb1 MB/s"
say "   10x:  $(fmt_ms "$t10") ms/op, $mb10 MB/s"
row "ingest throughput 1x" "$mb1 MB/s" ">= 20 MB/s" "$(verdict ge "$mb1" 20)"
row "ingest throughput 10x" "$mb10 MB/s" ">= 20 MB/s" "$(verdict ge "$mb10" 20)"
lin10=$(awk -v a="$t10" -v b="$t1" 'BEGIN {printf "%.2f", a/(10*b)}')
if [[ $BIG == 100 ]]; then
	(cd ingest && "$OUT/ingest.test" -test.run XXX -test.bench 'IngestScale/100x$' -test.benchtime 1x -test.benchmem -test.cpuprofile "$OUT/ingest-100x.prof" -test.timeout 30m) >"$OUT/ingest-100x.txt" 2>&1 || die "ingest 100x benchmark failed: see $OUT/ingest-100x.txt"
	t100=$(bench_field "$OUT/ingest-100x.txt" BenchmarkIngestScale/100x ns/op)
	mb100=$(bench_field "$OUT/ingest-100x.txt" BenchmarkIngestScale/100x MB/s)
	lin=$(awk -v a="$t100" -v b="$t1" 'BEGIN {printf "%.2f", a/(100*b)}')
	say "   100x: $(fmt_ms "$t100") ms/op, $mb100 MB/s"
	say "   linearity t(100x)/(100*t(1x)) = $lin (t(10x)/(10*t(1x)) = $lin10)"
	row "ingest throughput 100x" "$mb100 MB/s" ">= 20 MB/s" "$(verdict ge "$mb100" 20)"
	row "ingest linearity t(100x)/(100*t(1x))" "$lin" "<= 1.20" "$(verdict le "$lin" 1.2)"
	go tool pprof -top -nodecount=30 "$OUT/ingest.test" "$OUT/ingest-100x.prof" >"$OUT/ingest-100x-top.txt" 2>/dev/null
	go tool pprof -top -cum -nodecount=30 "$OUT/ingest.test" "$OUT/ingest-100x.prof" >"$OUT/ingest-100x-cum.txt" 2>/dev/null
	say "   CPU profile of the 100x ingest (bench/out/ingest-100x.prof), top functions by flat time:"
	sed -n '/flat%/,$p' "$OUT/ingest-100x-top.txt" | head -n 16 | sed 's/^/     /'
else
	say "   linearity t(10x)/(10*t(1x)) = $lin10 (100x skipped: AWSKG_BENCH_BIG=$BIG)"
	row "ingest linearity t(10x)/(10*t(1x))" "$lin10" "<= 1.20" "$(verdict le "$lin10" 1.2)"
fi

# ---- (b) awskg ask process vs grep ----
say "== (b) one \`awskg ask\` process vs grep -ril cross-account over the same notes"
ask1=$(time_runs "$RUNS" "$OUT/awskg" ask "$QUESTION")
grep1=$(time_runs "$RUNS" grep -ril cross-account data/notes)
say "   1x (embedded notes): awskg ask $(fmt_ms "$ask1") ms, grep $(fmt_ms "$grep1") ms (median of $RUNS)"
row "ask process 1x / grep -ril" "$(fmt_ms "$ask1") ms / $(fmt_ms "$grep1") ms = $(ratio "$ask1" "$grep1")x" "-" "(info)"
/usr/bin/time -v "$OUT/awskg" ask "$QUESTION" >"$OUT/ask-1x.out" 2>"$OUT/ask-1x.time" || die "awskg ask failed: see $OUT/ask-1x.time"
rss1=$(peak_rss_kb "$OUT/ask-1x.time")

t0=$(now_ns)
/usr/bin/time -v "$OUT/awskg" ask --notes "$OUT/corpus$BIG" "$QUESTION" >"$OUT/ask-${BIG}x.out" 2>"$OUT/ask-${BIG}x.time" || die "awskg ask --notes corpus$BIG failed: see $OUT/ask-${BIG}x.time"
askbig=$(($(now_ns) - t0))
grepbig=$(time_runs "$RUNS" grep -ril cross-account data/notes "$OUT/corpus$BIG")
rssbig=$(peak_rss_kb "$OUT/ask-${BIG}x.time")
say "   ${BIG}x (--notes corpus$BIG): awskg ask $(fmt_ms "$askbig") ms (1 run, $(wc -l <"$OUT/ask-${BIG}x.out") answers), grep $(fmt_ms "$grepbig") ms (median of $RUNS)"
row "ask process ${BIG}x / grep -ril" "$(fmt_ms "$askbig") ms / $(fmt_ms "$grepbig") ms = $(ratio "$askbig" "$grepbig")x" "-" "(info)"

# ---- (c) awskg query vs the cayley CLI ----
say "== (c) awskg query --lang gizmo vs the cayley v0.7.7 CLI on the exported graph"
say "   query: $GIZMO"
"$OUT/awskg" export --format cayley-nquads >"$OUT/graph.nq" || die "awskg export failed"
rm -rf "$OUT/db1"
"$OUT/awskg" ingest --db "$OUT/db1" 2>"$OUT/ingest-db1.log" || die "awskg ingest --db failed: see $OUT/ingest-db1.log"
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
"$OUT/awskg" query --lang gizmo "$GIZMO" >"$OUT/query-awskg.json" || die "awskg query failed"
"$OUT/awskg" query --db "$OUT/db1" --lang gizmo "$GIZMO" >"$OUT/query-awskg-db.json" || die "awskg query --db failed"
names() { grep -o '"id": *"[^"]*"' "$1" | sed 's/"id": *//' | sort; }
if [[ -z $cayley_skip ]]; then
	if ! "$CAYLEY" query --db memstore -i "$OUT/graph.nq" --lang gizmo "$GIZMO" >"$OUT/query-cayley.json" 2>"$OUT/query-cayley.log"; then
		cayley_skip="cayley query failed: $(grep -m1 Error "$OUT/query-cayley.log")"
	elif ! diff <(names "$OUT/query-awskg.json") <(names "$OUT/query-cayley.json") >/dev/null; then
		cayley_skip="cayley and awskg disagree on the query's results (see $OUT/query-*.json)"
	fi
fi
if ! diff <(names "$OUT/query-awskg.json") <(names "$OUT/query-awskg-db.json") >/dev/null; then
	die "awskg query and awskg query --db disagree (see $OUT/query-awskg*.json)"
fi
say "   results: $(names "$OUT/query-awskg.json" | wc -l) names, the same from every engine that ran"
qa=$(time_runs "$RUNS" "$OUT/awskg" query --lang gizmo "$GIZMO")
qd=$(time_runs "$RUNS" "$OUT/awskg" query --db "$OUT/db1" --lang gizmo "$GIZMO")
say "   awskg query (ingests the notes): $(fmt_ms "$qa") ms; awskg query --db bolt: $(fmt_ms "$qd") ms (median of $RUNS)"
if [[ -z $cayley_skip ]]; then
	qc=$(time_runs "$RUNS" "$CAYLEY" query --db memstore -i "$OUT/graph.nq" --lang gizmo "$GIZMO")
	say "   cayley query --db memstore -i graph.nq: $(fmt_ms "$qc") ms (median of $RUNS)"
	row "awskg query / cayley CLI (1x)" "$(fmt_ms "$qa") / $(fmt_ms "$qc") ms = $(ratio "$qa" "$qc")x" "<= 1.00x" "$(verdict le "$(ratio "$qa" "$qc")" 1)"
	row "awskg query --db / cayley CLI (1x)" "$(fmt_ms "$qd") / $(fmt_ms "$qc") ms = $(ratio "$qd" "$qc")x" "<= 1.00x" "$(verdict le "$(ratio "$qd" "$qc")" 1)"
else
	say "   SKIPPED cayley CLI comparison: $cayley_skip"
	row "awskg query / cayley CLI (1x)" "SKIPPED: $cayley_skip" "<= 1.00x" "skipped"
fi

# ---- (d) peak memory ----
say "== (d) peak memory of awskg ask (maximum resident set size) vs the corpus size"
c1=$(corpus_bytes data/notes)
cbig=$(corpus_bytes data/notes "$OUT/corpus$BIG")
m1=$(awk -v r="$rss1" -v c="$c1" 'BEGIN {printf "%.1f", r*1024/c}')
mbig=$(awk -v r="$rss1" -v rb="$rssbig" -v c="$cbig" 'BEGIN {printf "%.1f", rb*1024/c}')
say "   1x: $((rss1 / 1024)) MiB for $c1 bytes of notes = ${m1}x"
say "   ${BIG}x: $((rssbig / 1024)) MiB for $cbig bytes of notes = ${mbig}x"
row "peak RSS / corpus 1x" "$((rss1 / 1024)) MiB / $((c1 / 1024)) KiB = ${m1}x" "-" "(info)"
row "peak RSS / corpus ${BIG}x" "$((rssbig / 1024)) MiB / $((cbig / 1024)) KiB = ${mbig}x" "<= 20x" "$(verdict le "$mbig" 20)"

# ---- (e) Engine.Ask in process on the large corpus ----
say "== (e) Engine.Ask in process on ${BIG}x (BenchmarkAskScale100x, engine built once, questions: $ASKQ)"
(cd queries && AWSKG_BENCH_ASK_SCALE=$BIG "$OUT/queries.test" -test.run XXX -test.bench "AskScale100x/($ASKQ)\$" -test.benchtime 1x -test.benchmem -test.timeout 60m -test.v -test.cpuprofile "$OUT/ask-inprocess-${BIG}x.prof") >"$OUT/ask-inprocess-${BIG}x.txt" 2>&1 || die "BenchmarkAskScale100x failed: see $OUT/ask-inprocess-${BIG}x.txt"
grep -m1 'engine on' "$OUT/ask-inprocess-${BIG}x.txt" | sed 's/^ */   /'
slowest=0
slowname=""
while read -r name ns; do
	say "   $name: $(fmt_ms "$ns") ms"
	if awk -v a="$ns" -v b="$slowest" 'BEGIN {exit !(a > b)}'; then
		slowest=$ns
		slowname=$name
	fi
done < <(awk '$1 ~ /^BenchmarkAskScale100x\// {for (i=2; i<=NF; i++) if ($i == "ns/op") {n=$1; sub(/^BenchmarkAskScale100x\//, "", n); sub(/-[0-9]+$/, "", n); print n, $(i-1)}}' "$OUT/ask-inprocess-${BIG}x.txt")
go tool pprof -top -cum -nodecount=40 -focus 'queries\.\(\*Engine\)\.Ask$' "$OUT/queries.test" "$OUT/ask-inprocess-${BIG}x.prof" >"$OUT/ask-inprocess-${BIG}x-ask-cum.txt" 2>/dev/null
go tool pprof -top -cum -nodecount=40 -focus 'queries_test\.scaleEngine$' "$OUT/queries.test" "$OUT/ask-inprocess-${BIG}x.prof" >"$OUT/ask-inprocess-${BIG}x-build-cum.txt" 2>/dev/null
say "   CPU profile (bench/out/ask-inprocess-${BIG}x.prof), inside Engine.Ask, by cumulative time:"
sed -n '/flat%/,$p' "$OUT/ask-inprocess-${BIG}x-ask-cum.txt" | grep -v -E 'testing\.|queries_test\.' | head -n 11 | sed 's/^/     /'
say "   inside the engine build (ingest, store load), by cumulative time:"
sed -n '/flat%/,$p' "$OUT/ask-inprocess-${BIG}x-build-cum.txt" | grep -v -E 'testing\.|queries_test\.' | head -n 11 | sed 's/^/     /'
row "Engine.Ask ${BIG}x in process, slowest ($slowname)" "$(fmt_ms "$slowest") ms" "<= 50 ms" "$(verdict le "$slowest" 50000000)"

# ---- the table ----
say ""
say "== results (raw outputs in bench/out/)"
{
	echo "measure|value|target|met"
	echo "-------|-----|------|---"
	printf '%s\n' "${ROWS[@]}"
} | awk -F'|' '{w1=(length($1)>w1?length($1):w1); w2=(length($2)>w2?length($2):w2); w3=(length($3)>w3?length($3):w3); l[NR]=$0}
	END {for (i=1; i<=NR; i++) {split(l[i], f, "|"); printf "%-*s  %-*s  %-*s  %s\n", w1, f[1], w2, f[2], w3, f[3], f[4]}}'
say "finished: $(date -u +%Y-%m-%dT%H:%M:%SZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
