#!/usr/bin/env bash
# Build benchmark (a maintainer's tool, not a test: the figures depend on the machine).
#
# In fresh clones of REV (default HEAD), so every cold figure really is cold, it measures:
#   1. cold `forge build --via-ir` of everything: sources, tests and scripts;
#   2. the inner loop: edit one function body in contracts/src/ComputePool.sol, then rebuild and
#      run that contract's unit tests (`forge test --via-ir --match-path ...`);
#   3. the same after editing an interface (everything that imports it recompiles);
#   4. the SDK build (`pnpm build:sdk`) from a cold clone, checking it compiled no test;
#   5. the README's quick-start demo command, install included, from a cold clone.
# Each line gives wall seconds and CPU seconds (user + sys, children included).
#
#   contracts/tools/bench-build.sh [REV]
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
rev=${1:-HEAD}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pnpm() { npx -y pnpm@10.34.9 "$@"; }

# Runs "$@" and prints "<label>: <wall> s wall, <user + sys> s CPU"; output goes to $work/<label>.log.
measure() {
  local label=$1
  shift
  local log="$work/${label// /-}.log" times
  times=$({ TIMEFORMAT='%R %U %S' && time "$@" >"$log" 2>&1; } 2>&1) || {
    echo "$label: failed, see below" >&2
    tail -40 "$log" >&2
    exit 1
  }
  read -r wall user sys <<<"$times"
  awk -v l="$label:" -v w="$wall" -v u="$user" -v s="$sys" 'BEGIN { printf "%-46s %7.1f s wall %7.1f s CPU\n", l, w, u + s }'
}

# A fresh clone of REV at $work/<name>; installs only when asked (the demo measures its own install).
clone() {
  git clone -q "$repo" "$work/$1"
  git -C "$work/$1" checkout -q "$rev"
}

echo "Build benchmark of $(git -C "$repo" rev-parse --short "$rev") on $(nproc) cores"

clone full
cd "$work/full"
pnpm install --frozen-lockfile --prefer-offline >/dev/null
forge=contracts/tools/bin/forge
measure "1. cold forge build --via-ir (everything)" "$forge" build --via-ir

sed -i 's/return _poolCount;/return _poolCount + 0;/' contracts/src/ComputePool.sol
git diff --quiet contracts/src/ComputePool.sol && { echo "the ComputePool edit did not apply" >&2; exit 1; }
measure "2. edit ComputePool.sol, its unit tests" \
  "$forge" test --via-ir --match-path contracts/test/unit/ComputePool.t.sol
git checkout -q contracts/src/ComputePool.sol

echo "// bench" >>contracts/src/interfaces/IComputePool.sol
measure "3. edit IComputePool.sol, ComputePool tests" \
  "$forge" test --via-ir --match-path contracts/test/unit/ComputePool.t.sol
git checkout -q contracts/src/interfaces/IComputePool.sol

clone sdk
cd "$work/sdk"
pnpm install --frozen-lockfile --prefer-offline >/dev/null
measure "4. cold pnpm build:sdk" pnpm build:sdk
if find out -path '*/*.t.sol/*' -print -quit | grep -q .; then
  echo "the SDK build compiled tests" >&2
  exit 1
fi

clone demo
cd "$work/demo"
measure "5. cold install + demo (README quick start)" \
  bash -c 'npx -y pnpm@10.34.9 install --frozen-lockfile --prefer-offline && npx -y pnpm@10.34.9 demo'
