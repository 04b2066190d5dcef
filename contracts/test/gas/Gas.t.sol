// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {VmSafe} from "forge-std/Vm.sol";

import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Gas benchmark of the calls users make most, written to snapshots/protocol.json.
/// Each call runs as its own transaction (isolate), so cold and warm storage are priced as on chain.
/// Strings are realistic (node specs URI and pool name/URI under 64 bytes); the first node of a
/// provider joins the pool.
/// forge-config: default.isolate = true
contract GasTest is BaseTest {
    string internal constant GROUP = "protocol";
    string internal constant SPECS_URI = "ipfs://QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";

    /// @dev Records the last call's gas and, where the issue sets a budget, holds it to it.
    /// Coverage builds without the optimizer: their numbers are neither recorded nor held to budgets.
    function _snapshot(string memory name, uint256 budget) internal {
        if (vm.isContext(VmSafe.ForgeContext.Coverage)) return;
        uint256 gasUsed = vm.snapshotGasLastCall(GROUP, name);
        if (budget != 0) assertLe(gasUsed, budget, string.concat(name, " over its gas budget"));
    }

    function test_gas_provider() public {
        vm.prank(provider);
        network.registerProvider(STAKE_MINIMUM * 21);
        _snapshot("registerProvider", 150_000);

        (address nodeKey, uint256 nodePk) = _nodeKey("node");
        bytes memory signature = _ownershipSignature(provider, nodePk);
        vm.prank(provider);
        network.addComputeNode(nodeKey, SPECS_URI, 10, CONSENT_DEADLINE, signature);
        _snapshot("addComputeNode", 170_000);

        vm.prank(validator);
        network.validateNode(nodeKey);
        _snapshot("validateNode", 50_000);

        vm.prank(provider);
        network.reclaimStake(STAKE_MINIMUM);
        skip(UNBONDING_PERIOD);
        vm.prank(provider);
        network.withdraw();
        _snapshot("withdraw", 0);
    }

    function test_gas_pool() public {
        uint256 domainId = _createDomain();
        vm.prank(creator);
        uint256 poolId = pools.createComputePool(
            domainId, manager, "Llama fine-tuning pool #1", "ipfs://QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o", 0
        );
        _snapshot("createComputePool", 230_000);

        vm.prank(creator);
        pools.startComputePool(poolId);
        _snapshot("startComputePool", 0);

        vm.prank(creator);
        rewards.setRewardRate(poolId, 1e12);
        vm.prank(funder);
        rewards.fundPool(poolId, 1000e18);
        _snapshot("fundPool", 0);

        _registerWhitelisted(provider, 10);
        address nodeKey = _addValidatedNode(provider, "node", 10);
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(poolId, nodeKey, 0);
        vm.prank(provider);
        pools.joinComputePool(poolId, invites);
        _snapshot("joinComputePool_1", 160_000);

        skip(1 hours);
        vm.prank(provider);
        rewards.claimRewards(poolId, _one(nodeKey));
        _snapshot("claimRewards_1", 60_000);

        vm.prank(provider);
        pools.leaveComputePool(poolId, _one(nodeKey));
        _snapshot("leaveComputePool_1", 80_000);
    }

    function test_gas_joinTen() public {
        uint256 poolId = _activePool(1e12, 1000e18);
        _registerWhitelisted(provider2, 100);
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](10);
        for (uint256 i; i < 10; ++i) {
            address nodeKey = _addValidatedNode(provider2, string.concat("node", vm.toString(i)), 10);
            invites[i] = _invite(poolId, nodeKey, i);
        }
        vm.prank(provider2);
        pools.joinComputePool(poolId, invites);
        _snapshot("joinComputePool_10", 1_100_000);
    }

    function test_gas_work() public {
        uint256 rate = 1e15;
        uint256 window = 1 days;
        uint256 poolId = _workPool(rate, 1000e18, window);
        _registerWhitelisted(provider, 10);
        address nodeKey = _addValidatedNode(provider, "node", 10);
        _join(provider, poolId, nodeKey, 0);

        // The node's first work in the pool: it fixes the pool's window and opens the node's lock.
        // The terms are the pool's current ones, as the SDK and the CLI fill them in.
        bytes memory first = _workData(keccak256("work-0"), 10);
        vm.prank(nodeKey);
        pools.submitWork(poolId, nodeKey, first, rate, window);
        _snapshot("submitWork_first", 0);
        skip(1 hours);

        // The node has submitted before in this pool: what every later submission costs.
        bytes memory data = _workData(keccak256("work-1"), 10);
        vm.prank(nodeKey);
        pools.submitWork(poolId, nodeKey, data, rate, window);
        _snapshot("submitWork", 120_000);

        _submit(poolId, nodeKey, keccak256("work-2"), 10);
        _submit(poolId, nodeKey, keccak256("work-3"), 10);
        // A treasury that already holds tokens, as it does after the network's first penalty.
        token.mint(treasury, 1);
        vm.prank(validator);
        network.invalidateWork(nodeKey, keccak256("work-2"), 1e18, false, _noEvictions());
        _snapshot("invalidateWork", 100_000);

        vm.prank(validator);
        network.softInvalidateWork(nodeKey, keccak256("work-3"));
        _snapshot("softInvalidateWork", 60_000);

        skip(3 days);
        vm.prank(provider);
        rewards.claimRewards(poolId, _one(nodeKey));
        _snapshot("claimRewards_work_1", 60_000);
    }

    /// @dev A hard invalidation that invalidates the node and evicts it, with 5 works of the node
    /// locked in the pool: every locked reward goes back in the same transaction, in constant gas.
    function test_gas_invalidateAndEvict() public {
        uint256 poolId = _workPool(1e15, 1000e18, 1 days);
        _registerWhitelisted(provider, 10);
        address nodeKey = _addValidatedNode(provider, "node", 10);
        _join(provider, poolId, nodeKey, 0);
        for (uint256 i; i < 5; ++i) {
            _submit(poolId, nodeKey, keccak256(abi.encode("work", i)), 10);
            skip(1 hours);
        }
        token.mint(treasury, 1);
        vm.prank(validator);
        network.invalidateWork(nodeKey, keccak256(abi.encode("work", 0)), 1e18, true, _evicting(poolId, nodeKey));
        _snapshot("invalidateWork_evict", 0);
    }
}
