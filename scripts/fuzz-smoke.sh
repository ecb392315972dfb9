#!/usr/bin/env bash
# fuzz-smoke.sh runs every fuzz target of the module for a short, bounded
# time (FUZZTIME each, default 10s), one after another, and fails on the
# first crasher. A crasher is written by go test under the package's
# testdata/fuzz/<Target>/ directory: commit it, and it runs as a regular
# test case from then on.
#
#   bash scripts/fuzz-smoke.sh                 # every target, 10s each
#   FUZZTIME=5m bash scripts/fuzz-smoke.sh     # a long run
#   bash scripts/fuzz-smoke.sh FuzzAppStreamResponses FuzzParse   # some targets
#   FUZZ_PARALLEL=4 bash scripts/fuzz-smoke.sh # more workers (default 2)
#
# Targets are listed here, not discovered, so that a renamed target fails
# loudly instead of silently dropping out of CI; the list is checked against
# the module's Fuzz functions below.
set -euo pipefail

cd "$(dirname "$0")/.."

FUZZTIME="${FUZZTIME:-10s}"
FUZZ_PARALLEL="${FUZZ_PARALLEL:-2}"

# package target
TARGETS=(
	"./appstream FuzzAppStreamResponses"
	"./workspaces FuzzWorkspacesResponses"
	"./runtime/pipeline FuzzErrorResponse"
	"./runtime/awsjson FuzzDecoder"
	"./runtime/awsjson FuzzRoundTrip"
	"./runtime/cbor FuzzDecoder"
	"./runtime/cbor FuzzRoundTrip"
	"./runtime/awsxml FuzzXMLDecoder"
	"./runtime/awsquery FuzzQueryEncoder"
	"./runtime/restbind FuzzHeaderList"
	"./runtime/restbind FuzzTimestamps"
	"./runtime/endpoints FuzzResolve"
	"./runtime/endpoints FuzzResolveRuleSets"
	"./aws/arn FuzzParse"
	"./internal/settings/ini FuzzParse"
	"./codegen/smithy FuzzParseIDL"
)

# Every Fuzz function in the module (outside nested modules) must be listed.
listed=$(printf '%s\n' "${TARGETS[@]}" | awk '{print $2}' | sort)
found=$(find . -path ./v2adapter -prune -o -name '*_test.go' -print0 | xargs -0 grep -ho '^func Fuzz[A-Za-z0-9_]*' | sed 's/^func //' | sort)
if [[ "$listed" != "$found" ]]; then
	echo "fuzz-smoke: the target list differs from the Fuzz functions in the module:" >&2
	diff <(echo "$listed") <(echo "$found") >&2 || true
	exit 1
fi

# fuzz runs one target. -run '^$' skips the package's other tests; the
# seed corpus of the target still runs first. GOFLAGS may add e.g. -race.
fuzz() { go test "$1" -run '^$' -fuzz "^${2}\$" -fuzztime "$FUZZTIME" -parallel "$FUZZ_PARALLEL"; }

want=("$@")
ran=0
for entry in "${TARGETS[@]}"; do
	read -r pkg target <<<"$entry"
	if ((${#want[@]})) && [[ ! " ${want[*]} " == *" $target "* ]]; then
		continue
	fi
	echo "== $target ($pkg, $FUZZTIME)"
	# Go 1.26's fuzz coordinator can fail a target with a bare "context
	# deadline exceeded" when -fuzztime ends while a worker is mid-call
	# (golang/go#75804, fixed in Go 1.27). That is no finding: a real one
	# writes "Failing input written to". Such a run is tried once more; any
	# other failure, or the same one twice, fails the script.
	log=$(mktemp)
	status=0
	fuzz "$pkg" "$target" 2>&1 | tee "$log" || status=$?
	if ((status != 0)) && grep -q 'context deadline exceeded' "$log" && ! grep -q 'Failing input written to' "$log"; then
		echo "fuzz-smoke: $target: the Go 1.26 -fuzztime shutdown race (golang/go#75804), no input written; running it once more"
		status=0
		fuzz "$pkg" "$target" || status=$?
		if ((status != 0)); then
			rm -f "$log"
			exit "$status"
		fi
	elif ((status != 0)); then
		rm -f "$log"
		exit "$status"
	fi
	rm -f "$log"
	ran=$((ran + 1))
done
if ((ran == 0)); then
	echo "fuzz-smoke: no target matched: $*" >&2
	exit 1
fi
echo "fuzz-smoke: $ran targets passed ($FUZZTIME each)"
