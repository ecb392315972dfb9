#!/usr/bin/env bash
# Compares eucsdk with aws-sdk-go-v2 and a hand-written floor client, and
# measures whole-program figures (cold build time, binary size, generator wall
# time, generated lines of code). Run from anywhere:
#
#   bench/run.sh                      # full run: -count=10
#   COUNT=3 BENCHTIME=200ms bench/run.sh
#
# Environment:
#   COUNT      benchmark repetitions (default 10)
#   BENCHTIME  -benchtime per benchmark (default 1s)
#   BENCH      -bench regexp (default .)
#   OUT        directory for raw results (default a fresh temp dir)
#   SKIP_WHOLE=1  skip the build/size/generator/LOC section
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
COUNT=${COUNT:-10}
BENCHTIME=${BENCHTIME:-1s}
BENCH=${BENCH:-.}
OUT=${OUT:-$(mktemp -d -t eucsdk-bench.XXXXXX)}
mkdir -p "$OUT"
# Pinned so that results are reproducible; any recent benchstat works.
BENCHSTAT=golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da

cd "$BENCH_DIR"

echo "## Machine"
echo
echo "- nproc: $(nproc)"
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "- $(go version)"
echo "- eucsdk commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "- command: COUNT=$COUNT BENCHTIME=$BENCHTIME bench/run.sh"
echo

echo "## Benchmarks (go test -bench '$BENCH' -count=$COUNT -benchtime=$BENCHTIME)"
echo
go test -run '^$' -bench "$BENCH" -count="$COUNT" -benchtime="$BENCHTIME" . > "$OUT/bench.txt"
echo '```'
go run "$BENCHSTAT" -col /impl "$OUT/bench.txt" 2>&1 || echo "(benchstat unavailable; raw results in $OUT/bench.txt)"
echo '```'
echo
echo "### Medians and ratios"
echo
go run ./cmd/ratios "$OUT/bench.txt"
echo

if [[ "${SKIP_WHOLE:-}" == 1 ]]; then
	echo "raw results: $OUT"
	exit 0
fi

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "## Whole program"
echo
# Cold build: a fresh, empty GOCACHE (the standard library is compiled too,
# for both); modules come from the module cache, so no network is involved.
go mod download
declare -A build_s size
for prog in ours v2 floor; do
	cache=$(mktemp -d -t gocache.XXXXXX)
	t0=$(now)
	GOCACHE=$cache GOFLAGS=-mod=readonly go build -trimpath -ldflags='-s -w' -o "$OUT/$prog" "./cmd/$prog"
	t1=$(now)
	rm -rf "$cache"
	build_s[$prog]=$(secs "$t0" "$t1")
	size[$prog]=$(stat -c %s "$OUT/$prog")
done

# Generator: build it, then time generating both services into a temp dir.
(cd "$ROOT" && go build -o "$OUT/eucsdk-gen" ./codegen/cmd/eucsdk-gen)
MODELS=${MODELS:-$ROOT/../shared/models}
gen_out=$(mktemp -d -t eucsdk-gen.XXXXXX)
t0=$(now)
(cd "$ROOT" &&
	"$OUT/eucsdk-gen" -q -model "$MODELS/appstream-2016-12-01.json" -overlay models/appstream.overlay.json \
		-package appstream -import github.com/eucsdk/eucsdk/appstream -out "$gen_out/appstream" &&
	"$OUT/eucsdk-gen" -q -model "$MODELS/workspaces-2015-04-08.json" -overlay models/workspaces.overlay.json \
		-package workspaces -import github.com/eucsdk/eucsdk/workspaces -out "$gen_out/workspaces")
t1=$(now)
gen_s=$(secs "$t0" "$t1")
gen_ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", (b - a) * 1000 }')
rm -rf "$gen_out"

# Generated lines of code: non-test .go files.
loc() { find "$@" -name '*.go' ! -name '*_test.go' -print0 | xargs -0 cat | wc -l; }
MOD=$(go env GOMODCACHE)/github.com/aws/aws-sdk-go-v2/service
v2_loc=$(loc "$MOD/appstream@v1.60.1" "$MOD/workspaces@v1.68.3")
ours_loc=$(loc "$ROOT/appstream" "$ROOT/workspaces")
ours_client_loc=$(loc "$ROOT/appstream" "$ROOT/workspaces" -not -path '*/server/*')

echo "| figure | ours | v2 | floor | ours/v2 | target |"
echo "|---|--:|--:|--:|--:|---|"
echo "| cold \`go build\` (s, fresh GOCACHE) | ${build_s[ours]} | ${build_s[v2]} | ${build_s[floor]} | $(ratio "${build_s[ours]}" "${build_s[v2]}")× | ≤ 0.5× |"
echo "| stripped binary (bytes, -ldflags='-s -w') | ${size[ours]} | ${size[v2]} | ${size[floor]} | $(ratio "${size[ours]}" "${size[v2]}")× | ≤ 0.6× |"
echo "| generated Go lines, both services (non-test) | $ours_loc | $v2_loc | – | $(ratio "$ours_loc" "$v2_loc")× | |"
echo "| … of which client (without server/ codecs) | $ours_client_loc | $v2_loc | – | $(ratio "$ours_client_loc" "$v2_loc")× | |"
echo "| generator wall time, both services | ${gen_s} s (${gen_ms} ms) | – | – | – | < 2 s |"
echo
echo "floor: cmd/floor, the same two calls by hand with net/http, aws-http-auth and encoding/json."
echo
echo "raw results: $OUT"
