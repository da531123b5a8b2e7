#!/usr/bin/env bash
# Batch test of `awskg ask --json --file`: builds the binary into a temporary
# directory, runs a batch of questions with one out of reach, and checks the
# JSON Lines (one object per question, in input order, "error" only on the
# bad one, answers with sources) and the exit status (1: a question failed).
# Then the same batch without the bad line, from stdin, must exit 0.
#
# Needs bash and go; grep and sed do the checks (python3, when present, also
# parses every line as JSON). Run it from anywhere:
#
#   bash testdata/batch/run.sh
#
# GO names the go command (default: go). Prints "ok" and exits 0 on success;
# on failure prints what differs and exits 1.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/awskg-batch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "FAIL: $*" >&2
	for f in out.jsonl err.txt; do
		if [[ -s "$tmp/$f" ]]; then
			echo "--- $f:" >&2
			cat "$tmp/$f" >&2
		fi
	done
	exit 1
}

(cd "$root" && "${GO:-go}" build -o "$tmp/awskg" ./cmd/awskg) || fail "go build"

# awskg runs the binary, its caches (if any) kept out of the user's home.
awskg() { XDG_CACHE_HOME="$tmp/cache" "$tmp/awskg" "$@"; }

cat >"$tmp/questions.txt" <<'EOF'
# a study set: comments and blank lines are skipped
which services support cross-account
how tall is the eiffel tower

what are the OpsWorks lifecycle events
how do I get data from CloudWatch Logs to Athena?
EOF

# check_lines FILE BAD: one JSON line per question of QUESTIONS (a variable:
# the questions, one per line), in order; "error" only on line BAD (0: none).
check_lines() {
	local file=$1 bad=$2 count n got errors want_errors i line
	count=$(printf '%s\n' "$QUESTIONS" | wc -l | tr -d ' ')
	n=$(wc -l <"$file" | tr -d ' ')
	[[ "$n" -eq "$count" ]] || fail "$n JSON lines, want $count"
	got=$(sed -n 's/.*"question":"\([^"]*\)".*/\1/p' "$file")
	[[ "$got" == "$QUESTIONS" ]] || fail "questions out of order or missing: $got"
	errors=$({ grep -n '"error":"' "$file" || true; } | cut -d: -f1 | tr '\n' ' ')
	want_errors=""
	if [[ "$bad" -gt 0 ]]; then
		want_errors="$bad "
	fi
	[[ "$errors" == "$want_errors" ]] || fail "\"error\" on lines '$errors', want '$want_errors'"
	i=0
	while IFS= read -r line; do
		i=$((i + 1))
		[[ "$line" == "{"*"}" ]] || fail "line $i is not a JSON object: $line"
		if [[ "$i" -ne "$bad" ]]; then
			[[ "$line" == *'"answers":[{'* && "$line" == *'"sources":["'* ]] || fail "line $i has no answers with sources: $line"
		fi
	done <"$file"
	if command -v python3 >/dev/null 2>&1; then
		python3 -c '
import json, sys
for i, line in enumerate(open(sys.argv[1]), 1):
    obj = json.loads(line)
    assert isinstance(obj, dict) and obj["question"], "line %d: %r" % (i, line)
' "$file" || fail "a line is not valid JSON"
	fi
}

# 1. The batch with a question out of reach: exit 1, its line has "error".
QUESTIONS='which services support cross-account
how tall is the eiffel tower
what are the OpsWorks lifecycle events
how do I get data from CloudWatch Logs to Athena?'
set +e
awskg ask --json --file "$tmp/questions.txt" >"$tmp/out.jsonl" 2>"$tmp/err.txt"
code=$?
set -e
[[ "$code" -eq 1 ]] || fail "exit status $code, want 1 (one question failed)"
check_lines "$tmp/out.jsonl" 2
grep -q '1 of 4 questions failed' "$tmp/err.txt" || fail "stderr lacks '1 of 4 questions failed'"
grep -q '"name":"AWS CloudTrail"' "$tmp/out.jsonl" || fail "no CloudTrail among the cross-account answers"

# 2. The same batch without the bad line, from stdin: exit 0, no "error".
QUESTIONS=$(printf '%s\n' "$QUESTIONS" | grep -v eiffel)
set +e
grep -v eiffel "$tmp/questions.txt" | awskg ask --json -f - >"$tmp/out.jsonl" 2>"$tmp/err.txt"
code=$?
set -e
[[ "$code" -eq 0 ]] || fail "exit status $code without the bad question, want 0"
check_lines "$tmp/out.jsonl" 0

echo ok
