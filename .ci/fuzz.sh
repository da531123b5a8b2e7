#!/usr/bin/env bash
# Runs every Go fuzzer of the module for a few seconds each, one at a time
# (the machine has 2 cores), and fails when one of them finds a crash.
#
#   bash .ci/fuzz.sh                 # 10000 inputs per fuzzer
#   FUZZTIME=200000x bash .ci/fuzz.sh  # longer
#   bash .ci/fuzz.sh FuzzAsk         # only the fuzzers whose names match
#
# The budget is a count of inputs, not a duration: with a duration, Go 1.26's
# fuzz coordinator can report "context deadline exceeded" as a failure when
# the time runs out while a worker is mid-input on a loaded machine
# (golang/go#75804, fixed in Go 1.27), a flake with no failing input. A count
# has no deadline to race.
#
# Fuzzers are found by their declarations (func FuzzX(f *testing.F)) in the
# packages' _test.go files, so new ones run without editing this script.
# A crash is reported with the failing input, which go test also saves
# under the package's testdata/fuzz/FuzzX/ so that `go test` replays it.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

FUZZTIME=${FUZZTIME:-10000x}
filter=${1:-.}

mapfile -t targets < <(
	git ls-files --cached --others --exclude-standard '*_test.go' |
		xargs grep -H -E '^func Fuzz[A-Za-z0-9_]*\(f \*testing\.F\)' |
		sed -E 's#^(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*#./\1 \2#' |
		grep -E " .*(${filter})" | sort -u
)
if ((${#targets[@]} == 0)); then
	echo "fuzz.sh: no fuzzer matches '$filter'" >&2
	exit 1
fi

failed=()
for t in "${targets[@]}"; do
	pkg=${t% *}
	name=${t#* }
	echo "== $name ($pkg, $FUZZTIME)"
	log=$(mktemp)
	go test -run XXX -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime=0x "$pkg" >"$log" 2>&1
	rc=$?
	# the last progress line says how many inputs ran
	grep -E '^fuzz: elapsed' "$log" | tail -n 1
	if ((rc != 0)); then
		cat "$log"
		failed+=("$name ($pkg)")
	else
		tail -n 1 "$log"
	fi
	rm -f "$log"
done

if ((${#failed[@]} > 0)); then
	echo "FAIL: ${#failed[@]} of ${#targets[@]} fuzzers found a problem: ${failed[*]}"
	exit 1
fi
echo "ok: ${#targets[@]} fuzzers ran $FUZZTIME each without a crash"
