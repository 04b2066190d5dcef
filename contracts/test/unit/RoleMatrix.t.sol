// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICommonErrors} from "../../src/interfaces/ICommonErrors.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IComputeRegistry} from "../../src/interfaces/IComputeRegistry.sol";
import {IDomainRegistry} from "../../src/interfaces/IDomainRegistry.sol";
import {IPrimeNetwork} from "../../src/interfaces/IPrimeNetwork.sol";
import {IPrimeNetworkModule} from "../../src/interfaces/IPrimeNetworkModule.sol";
import {IRewardsDistributor} from "../../src/interfaces/IRewardsDistributor.sol";
import {IStakeManager} from "../../src/interfaces/IStakeManager.sol";
import {IWorkUnitsValidation} from "../../src/interfaces/IWorkUnitsValidation.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice Every gated function of every contract, called by every actor that must not pass: each
/// call reverts with the gate's exact error. Each row also runs once as each allowed caller (on a
/// state snapshot), so a row whose call would fail for another reason cannot pass unnoticed.
contract RoleMatrixTest is BaseTest {
    enum Gate {
        FEDERATOR,
        VALIDATOR,
        PRIME_NETWORK,
        COMPUTE_POOL,
        POOL_CREATOR,
        POOL_OPERATOR,
        PENDING_ROLE_HOLDER,
        FEDERATOR_OR_VALIDATOR // handing over the validator role: its holder, or the federator as admin
    }

    /// @dev One gated call. Pool-gated calls name their pool in the first argument.
    struct Row {
        address target;
        Gate gate;
        bytes data;
    }

    address internal creator2 = makeAddr("creator2");
    address internal manager2 = makeAddr("computeManager2");
    address internal successor = makeAddr("successor"); // proposed as the next validator

    address internal nodeKey; // joined to poolId
    address internal spareNode; // registered, validated, in no pool
    address internal workNode; // in workPoolId, with WORK_KEY submitted and still locked
    uint256 internal workPoolId;
    uint256 internal workDomainId;
    bytes32 internal constant WORK_KEY = keccak256("matrix-work");
    uint256 internal poolId; // ACTIVE, funded, nodeKey in it
    uint256 internal pendingPoolId; // PENDING
    uint256 internal endedPoolId; // COMPLETED with unused budget
    uint256 internal otherPoolId; // PENDING, run by creator2 / manager2: operators, but not of these pools

    function setUp() public override {
        super.setUp();
        _registerWhitelisted(provider, 10);
        _registerProvider(provider2, STAKE_MINIMUM);
        nodeKey = _addValidatedNode(provider, "node1", 2);
        spareNode = _addValidatedNode(provider, "node2", 1);

        poolId = _activePool(1e15, 1000e18);
        _join(provider, poolId, nodeKey, 0);

        workNode = _addValidatedNode(provider, "workNode", 1);
        workPoolId = _workPool(1e15, 1000e18, 1 days);
        workDomainId = pools.getPool(workPoolId).domainId;
        _join(provider, workPoolId, workNode, 0);

        uint256 domainId = _createDomain();
        pendingPoolId = _createPool(domainId, 0);
        endedPoolId = _createPool(domainId, 0);
        vm.prank(funder);
        rewards.fundPool(endedPoolId, 10e18);
        vm.prank(creator);
        pools.endComputePool(endedPoolId);
        vm.prank(creator2);
        otherPoolId = pools.createComputePool(domainId, manager2, "other", "", 0);

        // A matured unbond, so StakeManager.withdraw has something to pay.
        vm.prank(provider);
        network.reclaimStake(1e18);
        skip(UNBONDING_PERIOD);
        // After the skip, so the work is still in its window.
        _submit(workPoolId, workNode, WORK_KEY, 1);

        vm.label(address(network), "PrimeNetwork");
        vm.label(address(stakeManager), "StakeManager");
        vm.label(address(registry), "ComputeRegistry");
        vm.label(address(domains), "DomainRegistry");
        vm.label(address(pools), "ComputePool");
        vm.label(address(rewards), "RewardsDistributor");

        // The validator's own proposal: the federator's could not be replaced by the validator row.
        vm.prank(validator);
        network.proposeRoleTransfer(keccak256("VALIDATOR_ROLE"), successor);
        _buildTable();
    }

    /* TABLE */

    /// @dev Filled once in setUp; split by contract so no function holds more than a few locals.
    Row[] internal _table;

    function _rows() internal view returns (Row[] memory) {
        return _table;
    }

    function _add(address target, Gate gate, bytes memory data) internal {
        _table.push(Row(target, gate, data));
    }

    function _buildTable() internal {
        _addPrimeNetworkRows();
        _addPoolRows();
        _addStakeManagerRows();
        _addRegistryRows();
        _addWorkRows();
        assertEq(_table.length, 55, "every row added");
    }

    function _addPrimeNetworkRows() internal {
        address n = address(network);
        // PrimeNetwork, federator only.
        _add(n, Gate.FEDERATOR, abi.encodeCall(IPrimeNetwork.createDomain, ("d", address(0), "")));
        _add(n, Gate.FEDERATOR, abi.encodeCall(IPrimeNetwork.updateDomain, (1, address(0), "u")));
        _add(n, Gate.FEDERATOR, abi.encodeCall(IPrimeNetwork.setStakeMinimum, (1)));
        _add(n, Gate.FEDERATOR, abi.encodeCall(IPrimeNetwork.setUnbondingPeriod, (1 days)));
        _add(n, Gate.FEDERATOR, abi.encodeCall(IPrimeNetwork.setTreasury, (stranger)));
        _add(n, Gate.FEDERATOR, abi.encodeCall(IPrimeNetwork.pause, ()));
        _add(n, Gate.FEDERATOR, abi.encodeCall(IPrimeNetwork.unpause, ()));
        _add(
            n,
            Gate.FEDERATOR,
            abi.encodeCall(IPrimeNetwork.proposeRoleTransfer, (keccak256("FEDERATOR_ROLE"), stranger))
        );
        _add(
            n,
            Gate.FEDERATOR_OR_VALIDATOR,
            abi.encodeCall(IPrimeNetwork.proposeRoleTransfer, (keccak256("VALIDATOR_ROLE"), stranger))
        );
        _add(
            n,
            Gate.FEDERATOR_OR_VALIDATOR,
            abi.encodeCall(IPrimeNetwork.cancelRoleTransfer, (keccak256("VALIDATOR_ROLE")))
        );
        // PrimeNetwork, the proposed holder only.
        _add(n, Gate.PENDING_ROLE_HOLDER, abi.encodeCall(IPrimeNetwork.acceptRole, (keccak256("VALIDATOR_ROLE"))));
        // PrimeNetwork, validator only.
        _add(n, Gate.VALIDATOR, abi.encodeCall(IPrimeNetwork.whitelistProvider, (provider2)));
        _add(n, Gate.VALIDATOR, abi.encodeCall(IPrimeNetwork.blacklistProvider, (provider, _noEvictions())));
        _add(n, Gate.VALIDATOR, abi.encodeCall(IPrimeNetwork.validateNode, (spareNode)));
        _add(n, Gate.VALIDATOR, abi.encodeCall(IPrimeNetwork.invalidateNode, (spareNode, _noEvictions())));
        _add(n, Gate.VALIDATOR, abi.encodeCall(IPrimeNetwork.setNodeBenchmark, (spareNode, 7)));
        _add(n, Gate.VALIDATOR, abi.encodeCall(IPrimeNetwork.slash, (provider, 1e18, _noEvictions())));
    }

    function _addPoolRows() internal {
        address cp = address(pools);
        address rd = address(rewards);
        uint32[] memory oneUnit = new uint32[](1);
        oneUnit[0] = 1;
        // RewardsDistributor, validator only (a pool's own operators included).
        _add(rd, Gate.VALIDATOR, abi.encodeCall(IRewardsDistributor.forfeitRewards, (poolId, nodeKey)));
        // ComputePool, creator only.
        _add(cp, Gate.POOL_CREATOR, abi.encodeCall(IComputePool.setComputeManagerKey, (poolId, stranger)));
        _add(cp, Gate.POOL_CREATOR, abi.encodeCall(IComputePool.updatePool, (poolId, 0, "ipfs://new")));
        // ComputePool, creator or compute manager key.
        _add(cp, Gate.POOL_OPERATOR, abi.encodeCall(IComputePool.startComputePool, (pendingPoolId)));
        _add(cp, Gate.POOL_OPERATOR, abi.encodeCall(IComputePool.endComputePool, (poolId)));
        _add(cp, Gate.POOL_OPERATOR, abi.encodeCall(IComputePool.cancelInviteNonce, (poolId, 99)));
        _add(cp, Gate.POOL_OPERATOR, abi.encodeCall(IComputePool.ejectNode, (poolId, nodeKey)));
        _add(
            cp,
            Gate.POOL_OPERATOR,
            abi.encodeCall(IComputePool.blacklistProviders, (poolId, _one(provider), _one(nodeKey)))
        );
        _add(cp, Gate.POOL_OPERATOR, abi.encodeCall(IComputePool.blacklistNodes, (poolId, _one(nodeKey), true)));
        // RewardsDistributor, pool creator only.
        _add(rd, Gate.POOL_CREATOR, abi.encodeCall(IRewardsDistributor.setRewardRate, (poolId, 2e15)));
        _add(rd, Gate.POOL_CREATOR, abi.encodeCall(IRewardsDistributor.withdrawUnusedBudget, (endedPoolId)));
        // RewardsDistributor, ComputePool only.
        _add(
            rd,
            Gate.COMPUTE_POOL,
            abi.encodeCall(IRewardsDistributor.onNodesJoined, (poolId, provider, _one(spareNode), oneUnit, 0))
        );
        _add(rd, Gate.COMPUTE_POOL, abi.encodeCall(IRewardsDistributor.onNodeLeft, (poolId, nodeKey)));
        _add(rd, Gate.COMPUTE_POOL, abi.encodeCall(IRewardsDistributor.onPoolEnded, (poolId)));
    }

    function _addStakeManagerRows() internal {
        address sm = address(stakeManager);
        // StakeManager, PrimeNetwork only.
        _add(sm, Gate.PRIME_NETWORK, abi.encodeCall(IStakeManager.stake, (provider, 1e18)));
        _add(sm, Gate.PRIME_NETWORK, abi.encodeCall(IStakeManager.unbond, (provider, 1e18)));
        _add(sm, Gate.PRIME_NETWORK, abi.encodeCall(IStakeManager.withdraw, (provider)));
        _add(sm, Gate.PRIME_NETWORK, abi.encodeCall(IStakeManager.slash, (provider, 1e18)));
        _add(sm, Gate.PRIME_NETWORK, abi.encodeCall(IStakeManager.setUnbondingPeriod, (1 days)));
        _add(sm, Gate.PRIME_NETWORK, abi.encodeCall(IStakeManager.setTreasury, (stranger)));
    }

    function _addWorkRows() internal {
        address n = address(network);
        address rd = address(rewards);
        _add(n, Gate.FEDERATOR, abi.encodeCall(IPrimeNetwork.setMinWorkLockPeriod, (1 hours)));
        _add(
            address(workValidation), Gate.FEDERATOR, abi.encodeCall(IWorkUnitsValidation.setUnitsCap, (workDomainId, 1))
        );
        _add(
            n,
            Gate.VALIDATOR,
            abi.encodeCall(IPrimeNetwork.invalidateWork, (workNode, WORK_KEY, 1e18, true, _noEvictions()))
        );
        _add(n, Gate.VALIDATOR, abi.encodeCall(IPrimeNetwork.softInvalidateWork, (workNode, WORK_KEY)));
        _add(rd, Gate.POOL_CREATOR, abi.encodeCall(IRewardsDistributor.setWorkRewardRate, (poolId, 1, 1)));
        _add(rd, Gate.POOL_CREATOR, abi.encodeCall(IRewardsDistributor.setWorkLockPeriod, (poolId, 2 days)));
        _add(
            rd,
            Gate.COMPUTE_POOL,
            abi.encodeCall(
                IRewardsDistributor.onWorkAccepted,
                (workPoolId, workNode, provider, keccak256("new"), 1, ANY_RATE, ANY_WINDOW)
            )
        );
        _add(
            rd,
            Gate.PRIME_NETWORK,
            abi.encodeCall(IRewardsDistributor.onWorkInvalidated, (workNode, WORK_KEY, true, false))
        );
    }

    function _addRegistryRows() internal {
        address reg = address(registry);
        address dom = address(domains);
        // ComputeRegistry, PrimeNetwork only.
        _add(reg, Gate.PRIME_NETWORK, abi.encodeCall(IComputeRegistry.registerProvider, (stranger)));
        _add(reg, Gate.PRIME_NETWORK, abi.encodeCall(IComputeRegistry.setWhitelisted, (provider2, true)));
        _add(reg, Gate.PRIME_NETWORK, abi.encodeCall(IComputeRegistry.addNode, (provider, stranger, 1, "")));
        _add(reg, Gate.PRIME_NETWORK, abi.encodeCall(IComputeRegistry.removeNode, (provider, spareNode)));
        _add(reg, Gate.PRIME_NETWORK, abi.encodeCall(IComputeRegistry.setValidated, (spareNode, false)));
        _add(reg, Gate.PRIME_NETWORK, abi.encodeCall(IComputeRegistry.setBenchmarkScore, (spareNode, 7)));
        // ComputeRegistry, ComputePool only.
        _add(reg, Gate.COMPUTE_POOL, abi.encodeCall(IComputeRegistry.setActive, (spareNode, true)));
        _add(reg, Gate.COMPUTE_POOL, abi.encodeCall(IComputeRegistry.extendWorkLock, (provider, 1)));
        // DomainRegistry, PrimeNetwork only.
        _add(dom, Gate.PRIME_NETWORK, abi.encodeCall(IDomainRegistry.createDomain, ("d", address(0), "")));
        _add(dom, Gate.PRIME_NETWORK, abi.encodeCall(IDomainRegistry.updateDomain, (1, address(0), "u")));
    }

    /// @dev Everyone who might try: role holders, providers, pool operators of this and another
    /// pool, bystanders and every protocol contract.
    function _actors() internal view returns (address[] memory actors) {
        actors = new address[](19);
        actors[0] = federator;
        actors[1] = validator;
        actors[2] = provider;
        actors[3] = provider2;
        actors[4] = creator;
        actors[5] = manager;
        actors[6] = creator2;
        actors[7] = manager2;
        actors[8] = stranger;
        actors[9] = funder;
        actors[10] = treasury;
        actors[11] = nodeKey;
        actors[12] = address(network);
        actors[13] = address(stakeManager);
        actors[14] = address(registry);
        actors[15] = address(domains);
        actors[16] = address(pools);
        actors[17] = address(rewards);
        actors[18] = successor;
    }

    /* ROW HELPERS */

    /// @dev "Contract.selector", for failure messages.
    function _name(Row memory row) internal view returns (string memory) {
        return string.concat(vm.getLabel(row.target), ".", vm.toString(abi.encodePacked(bytes4(row.data))));
    }

    function _poolId(Row memory row) internal pure returns (uint256 id) {
        bytes memory data = row.data;
        assembly ("memory-safe") {
            id := mload(add(data, 36))
        }
    }

    function _allowed(Row memory row, address actor) internal view returns (bool) {
        if (row.gate == Gate.FEDERATOR) return actor == federator;
        if (row.gate == Gate.VALIDATOR) return actor == validator;
        if (row.gate == Gate.PRIME_NETWORK) return actor == address(network);
        if (row.gate == Gate.COMPUTE_POOL) return actor == address(pools);
        if (row.gate == Gate.PENDING_ROLE_HOLDER) return actor == successor;
        if (row.gate == Gate.FEDERATOR_OR_VALIDATOR) return actor == federator || actor == validator;
        IComputePool.Pool memory pool = pools.getPool(_poolId(row));
        if (row.gate == Gate.POOL_CREATOR) return actor == pool.creator;
        return actor == pool.creator || actor == pool.computeManagerKey;
    }

    function _allowedCallers(Row memory row) internal view returns (address[] memory callers) {
        if (row.gate == Gate.FEDERATOR_OR_VALIDATOR) {
            callers = new address[](2);
            callers[0] = federator;
            callers[1] = validator;
            return callers;
        }
        if (row.gate == Gate.POOL_OPERATOR) {
            IComputePool.Pool memory pool = pools.getPool(_poolId(row));
            callers = new address[](2);
            callers[0] = pool.creator;
            callers[1] = pool.computeManagerKey;
            return callers;
        }
        callers = new address[](1);
        if (row.gate == Gate.FEDERATOR) callers[0] = federator;
        else if (row.gate == Gate.VALIDATOR) callers[0] = validator;
        else if (row.gate == Gate.PRIME_NETWORK) callers[0] = address(network);
        else if (row.gate == Gate.COMPUTE_POOL) callers[0] = address(pools);
        else if (row.gate == Gate.PENDING_ROLE_HOLDER) callers[0] = successor;
        else callers[0] = pools.getPool(_poolId(row)).creator;
    }

    function _expectedError(Row memory row, address actor) internal pure returns (bytes memory) {
        if (row.gate == Gate.FEDERATOR) {
            return abi.encodeWithSelector(ICommonErrors.MissingRole.selector, keccak256("FEDERATOR_ROLE"), actor);
        }
        if (row.gate == Gate.VALIDATOR || row.gate == Gate.FEDERATOR_OR_VALIDATOR) {
            return abi.encodeWithSelector(ICommonErrors.MissingRole.selector, keccak256("VALIDATOR_ROLE"), actor);
        }
        if (row.gate == Gate.PRIME_NETWORK) {
            return abi.encodeWithSelector(IPrimeNetworkModule.CallerNotPrimeNetwork.selector, actor);
        }
        if (row.gate == Gate.COMPUTE_POOL) {
            // The registry's and the distributor's CallerNotComputePool share one selector.
            return abi.encodeWithSelector(IComputeRegistry.CallerNotComputePool.selector, actor);
        }
        if (row.gate == Gate.PENDING_ROLE_HOLDER) {
            return abi.encodeWithSelector(
                IPrimeNetwork.CallerNotPendingRoleHolder.selector, keccak256("VALIDATOR_ROLE"), actor
            );
        }
        if (row.gate == Gate.POOL_CREATOR) {
            return abi.encodeWithSelector(ICommonErrors.CallerNotPoolCreator.selector, _poolId(row), actor);
        }
        return abi.encodeWithSelector(IComputePool.CallerNotPoolOperator.selector, _poolId(row), actor);
    }

    function _assertRejects(Row memory row, address actor) internal {
        vm.prank(actor);
        vm.expectRevert(_expectedError(row, actor), row.target);
        (bool reverted,) = row.target.call(row.data);
        assertTrue(reverted, string.concat(_name(row), " rejects ", vm.toString(actor)));
    }

    /* TESTS */

    function test_roleMatrix_everyGateRejectsEveryOtherActor() public {
        Row[] memory rows = _rows();
        address[] memory actors = _actors();
        uint256 checked;
        for (uint256 r; r < rows.length; ++r) {
            for (uint256 a; a < actors.length; ++a) {
                if (_allowed(rows[r], actors[a])) continue;
                _assertRejects(rows[r], actors[a]);
                ++checked;
            }
        }
        // Every row has one allowed actor in the list, except the six operator rows and the two
        // validator-handover rows (two each).
        assertEq(checked, rows.length * actors.length - rows.length - 8, "calls checked");
    }

    function test_roleMatrix_everyGatePassesForItsHolders() public {
        Row[] memory rows = _rows();
        for (uint256 r; r < rows.length; ++r) {
            address[] memory callers = _allowedCallers(rows[r]);
            for (uint256 c; c < callers.length; ++c) {
                uint256 snapshot = vm.snapshotState();
                if (bytes4(rows[r].data) == IPrimeNetwork.unpause.selector) {
                    vm.prank(federator);
                    network.pause();
                }
                vm.prank(callers[c]);
                (bool ok, bytes memory ret) = rows[r].target.call(rows[r].data);
                assertTrue(
                    ok, string.concat(_name(rows[r]), " passes for ", vm.toString(callers[c]), ": ", vm.toString(ret))
                );
                vm.revertToState(snapshot);
            }
        }
    }

    function testFuzz_roleMatrix_rejectsAnyUnauthorizedCaller(address actor) public {
        vm.assume(actor != address(vm));
        Row[] memory rows = _rows();
        for (uint256 r; r < rows.length; ++r) {
            if (_allowed(rows[r], actor)) continue;
            _assertRejects(rows[r], actor);
        }
    }

    function test_roleMatrix_rejectsAnyUnauthorizedCaller() public {
        testFuzz_roleMatrix_rejectsAnyUnauthorizedCaller(makeAddr("anyone"));
    }

    /// @dev Roles are read from PrimeNetwork on every call: after a handover the matrix holds for
    /// the new holders, and the old ones are rejected like anybody else.
    function test_roleMatrix_followsRoleHandover() public {
        address newFederator = makeAddr("newFederator");
        address newValidator = makeAddr("newValidator");
        vm.startPrank(federator);
        network.proposeRoleTransfer(keccak256("VALIDATOR_ROLE"), newValidator);
        network.proposeRoleTransfer(keccak256("FEDERATOR_ROLE"), newFederator);
        vm.stopPrank();
        vm.prank(newValidator);
        network.acceptRole(keccak256("VALIDATOR_ROLE"));
        vm.prank(newFederator);
        network.acceptRole(keccak256("FEDERATOR_ROLE"));

        Row[] memory rows = _rows();
        for (uint256 r; r < rows.length; ++r) {
            if (rows[r].gate == Gate.FEDERATOR) _assertRejects(rows[r], federator);
            if (rows[r].gate == Gate.VALIDATOR) _assertRejects(rows[r], validator);
            if (rows[r].gate == Gate.FEDERATOR_OR_VALIDATOR) {
                _assertRejects(rows[r], federator);
                _assertRejects(rows[r], validator);
            }
        }
        vm.prank(newValidator);
        rewards.forfeitRewards(poolId, nodeKey);
        vm.prank(newFederator);
        network.pause();
        assertTrue(network.paused(), "new federator paused");
    }
}
