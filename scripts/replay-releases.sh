#!/usr/bin/env bash
# Replays the upstream model releases in ../shared/models/releases through
# eucsdk-refresh, oldest first across both services, one commit per release
# (regenerated client, pin, gen.go, CHANGELOG.md entry). Releases
# up to the pinned one are skipped, so an interrupted replay can be resumed. Each refresh
# builds, vets and tests the whole module; the first failure stops the
# replay with the tree as that release found it.
#
#   bash scripts/replay-releases.sh [-n]    # -n: print the entries, commit nothing
#
# REPLAY_CHECK=last checks only the last release replayed: on a loaded
# machine a whole-module check per release (several minutes each) does not
# fit, and a release that breaks the module then stops the replay at the
# end instead; bisect with REPLAY_CHECK=each from a reset branch.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${EUCSDK_SHARED_DIR:-../shared}
dry=""
[ "${1:-}" = "-n" ] && dry="-n"

bin=$(mktemp -d)/eucsdk-refresh
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./codegen/cmd/eucsdk-refresh

# date<TAB>service, oldest first (no two releases share a day).
for f in "$shared"/models/releases/*/*.json; do
  svc=$(basename "$(dirname "$f")")
  printf '%s\t%s\n' "$(basename "$f" .json)" "$svc"
done | sort > "$(dirname "$bin")/releases"
last=$(tail -1 "$(dirname "$bin")/releases")
while IFS=$'\t' read -r date svc; do
  model="$shared/models/releases/$svc/$date.json"
  check=true
  if [ "${REPLAY_CHECK:-each}" = last ] && [ "$date"$'\t'"$svc" != "$last" ]; then
    check=false
  fi
  echo "==> $svc $date"
  # Releases up to the pinned one are done: refreshing to them would go back.
  pinned=$(grep -A2 "\"name\": \"$svc\"" models/pins.json | sed -n 's/.*"file": "\([0-9-]*\)\.json".*/\1/p')
  if [ -n "$pinned" ] && [[ ! "$date" > "$pinned" ]]; then
    echo "    already replayed (pinned: $pinned)"
    continue
  fi
  out=$("$bin" $dry -check=$check -service "$svc" -model "$model" -date "$date" 2>&1) || { echo "$out" >&2; exit 1; }
  if grep -q 'nothing to refresh' <<<"$out"; then
    echo "    already pinned"
    continue
  fi
  heading=$(grep -m1 '^## ' <<<"$out" | sed 's/^## //')
  echo "    $heading"
  [ -n "$dry" ] && continue
  git add -A appstream workspaces models/pins.json gen.go CHANGELOG.md
  git commit -q -m "$svc: model release $date: ${heading#* - * - }" -m "Replayed with scripts/replay-releases.sh (eucsdk-refresh -service $svc -model ${model#$shared/} -date $date)."
done < "$(dirname "$bin")/releases"
