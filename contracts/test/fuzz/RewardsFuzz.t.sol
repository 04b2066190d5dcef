// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {BaseTest} from "../utils/BaseTest.sol";

contract RewardsFuzzTest is BaseTest {
    /* HELPERS */

    function _budget(uint256 poolId) internal view returns (uint256) {
        return rewards.getPoolRewards(poolId).budget;
    }

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {
        return a < b ? a : b;
    }

    /// @dev Registers `provider_` with just enough stake (minted) for one node of `units`, adds it validated.
    function _fundedNode(address provider_, string memory label, uint256 units) internal returns (address node) {
        token.mint(provider_, STAKE_MINIMUM * (1 + units));
        _registerWhitelisted(provider_, units);
        node = _addValidatedNode(provider_, label, units);
    }

    /* ONE NODE */

    function testFuzz_rewards_matchFormulaUntilBudgetRunsOut(uint256 rate, uint256 units, uint256 secs, uint256 budget)
        public
    {
        rate = bound(rate, 0, 1e24);
        units = bound(units, 1, 1_000_000);
        secs = bound(secs, 1, 365 days);
        budget = bound(budget, 1, 1e36);
        address node = _fundedNode(provider, "node", units);
        token.mint(funder, budget);
        uint256 poolId = _activePool(rate, budget);
        _join(provider, poolId, node, 0);

        skip(secs);

        uint256 earned = rewards.calculateRewards(poolId, node);
        if (rate * units * secs <= budget) {
            assertEq(earned, rate * units * secs, "rate x units x seconds while the budget lasts");
        } else {
            // Ran out: the node took every whole per-unit share; less than one share per unit is left.
            // The division first is the point: it rounds down to whole shares, as the index does.
            // forge-lint: disable-next-line(divide-before-multiply)
            assertEq(earned, (budget / units) * units, "all whole per-unit shares of the budget");
            assertLt(budget - earned, units, "dust below one unit");
        }
        assertEq(_budget(poolId), budget - earned, "budget less what was earned");

        uint256 before = token.balanceOf(provider);
        assertEq(_claim(provider, poolId, node), earned, "claim returns the earned amount");
        assertEq(token.balanceOf(provider) - before, earned, "provider paid");
        assertEq(token.balanceOf(address(rewards)), budget - earned, "distributor keeps the rest");
    }

    function test_rewards_matchFormulaUntilBudgetRunsOut_example() public {
        testFuzz_rewards_matchFormulaUntilBudgetRunsOut(1e15, 10, 100, 1000e18);
    }

    function test_rewards_matchFormulaUntilBudgetRunsOut_exhaustedExample() public {
        testFuzz_rewards_matchFormulaUntilBudgetRunsOut(10, 3, 1000, 100);
    }

    /* TWO NODES SHARING A BUDGET */

    /// @dev A earns alone for `gap` seconds, then B joins and both earn for `secs`: each phase pays
    /// rate x units x seconds per node, or, once the budget runs short, the whole per-unit shares
    /// of what is left, pro rata to units.
    function testFuzz_rewards_twoNodesShareTheBudgetProRata(
        uint256 rate,
        uint256 unitsA,
        uint256 unitsB,
        uint256 gap,
        uint256 secs,
        uint256 budget
    ) public {
        rate = bound(rate, 1, 1e20);
        unitsA = bound(unitsA, 1, 1000);
        unitsB = bound(unitsB, 1, 1000);
        gap = bound(gap, 0, 30 days);
        secs = bound(secs, 1, 30 days);
        budget = bound(budget, 1, 1e30);
        address nodeA = _fundedNode(provider, "nodeA", unitsA);
        address nodeB = _fundedNode(provider2, "nodeB", unitsB);
        token.mint(funder, budget);
        uint256 poolId = _activePool(rate, budget);
        _join(provider, poolId, nodeA, 0);
        skip(gap);
        _join(provider2, poolId, nodeB, 1);
        uint256 alone = _min(rate * gap, budget / unitsA);
        assertEq(rewards.calculateRewards(poolId, nodeA), alone * unitsA, "A alone");

        skip(secs);

        // Both stop at the same moment: the same per-unit amount for both, whichever ran it out.
        uint256 perUnit = _min(rate * secs, (budget - alone * unitsA) / (unitsA + unitsB));
        assertEq(rewards.calculateRewards(poolId, nodeA), (alone + perUnit) * unitsA, "A alone, then pro rata");
        assertEq(rewards.calculateRewards(poolId, nodeB), perUnit * unitsB, "B pro rata from its join");
        assertEq(
            rewards.calculateRewards(poolId, nodeA) + rewards.calculateRewards(poolId, nodeB) + _budget(poolId),
            budget,
            "funded == claimable + budget"
        );
    }

    function test_rewards_twoNodesShareTheBudgetProRata_example() public {
        // A earns 10 x 1 x 5 = 50 alone; then 100 - 50 = 50 left for 3 units: 16 each, 2 dust.
        testFuzz_rewards_twoNodesShareTheBudgetProRata(10, 1, 2, 5, 10, 100);
    }

    /* SEQUENCES */

    /// @dev A sequence's state, in memory to keep the stack small.
    struct Sequence {
        uint256 poolId;
        address[2] nodes;
        address[2] owners;
        bool[2] inPool;
        bool[2] joined;
        uint256 nonce;
        uint256 funded;
        uint256 claimed;
    }

    /// @dev Twenty steps chosen by `seed`: skip, claim, fund, set the rate, or a node leaves or
    /// (re)joins. After each: funded == claimed + claimable + budget, and the distributor holds
    /// exactly funded - claimed.
    function testFuzz_claimedNeverExceedsFunded(
        uint256 seed,
        uint256 rate,
        uint256 budget,
        uint256 unitsA,
        uint256 unitsB
    ) public {
        rate = bound(rate, 1, 1e20);
        budget = bound(budget, 1, 1e30);
        Sequence memory q;
        q.nodes = [
            _fundedNode(provider, "nodeA", bound(unitsA, 1, 1000)),
            _fundedNode(provider2, "nodeB", bound(unitsB, 1, 1000))
        ];
        q.owners = [provider, provider2];
        token.mint(funder, budget);
        q.poolId = _activePool(rate, budget);
        q.funded = budget;

        for (uint256 i; i < 20; ++i) {
            _step(q, uint256(keccak256(abi.encode(seed, i))));
            uint256 claimable =
                rewards.calculateRewards(q.poolId, q.nodes[0]) + rewards.calculateRewards(q.poolId, q.nodes[1]);
            assertEq(q.claimed + claimable + _budget(q.poolId), q.funded, "funded == claimed + claimable + budget");
            assertLe(q.claimed, q.funded, "claimed <= funded");
            assertEq(token.balanceOf(address(rewards)), q.funded - q.claimed, "distributor holds funded - claimed");
        }
    }

    function _step(Sequence memory q, uint256 word) internal {
        uint256 op = word % 6;
        uint256 n = (word >> 4) % 2;
        if (op == 0) {
            skip(bound(word >> 8, 1, 1 days));
        } else if (op == 1) {
            // A node that never joined has no record to claim from.
            if (q.joined[n]) q.claimed += _claim(q.owners[n], q.poolId, q.nodes[n]);
        } else if (op == 2) {
            uint256 amount = bound(word >> 8, 1, 1e24);
            token.mint(funder, amount);
            vm.prank(funder);
            rewards.fundPool(q.poolId, amount);
            q.funded += amount;
        } else if (op == 3) {
            vm.prank(creator);
            rewards.setRewardRate(q.poolId, bound(word >> 8, 0, 1e20));
        } else if (q.inPool[n]) {
            _leave(q.owners[n], q.poolId, q.nodes[n]);
            q.inPool[n] = false;
        } else {
            _join(q.owners[n], q.poolId, q.nodes[n], q.nonce++);
            (q.inPool[n], q.joined[n]) = (true, true);
        }
    }

    function test_claimedNeverExceedsFunded_example() public {
        testFuzz_claimedNeverExceedsFunded(42, 1e15, 1e21, 3, 5);
    }

    /* WORK */

    /// @dev Any window, submission time and size: the reward is reserved from the budget, stays locked
    /// for more than one window and at most two, then exactly units x rate is paid.
    function testFuzz_work_lockedForItsWindowThenPaidExactly(uint256 units, uint256 window, uint256 offset) public {
        units = bound(units, 1, 1000);
        window = bound(window, 1, 90 days);
        offset = bound(offset, 0, 10 * window);
        uint256 rate = 1e15;
        _registerWhitelisted(provider, 1);
        address node = _addValidatedNode(provider, "workNode", 1);
        uint256 poolId = _workPool(rate, units * rate, window);
        _join(provider, poolId, node, 0);
        skip(offset);

        uint256 submittedAt = vm.getBlockTimestamp();
        _submit(poolId, node, keccak256("work"), units);
        assertEq(rewards.getPoolRewards(poolId).budget, 0, "the whole budget is reserved");
        (,, uint256 unlockAt,) = rewards.getWork(node, keccak256("work"));
        assertGt(unlockAt, submittedAt + window, "locked more than one window");
        assertLe(unlockAt, submittedAt + 2 * window, "and at most two");

        vm.warp(unlockAt - 1);
        assertEq(_claim(provider, poolId, node), 0, "nothing before the window ends");
        vm.warp(unlockAt);
        assertEq(_claim(provider, poolId, node), units * rate, "exactly units x rate after");
    }

    function test_work_lockedForItsWindowThenPaidExactly_example() public {
        testFuzz_work_lockedForItsWindowThenPaidExactly(7, 1 days, 5 hours);
    }
}
