#!/usr/bin/env bash
# Deploys the whole protocol to the chain at RPC_URL and writes deployments/<chainId>.json (the
# addresses, chain id and deployment block the SDK reads). Run `anvil` in another terminal first.
#
#   RPC_URL                 default http://127.0.0.1:8545
#   DEPLOYER_PRIVATE_KEY    required unless the chain is a local anvil (chain id 31337), where
#   FEDERATOR_PRIVATE_KEY   anvil's dev accounts 0 (deployer, federator) and 1 (validator) are used
#   VALIDATOR_PRIVATE_KEY
#   TOKEN, TREASURY, STAKE_MINIMUM, UNBONDING_PERIOD, MINT_AMOUNT: see contracts/script/Deploy.s.sol
#
# Re-running deploys a fresh set and replaces the output.
set -euo pipefail
cd "$(dirname "$0")"
# The shims run the native Foundry binaries (the npm wrappers drop exit statuses).
export PATH="$PWD/contracts/tools/bin:$PATH"
# cast reads the URL from ETH_RPC_URL and forge script from FOUNDRY_ETH_RPC_URL (its config's
# eth_rpc_url): credentials or an API key in it stay off their command lines, which every local
# user can read in ps, and this script never prints it.
export ETH_RPC_URL="${RPC_URL:-http://127.0.0.1:8545}"
export FOUNDRY_ETH_RPC_URL="$ETH_RPC_URL"

fail() {
  echo "deploy.sh: $*" >&2
  exit 1
}

command -v forge >/dev/null 2>&1 || fail "forge not found: run 'npx -y pnpm@10.34.9 install' first"

# cast exits 0 even when the connection is refused, so judge by what it printed.
chain_id=$(cast chain-id 2>/dev/null || true)
[[ "$chain_id" =~ ^[0-9]+$ ]] || fail "nothing answers at RPC_URL: start anvil (or your node) first, or set RPC_URL"

if [ "$chain_id" != 31337 ]; then
  for name in DEPLOYER_PRIVATE_KEY FEDERATOR_PRIVATE_KEY VALIDATOR_PRIVATE_KEY; do
    [ -n "${!name:-}" ] || fail "chain $chain_id is not a local anvil (31337): set $name; dev keys are only used locally"
  done
fi

echo "Deploying Prime Network to chain $chain_id"
# --slow: each transaction only after the previous one is mined. Sent all at once, anvil sometimes
# left the batch queued behind a nonce it had already mined (seen on a loaded machine), and the
# deploy waited forever.
forge script contracts/script/Deploy.s.sol --broadcast --slow --quiet
out="${DEPLOYMENTS_DIR:-deployments}/$chain_id.json"
[ -f "$out" ] || fail "the deploy script did not write $out"
echo "Wrote $out:"
cat "$out"
