#!/usr/bin/env bash
# corpus-check.sh: the generator handles every service model of every
# protocol: awsJson1_0/1_1, rpcv2Cbor, restJson1, awsQuery and restXml.
#
# Generates a client for every model in the corpora (the awsJson corpus,
# default ../shared/models/corpus beside the checkout or $EUCSDK_CORPUS, and
# the protocol corpus below) into one
# scratch module outside the repository, which requires this checkout through
# a replace directive exactly as a user's module requires a released eucsdk,
# then runs one `go build` and one `go vet` over it. Prints one line per
# service (package, sdk id, operations, generation seconds), the operations,
# paginators and waiters the generator reported as unsupported, and a total
# line. Exits non-zero on any generation, build or vet failure.
#
#   scripts/corpus-check.sh          generate all; build and vet the sample
#   scripts/corpus-check.sh --full   generate, build and vet all
#   scripts/corpus-check.sh --keep   keep the scratch module for inspection
#   scripts/corpus-check.sh --only=DIR   only one protocol corpus (e.g. restjson)
#
# Why a sample by default: generating the 117 models takes about 30 s, but the
# result is ~1.85M lines of Go. Measured on the shared 2-core machine (load
# average ~10 from other work): go build ./... 19m48s, then go vet ./...
# 13m27s (about 19 CPU-minutes together) -- over the 20-minute budget; the
# 196 restJson1 models take 25 minutes more (--full --only=restjson: 1,507 s
# at load ~6). So
# every model is always generated (the resolver and emitters run on all of
# them, which is where collisions, recursion and unsupported features fail),
# and by default build+vet runs on SAMPLE below, chosen to cover each feature
# class of the corpus. --full compiles everything (CI nightly, or before a
# generator release).
set -euo pipefail

# Sample: each entry covers features no smaller model has.
#   dynamodb          recursive union (AttributeValue), sparse-free maps of unions,
#                     contextParams/operationContextParams/AccountId endpoint
#                     parameters, waiters, structured pagination tokens (skipped)
#   kinesis           @streaming event stream (SubscribeToShard, reported),
#                     staticContextParams, waiters
#   identitystore     documents inside unions, resources
#   sso-admin         documents, several unions, resources
#   support           @sparse collections
#   proton            10 waiters, 24 resources with lifecycle operations
#   ecs               waiters with projections and comparators
#   b2bi             8 unions
#   eventbridge       contextParam endpoint parameter
#   sqs               awsJson1_0 with awsQueryCompatible errors
#   freetier          smallest model, one operation
#   sts               awsQuery (from corpus-protocols): unsigned operations, the
#                     module's own sts package
#   sns               awsQuery: maps of structures, flattened-free member lists
#   s3                restXml: xmlNamespace, flattened lists, attributes,
#                     noErrorWrapping errors, s3UnwrappedXmlOutput, prefix headers
#   s3control         restXml with endpoint rules fed by contextParam and
#                     staticContextParams: 187 operationInputs calls in its
#                     endpoint tests
# (The protocol corpora below add their own samples.)
#
# The sample's generated endpoint tests run too (go test -run '^TestEndpoint'):
# the rule cases, and the models' operationInputs made as real calls of the
# generated clients, so that what operations bind reaches the rules.
SAMPLE=(dynamodb kinesis identitystore ssoadmin support proton ecs b2bi eventbridge sqs freetier sts sns s3 s3control)

# Protocol corpora: the models of the protocol corpus (default
# ../shared/models/corpus-protocols, or $EUCSDK_PROTOCOL_CORPUS) by the
# protocol the generator picks, each generated into its own directory of the
# scratch module (some services are in both corpora: the awsJson corpus
# holds older models of them). One line per protocol, in the order
# aws-sdk-go-v2 prefers protocols; a model goes to the first line whose
# trait it declares. Fields: DIR TRAIT SAMPLE-PACKAGE...; the sample
# packages are built and vetted by default, all of DIR with --full.
#   rpcv2  marketplaceentitlementservice  rpcv2Cbor chosen over awsJson1_1 by the v2 rule
#          cloudwatch        rpcv2Cbor with awsQueryCompatible errors (also awsQuery, awsJson1_0)
#   restjson mediastoredata  greedy labels, streaming payloads in and out
#          ebs               streaming payloads with length headers, checksums
#          connecthealth     endpoint host prefixes, an event stream (reported)
#          amp               httpQueryParams maps
#          inspectorscan     a document payload member
#          novaact           documents in structures
#          glacier           streaming uploads with Glacier's customizations
PROTOCOL_CORPORA=(
	"rpcv2 smithy.protocols#rpcv2Cbor marketplaceentitlementservice cloudwatch"
	"restjson aws.protocols#restJson1 mediastoredata ebs connecthealth amp inspectorscan novaact glacier"
)

