// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Script} from "forge-std/Script.sol";
import {stdJson} from "forge-std/StdJson.sol";

import {IPrimeToken} from "../src/interfaces/IPrimeToken.sol";
import {ProtocolDeployer} from "./ProtocolDeployer.sol";

/// @notice Deploys the protocol and writes deployments/<chainId>.json for the SDK.
///
/// Environment (all optional on a local anvil, chain id 31337, where anvil's dev keys are the defaults):
/// - DEPLOYER_PRIVATE_KEY, FEDERATOR_PRIVATE_KEY, VALIDATOR_PRIVATE_KEY: required on any other chain.
/// - TREASURY: where slashed stake goes (default: the federator).
/// - TOKEN: an existing ERC-20 to use; without it a PrimeToken is deployed and, on a local chain,
///   MINT_AMOUNT (default 1,000,000 tokens) is minted to each of anvil's first ten accounts.
/// - STAKE_MINIMUM (default 100 tokens) and UNBONDING_PERIOD (default 7 days).
/// - MIN_WORK_LOCK_PERIOD (default 1 day): the shortest window validators get to check work, set by
///   the federator right after deployment.
///
/// The file also names a Multicall3 for batched reads: the chain's own at its usual address, or, on
/// a chain without one, a BatchReader deployed here (see BatchReader for why clients need one).
contract Deploy is Script, ProtocolDeployer {
    using stdJson for string;

    /// @dev Where Multicall3 lives on nearly every public chain (same deployer, same nonce).
    address internal constant MULTICALL3 = 0xcA11bde05977b3631167028862bE2a173976CA11;

    uint256 internal constant LOCAL_CHAIN_ID = 31_337;
    string internal constant ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

    function run() external returns (Protocol memory p, address token, address multicall3) {
        bool local = block.chainid == LOCAL_CHAIN_ID;
        uint256 deployerKey = _key("DEPLOYER_PRIVATE_KEY", 0, local);
        uint256 federatorKey = _key("FEDERATOR_PRIVATE_KEY", 0, local);
        address federator = vm.addr(federatorKey);
        address validator = vm.addr(_key("VALIDATOR_PRIVATE_KEY", 1, local));
        address deployer = vm.addr(deployerKey);
        uint256 deploymentBlock = block.number;

        vm.startBroadcast(deployerKey);
        token = vm.envOr("TOKEN", address(0));
        if (token == address(0)) {
            IPrimeToken primeToken = _deployToken(deployer);
            token = address(primeToken);
            if (local) {
                uint256 amount = vm.envOr("MINT_AMOUNT", uint256(1_000_000e18));
                for (uint32 i; i < 10; ++i) {
                    primeToken.mint(vm.addr(vm.deriveKey(ANVIL_MNEMONIC, i)), amount);
                }
            }
        }
        multicall3 = MULTICALL3.code.length != 0 ? MULTICALL3 : _deployArtifact("BatchReader", "");
        p = _deployProtocol(
            deployer,
            ProtocolParams({
                token: token,
                federator: federator,
                validator: validator,
                treasury: vm.envOr("TREASURY", federator),
                stakeMinimum: vm.envOr("STAKE_MINIMUM", uint256(100e18)),
                unbondingPeriod: vm.envOr("UNBONDING_PERIOD", uint256(7 days))
            })
        );
        vm.stopBroadcast();

        vm.startBroadcast(federatorKey);
        p.primeNetwork.setMinWorkLockPeriod(vm.envOr("MIN_WORK_LOCK_PERIOD", uint256(1 days)));
        vm.stopBroadcast();

        _write(p, token, multicall3, deploymentBlock);
    }

    /// @dev On a local chain a missing key falls back to anvil's dev account `index`; anywhere else
    /// it must be given, so nobody deploys to a real chain with publicly known keys.
    function _key(string memory name, uint32 index, bool local) internal view returns (uint256) {
        if (vm.envExists(name)) return vm.envUint(name);
        require(local, string.concat("Deploy: set ", name, " (dev keys are only used on chain 31337)"));
        return vm.deriveKey(ANVIL_MNEMONIC, index);
    }

    function _write(Protocol memory p, address token, address multicall3, uint256 deploymentBlock) internal {
        string memory key = "deployment";
        key.serialize("chainId", block.chainid);
        key.serialize("deploymentBlock", deploymentBlock);
        key.serialize("token", token);
        key.serialize("primeNetwork", address(p.primeNetwork));
        key.serialize("stakeManager", address(p.stakeManager));
        key.serialize("computeRegistry", address(p.computeRegistry));
        key.serialize("domainRegistry", address(p.domainRegistry));
        key.serialize("computePool", address(p.computePool));
        key.serialize("rewardsDistributor", address(p.rewardsDistributor));
        key.serialize("workValidation", address(p.workValidation));
        string memory json = key.serialize("multicall3", multicall3);
        string memory dir = vm.envOr("DEPLOYMENTS_DIR", string("deployments"));
        vm.createDir(dir, true);
        json.write(string.concat(dir, "/", vm.toString(block.chainid), ".json"));
    }
}
