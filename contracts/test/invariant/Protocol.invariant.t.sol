// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IComputeRegistry} from "../../src/interfaces/IComputeRegistry.sol";
import {IRewardsDistributor} from "../../src/interfaces/IRewardsDistributor.sol";
import {IStakeManager} from "../../src/interfaces/IStakeManager.sol";
import {BaseTest} from "../utils/BaseTest.sol";
import {ProtocolHandler} from "./handlers/ProtocolHandler.sol";

/// @notice The protocol's invariants (PROTOCOL.md) after any sequence of the handler's actions.
contract ProtocolInvariantTest is BaseTest {
    ProtocolHandler internal handler;

    string internal constant CAMPAIGN_DIR = "cache/campaign";
    string internal constant CAMPAIGN_LOG = "cache/campaign/runs.jsonl";
    uint256 internal _campaign;
    /// @dev Counts after the bootstrap, so the report shows only what the random calls did.
    uint256[54] internal _atBootstrap;

    function setUp() public override {
        super.setUp();
        // From its artifact, not `new`: the fuzzer finds a target by matching its code against the
        // build's artifacts, and a handler compiled again inside this file can differ from the one
        // in out/ when only this file was rebuilt.
        ProtocolHandler.Deployment memory deployment = ProtocolHandler.Deployment({
            token: token,
            network: network,
            stakeManager: stakeManager,
            registry: registry,
            pools: pools,
            rewards: rewards,
            workValidation: workValidation,
            federator: federator,
            validator: validator,
            treasury: treasury,
            creator: creator,
            funder: funder
        });
        handler = ProtocolHandler(vm.deployCode("ProtocolHandler.sol:ProtocolHandler", abi.encode(deployment)));
        token.grantRole(token.MINTER_ROLE(), address(handler));
        handler.bootstrap();
        string[54] memory names = handler.actions();
        for (uint256 i; i < names.length; ++i) {
            _atBootstrap[i] = handler.calls(names[i]);
        }
        _campaign = vm.unixTime();
        vm.createDir(CAMPAIGN_DIR, true);
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: handler.selectors()}));
    }

    /* INVARIANTS */

    /// @notice Every property after every call, in one campaign. Campaigns share the fuzzer's seed, so
    /// one invariant_* per ledger would replay the same sequences once per ledger: one campaign
    /// checks them all for a quarter of the calls, and every assertion still names its property.
    function invariant_protocol() public view {
        _stakeLedger();
        _rewardsLedger();
        _membership();
        _roles();
    }

    /// @dev StakeManager's token balance == total active stake + total pending unbonds.
    function _stakeLedger() internal view {
        _assertStakeManagerBalanceEqualsActivePlusUnbonding();
    }

    /// @dev Per pool: funded == claimed + claimable + locked + unaccrued budget (+ withdrawn); the
    /// distributor holds exactly the budgets plus what is claimable or locked; locked work rewards
    /// are exactly those of works still in their window; the budget follows an independent model of
    /// accrual.
    function _rewardsLedger() internal view {
        _assertPoolFundedEqualsClaimedPlusClaimablePlusBudget();
        _assertBudgetFollowsTheAccrualModel();
        _assertDistributorBalanceEqualsBudgetsPlusClaimable();
        _assertLockedIsExactlyTheUnmaturedWork();
        _assertNoAccrualAfterTheEnd();
        _assertEachNodeEarnedRateTimesUnitsTimesSeconds();
    }

    /// @dev Per pool and node key: what the distributor holds for its time (settled up to now) is
    /// exactly what it earned, rate x its units x each second it spent in the pool while ACTIVE
    /// and while the budget lasted, less what left its record. So no accrual while a pool is not
    /// ACTIVE, and none to a node outside the pool.
    function _assertEachNodeEarnedRateTimesUnitsTimesSeconds() internal view {
        for (uint256 p; p < handler.poolCount(); ++p) {
            uint256 poolId = handler.poolIds(p);
            for (uint256 k; k < handler.NODE_COUNT(); ++k) {
                address nodeKey = handler.nodeKeys(k);
                assertEq(
                    rewards.calculateRewards(poolId, nodeKey),
                    handler.ghost_nodeEarned(poolId, nodeKey) - handler.ghost_nodeSettled(poolId, nodeKey),
                    "a node's time rewards == rate x units x its seconds in the pool, less what it was paid"
                );
                // A record counts a stint's seconds when the node leaves.
                if (handler.ghost_poolOf(nodeKey) == poolId) continue;
                assertEq(
                    rewards.getNodeRecord(poolId, nodeKey).activeSeconds,
                    handler.ghost_nodeSeconds(poolId, nodeKey),
                    "a node's active seconds == its seconds in the pool while ACTIVE"
                );
            }
        }
    }

    /// @dev An ended pool's index stays where it was at the end: nothing accrues once it is over.
    function _assertNoAccrualAfterTheEnd() internal view {
        for (uint256 p; p < handler.poolCount(); ++p) {
            uint256 poolId = handler.poolIds(p);
            if (!rewards.getPoolRewards(poolId).ended) continue;
            assertEq(rewards.getPoolRewards(poolId).index, handler.ghost_indexAtEnd(poolId), "frozen at the end");
        }
    }

    /// @dev A node is active in at most one pool, registry flags agree with membership, pool
    /// compute and node counts and provider counts agree with the nodes.
    function _membership() internal view {
        _assertNodeActiveInAtMostOnePoolAndRegistryAgrees();
        _assertPoolComputeAndNodeCountMatchMembers();
        _assertProviderCountsMatchNodes();
        _assertProviderNodeIndicesAgree();
    }

    /* STAKE */

    function _assertStakeManagerBalanceEqualsActivePlusUnbonding() internal view {
        uint256 total;
        for (uint256 i; i < handler.PROVIDER_COUNT(); ++i) {
            address provider_ = handler.providers(i);
            uint256 unbonding = stakeManager.unbondingStake(provider_);
            IStakeManager.Unbond[] memory list = stakeManager.pendingUnbonds(provider_);
            uint256 listed;
            for (uint256 j; j < list.length; ++j) {
                listed += list[j].amount;
            }
            assertEq(listed, unbonding, "pending unbond entries sum to unbonding stake");
            assertLe(list.length, stakeManager.MAX_PENDING_UNBONDS(), "pending unbonds bounded");
            total += stakeManager.activeStake(provider_) + unbonding;
        }
        assertEq(token.balanceOf(address(stakeManager)), total, "StakeManager balance == active + unbonding");
    }

    /* REWARDS */

    function _assertPoolFundedEqualsClaimedPlusClaimablePlusBudget() internal view {
        for (uint256 p; p < handler.poolCount(); ++p) {
            uint256 poolId = handler.poolIds(p);
            uint256 owed = _owedByPool(poolId);
            uint256 out = handler.ghost_claimed(poolId) + handler.ghost_paidOnRejoin(poolId)
                + handler.ghost_budgetWithdrawn(poolId);
            assertEq(
                handler.ghost_funded(poolId),
                out + owed + rewards.getPoolRewards(poolId).budget,
                "funded == claimed + paid on rejoin + withdrawn + claimable + locked + budget"
            );
            assertLe(out, handler.ghost_funded(poolId), "never more paid out than funded");
        }
    }

    /// @dev The budget is what came in less what left it, with time accrual taken from the handler's
    /// model (rate x units x seconds while ACTIVE and affordable), not from the pool's index: a
    /// mistimed or mis-scaled accrual breaks this even when conservation still holds.
    function _assertBudgetFollowsTheAccrualModel() internal view {
        for (uint256 p; p < handler.poolCount(); ++p) {
            uint256 poolId = handler.poolIds(p);
            uint256 incoming =
                handler.ghost_funded(poolId) + handler.ghost_workReturned(poolId) + handler.ghost_forfeited(poolId);
            uint256 outgoing = handler.ghost_timeAccrued(poolId) + handler.ghost_workReserved(poolId)
                + handler.ghost_budgetWithdrawn(poolId);
            assertEq(
                rewards.getPoolRewards(poolId).budget,
                incoming - outgoing,
                "budget == funded + returned + forfeited - accrued (rate x units x seconds) - reserved - withdrawn"
            );
        }
    }

    function _assertDistributorBalanceEqualsBudgetsPlusClaimable() internal view {
        uint256 owed;
        for (uint256 p; p < handler.poolCount(); ++p) {
            uint256 poolId = handler.poolIds(p);
            owed += rewards.getPoolRewards(poolId).budget + _owedByPool(poolId);
        }
        assertEq(token.balanceOf(address(rewards)), owed, "RewardsDistributor balance == budgets + claimable + locked");
    }

    /// @dev What pool `poolId` owes its nodes: time rewards and work rewards, claimable or locked.
    function _owedByPool(uint256 poolId) internal view returns (uint256 owed) {
        for (uint256 k; k < handler.NODE_COUNT(); ++k) {
            address nodeKey = handler.nodeKeys(k);
            (uint256 locked, uint256 claimable,) = rewards.getNodeWork(poolId, nodeKey);
            owed += rewards.calculateRewards(poolId, nodeKey) + claimable + locked;
        }
    }

    /// @dev Each node's locked work rewards are exactly the rewards of its accepted works whose window
    /// has not ended: no work reward is claimable before its window ends, none stays locked after.
    function _assertLockedIsExactlyTheUnmaturedWork() internal view {
        for (uint256 p; p < handler.poolCount(); ++p) {
            uint256 poolId = handler.poolIds(p);
            for (uint256 k; k < handler.NODE_COUNT(); ++k) {
                address nodeKey = handler.nodeKeys(k);
                uint256 unmatured;
                for (uint256 w; w < handler.workCount(); ++w) {
                    if (handler.workNodes(w) != nodeKey) continue;
                    (IRewardsDistributor.Work memory work,, uint256 unlockAt, bool rewardReturned) =
                        rewards.getWork(nodeKey, handler.workKeys(w));
                    if (work.poolId != poolId) continue;
                    assertEq(rewardReturned, handler.ghost_workSwept(w), "a work says whether its reward went back");
                    assertEq(unlockAt, _modelUnlockTime(poolId, work.submittedAt), "unlocks at the second boundary");
                    if (work.status != IRewardsDistributor.WorkStatus.ACCEPTED || block.timestamp >= unlockAt) {
                        continue;
                    }
                    // A hard invalidation of the node returned it already.
                    if (!handler.ghost_workSwept(w)) unmatured += work.reward;
                }
                (uint256 locked, uint256 claimable,) = rewards.getNodeWork(poolId, nodeKey);
                assertEq(locked, unmatured, "locked == rewards of accepted works still in their window");
                assertLe(locked, handler.ghost_maxLockBound(poolId), "no node has more locked than its pool's bound");
                // Per node, every work reward is accounted for once: a bucket released twice, or a
                // claimed amount not forgotten, breaks it.
                uint256 accepted = handler.ghost_nodeWorkReserved(poolId, nodeKey);
                uint256 returned = handler.ghost_nodeWorkReturned(poolId, nodeKey);
                uint256 out = handler.ghost_nodeWorkOut(poolId, nodeKey);
                assertLe(out, accepted - returned, "work paid <= accepted - invalidated, per node");
                assertEq(
                    out + claimable + locked, accepted - returned, "accepted - invalidated == paid + claimable + locked"
                );
            }
        }
    }

    /// @dev PROTOCOL.md's lock, modelled here rather than read from the contract: a work unlocks at
    /// the second boundary of its pool's window after submission (at once with no window). The
    /// window cannot change once the pool has work, so today's value is the one the work got.
    function _modelUnlockTime(uint256 poolId, uint256 submittedAt) internal view returns (uint256) {
        uint256 window = rewards.getPoolWork(poolId).lockPeriod;
        return window == 0 ? submittedAt : (submittedAt / window + 2) * window;
    }

    /* MEMBERSHIP */

    function _assertNodeActiveInAtMostOnePoolAndRegistryAgrees() internal view {
        for (uint256 k; k < handler.NODE_COUNT(); ++k) {
            address nodeKey = handler.nodeKeys(k);
            uint256 memberships;
            uint256 memberOf;
            for (uint256 p; p < handler.poolCount(); ++p) {
                uint256 poolId = handler.poolIds(p);
                if (rewards.getNodeRecord(poolId, nodeKey).joinedAt != 0) {
                    ++memberships;
                    memberOf = poolId;
                }
            }
            assertLe(memberships, 1, "a node is in at most one pool");
            assertEq(registry.getNode(nodeKey).active, memberships == 1, "registry active flag == pool membership");
            assertEq(handler.ghost_poolOf(nodeKey), memberOf, "membership where the handler put it");
        }
    }

    function _assertPoolComputeAndNodeCountMatchMembers() internal view {
        for (uint256 p; p < handler.poolCount(); ++p) {
            uint256 poolId = handler.poolIds(p);
            uint256 units;
            uint256 members;
            for (uint256 k; k < handler.NODE_COUNT(); ++k) {
                address nodeKey = handler.nodeKeys(k);
                IRewardsDistributor.NodeRecord memory record = rewards.getNodeRecord(poolId, nodeKey);
                if (record.joinedAt == 0) continue;
                ++members;
                units += record.computeUnits;
                assertEq(record.computeUnits, registry.getNode(nodeKey).computeUnits, "member earns for its units");
                assertEq(record.provider, registry.getNode(nodeKey).provider, "member earns for its provider");
            }
            IRewardsDistributor.PoolRewards memory pool = rewards.getPoolRewards(poolId);
            assertEq(pool.totalCompute, units, "pool totalCompute == sum of member units");
            assertEq(pool.nodeCount, members, "pool nodeCount == members");
            uint256 limit = pools.getPool(poolId).computeLimit;
            if (limit != 0) assertLe(units, limit, "within the compute limit");
        }
    }

    function _assertProviderCountsMatchNodes() internal view {
        for (uint256 i; i < handler.PROVIDER_COUNT(); ++i) {
            address provider_ = handler.providers(i);
            uint256 nodes;
            uint256 active;
            uint256 units;
            for (uint256 k; k < handler.NODE_COUNT(); ++k) {
                IComputeRegistry.Node memory node = registry.getNode(handler.nodeKeys(k));
                if (node.provider != provider_) continue;
                ++nodes;
                units += node.computeUnits;
                if (node.active) ++active;
            }
            IComputeRegistry.Provider memory record = registry.getProvider(provider_);
            assertEq(record.nodeCount, nodes, "provider nodeCount == its nodes");
            assertEq(record.activeNodeCount, active, "provider activeNodeCount == its active nodes");
            assertEq(record.totalComputeUnits, units, "provider totalComputeUnits == sum of its nodes' units");
            assertEq(registry.getProviderNodes(provider_).length, nodes, "provider node list length");
        }
    }

    /// @dev Each node's stored position is its place in its provider's list, and the list holds
    /// exactly the provider's nodes (removal swaps with the last entry and must keep this).
    function _assertProviderNodeIndicesAgree() internal view {
        for (uint256 i; i < handler.PROVIDER_COUNT(); ++i) {
            address provider_ = handler.providers(i);
            address[] memory keys = registry.getProviderNodes(provider_);
            for (uint256 j; j < keys.length; ++j) {
                IComputeRegistry.Node memory node = registry.getNode(keys[j]);
                assertEq(node.provider, provider_, "listed node belongs to the provider");
                assertEq(node.index, j, "node index == its place in the list");
            }
        }
    }

    /* ROLES */

    function _roles() internal view {
        assertFalse(handler.ghost_roleViolation(), "no role-gated call succeeded for an outsider");
        assertFalse(handler.ghost_unexpectedError(), "refused calls failed with their exact error");
        assertFalse(handler.ghost_invalidCallSucceeded(), "no call that must fail succeeded");
    }

    /* HANDLER SANITY */

    /// @dev A fixed sequence through the handler after the bootstrap, so a handler that silently skips
    /// its actions shows up as a failure here instead of as invariants that hold vacuously.
    function test_handler_reachesEveryFlow() public {
        string[54] memory flows = handler.actions();
        uint256[54] memory before;
        for (uint256 i; i < flows.length; ++i) {
            before[i] = handler.calls(flows[i]);
        }
        assertEq(handler.calls("join"), 3, "bootstrap joined every provider's nodes");
        assertEq(rewards.getPoolRewards(handler.poolIds(0)).nodeCount, 6, "bootstrap filled the first pool");

        handler.registerProvider(3, 1, false);
        handler.registerProvider(4, 1, true);
        handler.setParameters(4, 7);
        handler.setParameters(1, 0);
        handler.setParameters(5, 0);
        handler.setWorkTerms(0, 0, (uint256(1e17) << 64) | 1e12); // 1e12 per unit, 1e17 locked per node
        handler.setWorkTerms(0, 2, 40);
        handler.createPool(2);
        handler.setWorkTerms(2, 1, 2 days);
        handler.setWhitelisted(0, 1);
        handler.setRewardRate(0, 1e12);
        handler.warp(1 hours);
        handler.submitWork(0, 3, false);
        handler.submitWork(1, 5, true);
        handler.submitWork(2, 7, false);
        handler.invalidateWork(0, 1, 1e18);
        handler.invalidateWork(1, 0, 0);
        handler.setParameters(0, 3 hours);
        handler.setParameters(2, 1);
        handler.setParameters(3, 1 hours);
        handler.handOverRole(1);
        handler.handOverRole(2);
        handler.handOverRole(3);
        handler.rotateManagerKey(0);
        handler.cancelInviteNonce(0);
        handler.setBenchmark(0, 77);
        handler.updatePool(0, 1);
        handler.ejectIneligible(0);
        handler.claim(0, 0);
        handler.workCycle(0, 170); // four claims in a row: the second pays nothing more
        handler.warp(1 hours);
        handler.leave(3);
        handler.forfeit(0, 1);
        handler.increaseStake(0, 1);
        handler.reclaimStake(0, 1);
        handler.slash(2, 1);
        // Node 3 left the first pool with rewards there: it goes from provider 0 to provider 1 and
        // rejoins, paying provider 0 out.
        handler.handOverKey(3, 1, 2);
        handler.leave(2);
        handler.join(1, 2, 2);
        handler.fundPool(1, 1);
        handler.eject(5, true);
        handler.endPool(0, false);
        handler.withdrawUnusedBudget(0);
        handler.createPool(1);
        handler.startPool(2, true);
        for (uint256 k; k < 6; ++k) {
            handler.moveNode(k, 2);
        }
        handler.setValidated(0, 0);
        handler.blacklistProviderFromPool(1, 2, 0);
        // One node blacklisted with purge, so others stay in pools for the evictions below.
        uint256 blacklists = handler.calls("blacklistFromPool");
        for (uint256 k; k < 6 && handler.calls("blacklistFromPool") == blacklists; ++k) {
            handler.blacklistFromPool(k, 0);
        }
        // A hard invalidation that invalidates the node returns all of its locked work rewards.
        handler.invalidateWork(2, 2, 0);
        handler.setWhitelisted(2, 0);
        for (uint256 w; w < 4; ++w) {
            handler.warp(2 days);
        }
        handler.withdraw(0, false);
        // Slashing every provider empty evicts whatever nodes are still in pools.
        for (uint256 p; p < handler.PROVIDER_COUNT(); ++p) {
            handler.slash(p, type(uint256).max);
        }
        handler.togglePause(0);
        for (uint256 which; which < 14; ++which) {
            handler.tryUnauthorized(which, which);
        }
        for (uint256 which; which < 6; ++which) {
            handler.tryInvalid(which, which);
        }

        for (uint256 i; i < flows.length; ++i) {
            assertGt(handler.calls(flows[i]), before[i], flows[i]);
        }
        assertTrue(network.paused(), "paused");
        invariant_protocol();
    }

    /* CAMPAIGN REPORT */

    /// @dev Appends what took effect in this run to CAMPAIGN_LOG, one JSON line per run, tagged with
    /// the campaign (the wall-clock millisecond its setUp ran; runs share setUp's state). The EVM
    /// state of a run is thrown away after it, so the counts leave through a file:
    /// contracts/tools/campaign-report.mjs sums the latest campaign, writes snapshots/campaign.json
    /// and fails when an action never took effect.
    function afterInvariant() public {
        string memory line = "run";
        vm.serializeUint(line, "campaign", _campaign);
        string[54] memory names = handler.actions();
        for (uint256 i; i < names.length; ++i) {
            line = vm.serializeUint("run", names[i], handler.calls(names[i]) - _atBootstrap[i]);
        }
        vm.writeLine(CAMPAIGN_LOG, line);
    }
}