# awsQuery models of the protocol corpus (../shared/models/corpus-protocols,
# or $EUCSDK_PROTOCOL_CORPUS), generated with the awsJson corpus (cloudwatch is
# left to the rpcv2Cbor list: the v2 rule picks rpcv2Cbor for it); the
# sample above builds two of them, --full all. The protocol corpus has no
# ec2Query model (EC2 is not in it).
QUERY_MODELS=(auto-scaling-2011-01-01 cloudformation-2010-05-15 cloudsearch-2013-01-01
	elastic-beanstalk-2010-12-01 elastic-load-balancing-2012-06-01
	elastic-load-balancing-v2-2015-12-01 iam-2010-05-08 neptune-2014-10-31 rds-2014-10-31
	ses-2010-12-01 sns-2010-03-31 sts-2011-06-15)

# restXml models of the protocol corpus, generated beside the awsQuery ones;
# the sample builds s3, --full all. Route 53 is not in the corpus.
RESTXML_MODELS=(s3-2006-03-01 s3-control-2018-08-20 cloudfront-2020-05-31)

# Models we cannot support, with the reason (PACKAGE=REASON). None today.
EXCLUDE=()

full=0 keep=0 only=""
for arg in "$@"; do
	case $arg in
	--full) full=1 ;;
	--keep) keep=1 ;;
	--only=*) only=${arg#--only=} ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
	*) echo "corpus-check: unknown argument $arg" >&2; exit 2 ;;
	esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${EUCSDK_CORPUS:-$root/../shared/models/corpus}
[ -d "$corpus" ] || { echo "corpus-check: no corpus at $corpus (set EUCSDK_CORPUS)" >&2; exit 1; }
protocol_corpus=${EUCSDK_PROTOCOL_CORPUS:-$root/../shared/models/corpus-protocols}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/eucsdk-corpus.XXXXXX")
case $scratch in "$root"/*) echo "corpus-check: scratch dir inside the checkout" >&2; exit 1 ;; esac
if [ $keep = 1 ]; then echo "corpus-check: scratch module kept in $scratch"; else trap 'rm -rf "$scratch"' EXIT; fi

export GOWORK=off GOFLAGS=-mod=mod
start=$(date +%s)

cd "$root"
go build -o "$scratch/.bin/eucsdk-corpus" ./codegen/cmd/eucsdk-corpus

excl=()
for e in ${EXCLUDE[@]+"${EXCLUDE[@]}"}; do excl+=(-exclude "$e"); done
mkdir -p "$scratch/mod"
gen_status=0
protocols=${EUCSDK_PROTOCOL_CORPUS:-$root/../shared/models/corpus-protocols}
query=()
if [ -d "$protocols" ]; then
	for q in "${QUERY_MODELS[@]}" "${RESTXML_MODELS[@]}"; do query+=("$protocols/$q.json"); done
fi
: >"$scratch/report.tsv"
if [ -z "$only" ]; then
	"$scratch/.bin/eucsdk-corpus" -out "$scratch/mod" -module example.com/corpus ${excl[@]+"${excl[@]}"} "$corpus"/*.json ${query[@]+"${query[@]}"} >"$scratch/report.tsv" || gen_status=$?
fi
assigned=" "
protocol_dirs=()
for line in "${PROTOCOL_CORPORA[@]}"; do
	read -r dir trait samples <<<"$line"
	models=()
	if [ -d "$protocol_corpus" ]; then
		while IFS= read -r f; do
			case $assigned in *" $f "*) continue ;; esac
			assigned+="$f "
			models+=("$f")
		done < <(grep -l "\"$trait\"" "$protocol_corpus"/*.json | sort)
	fi
	if [ -n "$only" ] && [ "$only" != "$dir" ]; then continue; fi
	[ ${#models[@]} -gt 0 ] || continue
	protocol_dirs+=("$dir")
	for p in $samples; do SAMPLE+=("$dir/$p"); done
	"$scratch/.bin/eucsdk-corpus" -out "$scratch/mod/$dir" -module "example.com/corpus/$dir" "${models[@]}" |
		awk -F'\t' -v d="$dir" 'BEGIN{OFS="\t"} $1=="ok"||$1=="fail"||$1=="skip"||$1=="unsupported" {$2=d"/"$2} {print}' >>"$scratch/report.tsv" || gen_status=$?
done
if [ -n "$only" ]; then
	keep_sample=()
	for p in "${SAMPLE[@]}"; do case $p in "$only"/*) keep_sample+=("$p") ;; esac; done
	SAMPLE=("${keep_sample[@]}")
fi
gen_done=$(date +%s)

cd "$scratch/mod"
cat >go.mod <<MOD
module example.com/corpus

go 1.24

require github.com/eucsdk/eucsdk v0.0.0

replace github.com/eucsdk/eucsdk => $root
MOD
cp "$root/go.sum" go.sum
go mod tidy >/dev/null

if [ $full = 1 ]; then
	pkgs=(./...)
	scope="all services"
	if [ -n "$only" ]; then pkgs=("./$only/..."); scope="all of $only"; fi
else
	pkgs=()
	for p in "${SAMPLE[@]}"; do [ -d "$p" ] && pkgs+=("./$p/...") ; done
	scope="sample (${SAMPLE[*]})"
fi
build_status=0
go build "${pkgs[@]}" >"$scratch/build.out" 2>&1 || build_status=$?
[ $build_status = 0 ] && { go vet "${pkgs[@]}" >>"$scratch/build.out" 2>&1 || build_status=$?; }
test_status=0
if [ $build_status = 0 ]; then
	tpkgs=()
	for p in "${SAMPLE[@]}"; do [ -d "$p" ] && tpkgs+=("./$p"); done
	if [ ${#tpkgs[@]} -gt 0 ]; then
		go test -count=1 -v -run '^TestEndpoint' "${tpkgs[@]}" >"$scratch/test.out" 2>&1 || test_status=$?
	fi
fi
end=$(date +%s)

# One line per service; a build or vet failure is attributed to the service
# whose directory the compiler names.
dirs_re=$(IFS='|'; echo "${protocol_dirs[*]-}")
dirs_re=${dirs_re:+(($dirs_re)/)?}
failed_pkgs=$(grep -oE "(^|[ /])example\\.com/corpus/$dirs_re[a-z0-9]+|^(\\./)?$dirs_re[a-z0-9]+/" "$scratch/build.out" 2>/dev/null |
	sed -E 's#.*example\.com/corpus/##; s#^\./##; s#/$##' | sort -u || true)
services=0 ops=0 failures=0
printf '%-34s %-40s %5s %7s\n' package service ops gen_s
while IFS=$'\t' read -r status pkg a b c d; do
	case $status in
	ok)
		mark=""
		if grep -qx "$pkg" <<<"$failed_pkgs"; then mark="  BUILD/VET FAILED"; failures=$((failures + 1)); fi
		printf '%-34s %-40s %5d %7s%s\n' "$pkg" "$a" "$b" "$c" "$mark"
		services=$((services + 1)) ops=$((ops + b)) ;;
	skip) printf '%-34s EXCLUDED: %s\n' "$pkg" "$a" ;;
	fail) printf '%-34s GENERATION FAILED: %s\n' "$pkg" "$a"; failures=$((failures + 1)) ;;
	esac
done <"$scratch/report.tsv"
echo
echo "unsupported (reported by the generator, listed in each package's UNSUPPORTED.md):"
awk -F'\t' '$1=="unsupported" {printf "  %s %s (%s): %s\n", $2, $3, $4, $5}' "$scratch/report.tsv"
if [ $build_status != 0 ]; then
	echo
	echo "go build/vet output:"
	head -200 "$scratch/build.out"
fi
if [ -f "$scratch/test.out" ]; then
	echo
	echo "endpoint tests of the sample (rule cases; operationInputs calls):"
	awk '/endpoint rule tests:/ {sub(/.*endpoint rule tests: /, ""); rules=$0}
	     /endpoint operation tests:/ {sub(/.*endpoint operation tests: /, ""); calls=$0}
	     /^(ok|FAIL|---)[ \t]/ && NF >= 2 && $2 ~ /example\.com/ {
	       pkg=$2; sub(/.*example\.com\/corpus\//, "", pkg)
	       printf "  %-36s %s  rules: %s  calls: %s\n", pkg, $1, (rules ? rules : "none"), (calls ? calls : "none"); rules=""; calls="" }' "$scratch/test.out"
	if [ $test_status != 0 ]; then
		echo "go test output:"
		grep -vE '^(=== RUN|    endpoints_test.go:[0-9]+: skipped)' "$scratch/test.out" | head -100
	fi
fi
echo
echo "total: $services services, $ops operations, $((end - start)) s (generate $((gen_done - start)) s; build+vet of $scope $((end - gen_done)) s)"
if [ $gen_status != 0 ] || [ $build_status != 0 ] || [ $test_status != 0 ] || [ $failures != 0 ]; then
	echo "corpus-check: FAILED" >&2
	exit 1
fi
echo "corpus-check: ok"
