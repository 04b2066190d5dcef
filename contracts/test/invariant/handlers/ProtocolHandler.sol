// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";

import {ICommonErrors} from "../../../src/interfaces/ICommonErrors.sol";
import {IComputePool} from "../../../src/interfaces/IComputePool.sol";
import {IComputeRegistry} from "../../../src/interfaces/IComputeRegistry.sol";
import {IPrimeNetwork} from "../../../src/interfaces/IPrimeNetwork.sol";
import {IPrimeNetworkModule} from "../../../src/interfaces/IPrimeNetworkModule.sol";
import {IPrimeToken} from "../../../src/interfaces/IPrimeToken.sol";
import {IRewardsDistributor} from "../../../src/interfaces/IRewardsDistributor.sol";
import {IStakeManager} from "../../../src/interfaces/IStakeManager.sol";
import {IWorkUnitsValidation} from "../../../src/interfaces/IWorkUnitsValidation.sol";
import {Permits} from "../../utils/Permits.sol";

/// @notice Drives bounded random sequences through the protocol's real entry points with a fixed cast:
/// five providers (three founding, two newcomers who register during the campaign), six node keys, one pool creator with its compute manager key, the validator, the
/// federator and a funder. Every action checks its preconditions and skips (returns) when the call
/// would revert, so the suite can run with fail_on_revert. Ghost variables record what entered and
/// left each pool's budget.
contract ProtocolHandler is Test {
    uint256 public constant PROVIDER_COUNT = 5;
    /// @dev Providers registered at bootstrap; the others register in the campaign, by allowance or
    /// by permit, so registration takes effect in runs rather than only before them.
    uint256 public constant FOUNDING_PROVIDERS = 3;
    uint256 public constant NODE_COUNT = 6;
    uint256 public constant MAX_POOLS = 4;
    uint256 internal constant MAX_UNITS = 8;
    uint256 internal constant MAX_WORK_UNITS = 50;
    uint256 public constant WORK_WINDOW = 1 days;
    /// @dev Node-ownership consents the handler signs stay valid through any campaign (2100-01-01).
    uint256 internal constant CONSENT_DEADLINE = 4_102_444_800;

    /* DEPLOYMENT */

    IPrimeToken public immutable token;
    IPrimeNetwork public immutable network;
    IStakeManager public immutable stakeManager;
    IComputeRegistry public immutable registry;
    IComputePool public immutable pools;
    IRewardsDistributor public immutable rewards;
    IWorkUnitsValidation public immutable workValidation;

    /* ACTORS */

    address public immutable federator;
    address public immutable validator;
    address public immutable treasury;
    address public immutable creator;
    address public immutable manager;
    uint256 internal immutable _managerPk;
    address public immutable funder;
    address public immutable stranger;
    address[PROVIDER_COUNT] public providers;
    uint256[PROVIDER_COUNT] internal _providerPks;
    address[NODE_COUNT] public nodeKeys;
    uint256[NODE_COUNT] internal _nodePks;

    uint256 public immutable domainId;
    uint256 internal immutable _stakeMinimum;
    uint256[] public poolIds;
    /// @dev Every work submitted, in order: the node that did it and its key (together its identity).
    bytes32[] public workKeys;
    address[] public workNodes;
    mapping(uint256 poolId => uint256) internal _nextNonce;

    /* GHOSTS */

    mapping(uint256 poolId => uint256) public ghost_funded;
    mapping(uint256 poolId => uint256) public ghost_claimed;
    /// @dev Paid to a node's previous provider when its key rejoined under another provider.
    mapping(uint256 poolId => uint256) public ghost_paidOnRejoin;
    mapping(uint256 poolId => uint256) public ghost_forfeited;
    mapping(uint256 poolId => uint256) public ghost_budgetWithdrawn;
    /// @dev Time rewards the pool should have accrued, modelled independently of its index: over each
    /// warp, while ACTIVE, rate x total compute x seconds, or what the budget affords in whole units
    /// per compute unit.
    mapping(uint256 poolId => uint256) public ghost_timeAccrued;
    /// @dev Work rewards taken from the budget at submission, and those an invalidation returned.
    mapping(uint256 poolId => uint256) public ghost_workReserved;
    mapping(uint256 poolId => uint256) public ghost_workReturned;
    /// @dev The same per pool and node key: work rewards reserved, returned by an invalidation (its
    /// own or a sweep of the node's locked rewards), and paid out of the node's work ledger (claimed,
    /// forfeited, paid to a previous provider on a rejoin).
    mapping(uint256 poolId => mapping(address nodeKey => uint256)) public ghost_nodeWorkReserved;
    mapping(uint256 poolId => mapping(address nodeKey => uint256)) public ghost_nodeWorkReturned;
    mapping(uint256 poolId => mapping(address nodeKey => uint256)) public ghost_nodeWorkOut;
    /// @dev When the node's latest work in the pool unlocks: until then the key cannot rejoin the
    /// pool under another provider.
    mapping(uint256 poolId => mapping(address nodeKey => uint256)) public ghost_lastUnlock;
    /// @dev Works whose reward a hard invalidation of their node returned while they were locked.
    mapping(uint256 workIndex => bool) public ghost_workSwept;
    /// @dev The largest per-node bound on locked work rewards a pool ever had: locks never pass it.
    mapping(uint256 poolId => uint256) public ghost_maxLockBound;
    /// @dev Per pool and node key, modelled apart from the distributor: the time rewards it earned
    /// (rate x its units x each second in an ACTIVE pool, while the budget lasted) and those that
    /// left its record (claimed, forfeited, paid out on a rejoin under another provider).
    mapping(uint256 poolId => mapping(address nodeKey => uint256)) public ghost_nodeEarned;
    mapping(uint256 poolId => mapping(address nodeKey => uint256)) public ghost_nodeSettled;
    /// @dev Seconds a node key spent in a pool while it was ACTIVE, under its current provider there
    /// (the record starts over when the key comes back under another provider).
    mapping(uint256 poolId => mapping(address nodeKey => uint256)) public ghost_nodeSeconds;
    mapping(address nodeKey => uint256 poolId) public ghost_poolOf;
    /// @dev A pool's reward index when it ended: nothing may accrue after that.
    mapping(uint256 poolId => uint256) public ghost_indexAtEnd;
    /// @dev Set when a call that must fail succeeded.
    bool public ghost_invalidCallSucceeded;
    uint256 public ghost_slashed;
    /// @dev Set when a role-gated call succeeded for a caller without the role.
    bool public ghost_roleViolation;
    /// @dev Set when such a call failed with another error than the expected one.
    bool public ghost_unexpectedError;
    /// @dev How many times each action (or distinct outcome of one) took effect. Only `_tookEffect`
    /// writes it, and only with a name from `actions()`, so the campaign report misses none.
    mapping(string action => uint256) public calls;
    mapping(string action => bool) internal _isAction;

    struct Deployment {
        IPrimeToken token;
        IPrimeNetwork network;
        IStakeManager stakeManager;
        IComputeRegistry registry;
        IComputePool pools;
        IRewardsDistributor rewards;
        IWorkUnitsValidation workValidation;
        address federator;
        address validator;
        address treasury;
        address creator;
        address funder;
    }

    constructor(Deployment memory d) {
        token = d.token;
        network = d.network;
        stakeManager = d.stakeManager;
        registry = d.registry;
        pools = d.pools;
        rewards = d.rewards;
        workValidation = d.workValidation;
        federator = d.federator;
        validator = d.validator;
        treasury = d.treasury;
        creator = d.creator;
        funder = d.funder;
        stranger = makeAddr("inv.stranger");
        (address manager_, uint256 managerPk_) = makeAddrAndKey("inv.manager");
        manager = manager_;
        _managerPk = managerPk_;
        _stakeMinimum = network.stakeMinimum();
        string[54] memory names = actions();
        for (uint256 i; i < names.length; ++i) {
            _isAction[names[i]] = true;
        }

        for (uint256 i; i < PROVIDER_COUNT; ++i) {
            (providers[i], _providerPks[i]) = makeAddrAndKey(string.concat("inv.provider", vm.toString(i)));
            vm.prank(providers[i]);
            token.approve(address(stakeManager), type(uint256).max);
        }
        for (uint256 i; i < NODE_COUNT; ++i) {
            (nodeKeys[i], _nodePks[i]) = makeAddrAndKey(string.concat("inv.node", vm.toString(i)));
        }
        vm.prank(creator);
        token.approve(address(rewards), type(uint256).max);
        vm.prank(funder);
        token.approve(address(rewards), type(uint256).max);
        vm.startPrank(federator);
        domainId = network.createDomain("invariant", address(workValidation), "ipfs://domain");
        workValidation.setUnitsCap(domainId, MAX_WORK_UNITS);
        vm.stopPrank();
    }

    /// @notice Brings the network to life before the random sequences: every provider registered and
    /// whitelisted with two validated nodes, two started and funded pools (one with a compute limit
    /// and a budget small enough to run out), and every node earning in the first pool.
    function bootstrap() external {
        for (uint256 i; i < FOUNDING_PROVIDERS; ++i) {
            this.registerProvider(i, 10 * _stakeMinimum, false);
            this.setWhitelisted(i, 1);
        }
        for (uint256 k; k < NODE_COUNT; ++k) {
            this.addNode(k % FOUNDING_PROVIDERS, k, 1 + k % 4);
            this.setValidated(k, 1);
        }
        this.createPool(1);
        this.createPool(12);
        for (uint256 p; p < 2; ++p) {
            this.startPool(p, false);
        }
        // Seeds pick pools by position: 0 is the first pool, 1 the second.
        this.setRewardRate(0, 1e12 + 1);
        this.fundPool(0, 1e21 + 1);
        this.setRewardRate(1, 8);
        this.fundPool(1, 5000);
        for (uint256 i; i < FOUNDING_PROVIDERS; ++i) {
            this.join(0, i, i);
        }
    }

    /* EFFECTS */

    /// @notice Every outcome the handler counts: each action that took effect, and the distinct
    /// outcomes of actions with several (the parameter set, a soft or hard invalidation, a handover
    /// accepted or cancelled, an eviction, a payout on rejoin). The campaign report lists them in
    /// this order and fails when one never happened.
    function actions() public pure returns (string[54] memory) {
        return [
            "registerProvider",
            "registerProviderWithPermit",
            "increaseStake",
            "reclaimStake",
            "withdraw",
            "slash",
            "whitelistProvider",
            "blacklistProvider",
            "addNode",
            "removeNode",
            "validateNode",
            "invalidateNode",
            "setBenchmark",
            "createPool",
            "startPool",
            "endPool",
            "updatePool",
            "fundPool",
            "setRewardRate",
            "join",
            "handOverKey",
            "rejoinPayout",
            "leave",
            "eject",
            "evict",
            "ejectIneligible",
            "moveNode",
            "blacklistFromPool",
            "blacklistProviders",
            "rotateManagerKey",
            "cancelInviteNonce",
            "submitWork",
            "setWorkRewardRate",
            "setWorkLockPeriod",
            "setUnitsCap",
            "invalidateWork",
            "invalidateWorkAndNode",
            "softInvalidateWork",
            "claim",
            "forfeit",
            "withdrawUnusedBudget",
            "setUnbondingPeriod",
            "setStakeMinimum",
            "setTreasury",
            "setMinWorkLockPeriod",
            "updateDomain",
            "createDomain",
            "handOverRole",
            "cancelRoleTransfer",
            "togglePause",
            "warp",
            "workCycle",
            "tryUnauthorized",
            "tryInvalid"
        ];
    }

    function _tookEffect(string memory action) internal {
        assertTrue(_isAction[action], string.concat("an outcome missing from actions(): ", action));
        ++calls[action];
    }

    /* SELECTORS */

    function selectors() external pure returns (bytes4[] memory s) {
        s = new bytes4[](42);
        s[0] = this.registerProvider.selector;
        s[1] = this.increaseStake.selector;
        s[2] = this.reclaimStake.selector;
        s[3] = this.withdraw.selector;
        s[4] = this.addNode.selector;
        s[5] = this.removeNode.selector;
        s[6] = this.setWhitelisted.selector;
        s[7] = this.setValidated.selector;
        s[8] = this.slash.selector;
        s[9] = this.createPool.selector;
        s[10] = this.startPool.selector;
        s[11] = this.endPool.selector;
        s[12] = this.fundPool.selector;
        s[13] = this.setRewardRate.selector;
        s[14] = this.join.selector;
        s[15] = this.leave.selector;
        s[16] = this.eject.selector;
        s[17] = this.claim.selector;
        s[18] = this.forfeit.selector;
        s[19] = this.withdrawUnusedBudget.selector;
        s[20] = this.warp.selector;
        s[21] = this.togglePause.selector;
        s[22] = this.tryUnauthorized.selector;
        s[23] = this.join.selector; // joins are what the other actions feed on: weight them double
        s[24] = this.submitWork.selector;
        s[25] = this.submitWork.selector;
        s[26] = this.invalidateWork.selector;
        s[27] = this.setParameters.selector;
        s[28] = this.handOverRole.selector;
        s[29] = this.rotateManagerKey.selector;
        s[30] = this.cancelInviteNonce.selector;
        s[31] = this.blacklistFromPool.selector;
        s[32] = this.setBenchmark.selector;
        s[33] = this.updatePool.selector;
        s[34] = this.moveNode.selector;
        s[35] = this.ejectIneligible.selector;
        s[36] = this.tryInvalid.selector;
        s[38] = this.handOverKey.selector;
        s[39] = this.blacklistProviderFromPool.selector;
        s[40] = this.setWorkTerms.selector;
        s[41] = this.workCycle.selector;
        s[37] = this.warp.selector; // and time, which unbonds, lock windows and budgets wait on
    }

    /* VIEWS FOR THE INVARIANTS */

    function workCount() external view returns (uint256) {
        return workKeys.length;
    }

    function poolCount() external view returns (uint256) {
        return poolIds.length;
    }

    /* STAKE */

    /// @notice A newcomer registers, either with its standing allowance or with an ERC-2612 permit.
    function registerProvider(uint256 providerSeed, uint256 amount, bool withPermit) external {
        uint256 i = providerSeed % PROVIDER_COUNT;
        address provider = providers[i];
        if (registry.getProvider(provider).registered || network.paused()) return;
        amount = _bound(amount, network.stakeMinimum(), 20 * _stakeMinimum);
        token.mint(provider, amount);
        uint256 balance = token.balanceOf(provider);
        if (withPermit) {
            uint256 deadline = block.timestamp + 1 hours;
            (uint8 v, bytes32 r, bytes32 sig) = vm.sign(
                _providerPks[i],
                Permits.digest(token, provider, address(stakeManager), amount, token.nonces(provider), deadline)
            );
            vm.prank(provider);
            network.registerProviderWithPermit(amount, deadline, v, r, sig);
            assertEq(token.allowance(provider, address(stakeManager)), 0, "the permit's allowance is spent");
            // Back to the standing allowance the other actions rely on.
            vm.prank(provider);
            token.approve(address(stakeManager), type(uint256).max);
            _tookEffect("registerProviderWithPermit");
        } else {
            vm.prank(provider);
            network.registerProvider(amount);
            _tookEffect("registerProvider");
        }
        assertEq(balance - token.balanceOf(provider), amount, "the stake left the provider");
        assertEq(stakeManager.activeStake(provider), amount, "all of it is active");
    }

    function increaseStake(uint256 providerSeed, uint256 amount) external {
        address provider = _provider(providerSeed);
        if (!registry.getProvider(provider).registered) return;
        _increaseStake(provider, _bound(amount, 1, 10 * _stakeMinimum));
        _tookEffect("increaseStake");
    }

    function reclaimStake(uint256 providerSeed, uint256 amount) external {
        address provider = _provider(providerSeed);
        if (!registry.getProvider(provider).registered) return;
        uint256 active = stakeManager.activeStake(provider);
        uint256 required = network.minimumStakeFor(provider);
        if (active <= required) return;
        if (stakeManager.pendingUnbonds(provider).length >= stakeManager.MAX_PENDING_UNBONDS()) return;
        vm.prank(provider);
        network.reclaimStake(_bound(amount, 1, active - required));
        _tookEffect("reclaimStake");
    }

    /// @notice A provider withdraws its matured unbonds. Every other time, one still unbonding waits
    /// for its earliest unlock first (through `_warp`, the only way time moves), so withdrawals happen
    /// in campaigns whose random warps would rarely add up to an unbonding period.
    function withdraw(uint256 providerSeed, bool wait) external {
        // The first provider from the seed on with something unbonding.
        address provider = _provider(providerSeed);
        for (uint256 k = 1; k < PROVIDER_COUNT && stakeManager.unbondingStake(provider) == 0; ++k) {
            provider = _provider(providerSeed % PROVIDER_COUNT + k);
        }
        if (wait && stakeManager.withdrawableStake(provider) == 0) {
            IStakeManager.Unbond[] memory pending = stakeManager.pendingUnbonds(provider);
            uint256 earliest = type(uint256).max;
            for (uint256 j; j < pending.length; ++j) {
                if (pending[j].unlockTime < earliest) earliest = pending[j].unlockTime;
            }
            if (earliest != type(uint256).max) _warp(earliest - block.timestamp);
        }
        uint256 withdrawable = stakeManager.withdrawableStake(provider);
        if (withdrawable == 0) return;
        uint256 before = token.balanceOf(provider);
        vm.prank(provider);
        uint256 amount = network.withdraw();
        assertEq(amount, withdrawable, "withdraw returns every matured unbond");
        assertEq(token.balanceOf(provider) - before, withdrawable, "withdraw pays every matured unbond");
        _tookEffect("withdraw");
    }

    function slash(uint256 providerSeed, uint256 amount) external {
        address provider = _provider(providerSeed);
        uint256 total = stakeManager.activeStake(provider) + stakeManager.unbondingStake(provider);
        if (total == 0) return;
        amount = _bound(amount, 1, total + _stakeMinimum);
        address currentTreasury = stakeManager.treasury();
        uint256 before = token.balanceOf(currentTreasury);
        IComputePool.PoolNode[] memory inPools = _poolNodesOf(provider);
        vm.prank(validator);
        uint256 slashed = network.slash(provider, amount, inPools);
        assertEq(slashed, amount < total ? amount : total, "slash takes what it can");
        assertEq(token.balanceOf(currentTreasury) - before, slashed, "treasury receives the slash");
        ghost_slashed += slashed;
        _afterEvictions(inPools);
        _tookEffect("slash");
    }

    /* NODES */

    /// @notice A provider adds the first key from `nodeSeed` on that no one owns (keys are all owned
    /// after the bootstrap, so this follows a removal, often by another provider).
    function addNode(uint256 providerSeed, uint256 nodeSeed, uint256 units) external {
        if (network.paused()) return;
        (bool found, uint256 i) = _firstKeyFrom(nodeSeed, _isUnowned);
        if (!found) return;
        address nodeKey = nodeKeys[i];
        // A key changes hands where it can: away from a provider it earned with, so that it may rejoin
        // that pool under its new provider and pay the previous one out.
        address provider = _provider(providerSeed);
        for (uint256 q = 1; q < PROVIDER_COUNT && _earnedWith(nodeKey, provider); ++q) {
            address other = _provider(providerSeed % PROVIDER_COUNT + q);
            if (registry.getProvider(other).registered) provider = other;
        }
        IComputeRegistry.Provider memory record = registry.getProvider(provider);
        if (!record.registered) return;
        units = _bound(units, 1, MAX_UNITS);
        uint256 required = network.stakeMinimum() * (1 + record.totalComputeUnits + units);
        uint256 active = stakeManager.activeStake(provider);
        if (active < required) _increaseStake(provider, required - active);
        bytes32 digest = network.nodeOwnershipDigest(provider, nodeKey, CONSENT_DEADLINE);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_nodePks[i], digest);
        vm.prank(provider);
        network.addComputeNode(nodeKey, "ipfs://node-specs", units, CONSENT_DEADLINE, abi.encodePacked(r, s, v));
        _tookEffect("addNode");
    }

    /// @notice A node key changes hands while its old provider still has rewards for it in a pool: the
    /// provider removes it, another adds it, the validator validates it, and it rejoins that pool,
    /// which pays the old provider out. Each step is the handler's own action; this one aims them at
    /// one key, since random steps rarely line up into the whole story.
    function handOverKey(uint256 nodeSeed, uint256 providerSeed, uint256 units) external {
        (uint256 i, uint256 poolIndex) = (NODE_COUNT, 0);
        for (uint256 k; k < NODE_COUNT && i == NODE_COUNT; ++k) {
            uint256 candidate = (nodeSeed % NODE_COUNT + k) % NODE_COUNT;
            IComputeRegistry.Node memory node = registry.getNode(nodeKeys[candidate]);
            if (node.provider == address(0) || node.active) continue;
            for (uint256 p; p < poolIds.length; ++p) {
                IRewardsDistributor.NodeRecord memory record = rewards.getNodeRecord(poolIds[p], nodeKeys[candidate]);
                if (record.provider == node.provider && record.unclaimed != 0) (i, poolIndex) = (candidate, p);
            }
        }
        if (i == NODE_COUNT) return;
        address nodeKey = nodeKeys[i];
        address previous = registry.getNode(nodeKey).provider;
        this.removeNode(i);
        this.addNode(providerSeed, i, units);
        address next = registry.getNode(nodeKey).provider;
        if (next == address(0) || next == previous) return;
        this.setValidated(i, 1);
        uint256 nextIndex;
        while (providers[nextIndex] != next) {
            ++nextIndex;
        }
        this.join(poolIndex, nextIndex, i);
        _tookEffect("handOverKey");
    }

    /// @notice A provider removes the first key from `nodeSeed` on that is registered and in no pool.
    function removeNode(uint256 nodeSeed) external {
        (bool found, uint256 i) = _firstKeyFrom(nodeSeed, _isOwnedAndIdle);
        if (!found) return;
        address nodeKey = nodeKeys[i];
        vm.prank(registry.getNode(nodeKey).provider);
        network.removeComputeNode(nodeKey);
        _tookEffect("removeNode");
    }

    function setWhitelisted(uint256 providerSeed, uint256 choice) external {
        address provider = _provider(providerSeed);
        if (!registry.getProvider(provider).registered) return;
        if (choice % 4 == 0) {
            IComputePool.PoolNode[] memory inPools = _poolNodesOf(provider);
            vm.prank(validator);
            network.blacklistProvider(provider, inPools);
            _afterEvictions(inPools);
            _tookEffect("blacklistProvider");
        } else {
            vm.prank(validator);
            network.whitelistProvider(provider);
            _tookEffect("whitelistProvider");
        }
    }

    /// @notice The validator invalidates a node (one time in four), or validates the first registered
    /// node from `nodeSeed` on that awaits validation (re-added keys included), else that seed's node.
    function setValidated(uint256 nodeSeed, uint256 choice) external {
        address nodeKey = nodeKeys[nodeSeed % NODE_COUNT];
        if (choice % 4 != 0) {
            (bool found, uint256 i) = _firstKeyFrom(nodeSeed, _awaitsValidation);
            if (found) nodeKey = nodeKeys[i];
        }
        address provider = registry.getNode(nodeKey).provider;
        if (provider == address(0)) return;
        if (choice % 4 == 0) {
            IComputePool.PoolNode[] memory inPool = new IComputePool.PoolNode[](ghost_poolOf[nodeKey] == 0 ? 0 : 1);
            if (inPool.length != 0) {
                inPool[0] = IComputePool.PoolNode({poolId: ghost_poolOf[nodeKey], nodeKey: nodeKey});
            }
            vm.prank(validator);
            network.invalidateNode(nodeKey, inPool);
            _afterEvictions(inPool);
            _tookEffect("invalidateNode");
        } else {
            if (stakeManager.activeStake(provider) < network.minimumStakeFor(provider)) return;
            vm.prank(validator);
            network.validateNode(nodeKey);
            _tookEffect("validateNode");
        }
    }

    /// @dev `provider`'s nodes that are in a pool, as a validator lists them for eviction.
    function _poolNodesOf(address provider) internal view returns (IComputePool.PoolNode[] memory list) {
        list = new IComputePool.PoolNode[](NODE_COUNT);
        uint256 count;
        for (uint256 i; i < NODE_COUNT; ++i) {
            address nodeKey = nodeKeys[i];
            if (ghost_poolOf[nodeKey] == 0 || registry.getNode(nodeKey).provider != provider) continue;
            list[count++] = IComputePool.PoolNode({poolId: ghost_poolOf[nodeKey], nodeKey: nodeKey});
        }
        assembly ("memory-safe") {
            mstore(list, count)
        }
    }

    /// @dev After a validator's action with evictions: exactly the listed nodes that are no longer
    /// eligible left their pools; the eligible ones stayed.
    function _afterEvictions(IComputePool.PoolNode[] memory listed) internal {
        for (uint256 i; i < listed.length; ++i) {
            address nodeKey = listed[i].nodeKey;
            bool stillIn = registry.getNode(nodeKey).active;
            assertEq(stillIn, _eligible(listed[i].poolId, nodeKey), "evicted exactly when ineligible");
            if (!stillIn) {
                ghost_poolOf[nodeKey] = 0;
                _tookEffect("evict");
            }
        }
    }

    /// @dev Whether `nodeKey` earned in `poolId` under another provider whose work there is still
    /// locked: such a key cannot rejoin yet (PreviousProviderWorkLocked).
    /// @dev Whether work of another provider's is still inside its window in `poolId`: rewarded or
    /// not, it keeps the key from rejoining there under `provider`.
    function _lockedForAnother(uint256 poolId, address nodeKey, address provider) internal view returns (bool) {
        address previous = rewards.getNodeRecord(poolId, nodeKey).provider;
        return previous != address(0) && previous != provider && ghost_lastUnlock[poolId][nodeKey] > block.timestamp;
    }

    /// @dev A key joining `poolId` under another provider than its record there starts a new record.
    function _startsOverUnder(uint256 poolId, address nodeKey, address provider) internal {
        if (rewards.getNodeRecord(poolId, nodeKey).provider != provider) ghost_nodeSeconds[poolId][nodeKey] = 0;
    }

    /// @dev The first node key from `seed` on (wrapping around) whose registry record is `wanted`, so
    /// an action aimed at one key falls on one that it can act on.
    function _firstKeyFrom(uint256 seed, function(IComputeRegistry.Node memory) internal pure returns (bool) wanted)
        internal
        view
        returns (bool found, uint256 i)
    {
        for (uint256 k; k < NODE_COUNT; ++k) {
            i = (seed % NODE_COUNT + k) % NODE_COUNT;
            if (wanted(registry.getNode(nodeKeys[i]))) return (true, i);
        }
    }

    function _isUnowned(IComputeRegistry.Node memory node) internal pure returns (bool) {
        return node.provider == address(0);
    }

    function _isOwnedAndIdle(IComputeRegistry.Node memory node) internal pure returns (bool) {
        return node.provider != address(0) && !node.active;
    }

    function _awaitsValidation(IComputeRegistry.Node memory node) internal pure returns (bool) {
        return node.provider != address(0) && !node.validated;
    }

    /// @dev Whether `nodeKey` has a reward record under `provider` in some pool.
    function _earnedWith(address nodeKey, address provider) internal view returns (bool) {
        for (uint256 p; p < poolIds.length; ++p) {
            if (rewards.getNodeRecord(poolIds[p], nodeKey).provider == provider) return true;
        }
        return false;
    }

    /// @dev Up to three of `provider`'s nodes, from `nodeSeed` on, that may join `poolId` now.
    function _joinable(uint256 poolId, address provider, uint256 nodeSeed)
        internal
        view
        returns (address[] memory chosen, uint256 count)
    {
        chosen = new address[](3);
        IComputePool.Pool memory pool = pools.getPool(poolId);
        if (pool.status != IComputePool.PoolStatus.ACTIVE) return (chosen, 0);
        if (!registry.getProvider(provider).whitelisted || !_stakeCovers(provider)) return (chosen, 0);
        if (pools.isProviderBlacklisted(poolId, provider)) return (chosen, 0);
        uint256 units = rewards.getPoolRewards(poolId).totalCompute;
        uint256 limit = pool.computeLimit;
        for (uint256 k; k < NODE_COUNT && count < 3; ++k) {
            address nodeKey = nodeKeys[(nodeSeed % NODE_COUNT + k) % NODE_COUNT];
            IComputeRegistry.Node memory node = registry.getNode(nodeKey);
            if (node.provider != provider || !node.validated || node.active) continue;
            if (limit != 0 && units + node.computeUnits > limit) continue;
            if (_lockedForAnother(poolId, nodeKey, provider)) continue;
            if (pools.isNodeBlacklisted(poolId, nodeKey)) continue;
            units += node.computeUnits;
            chosen[count++] = nodeKey;
        }
    }

    /// @dev What a rejoin of `nodeKey` under `provider` pays its previous provider: its time and
    /// matured work rewards in the pool.
    function _owedOnRejoin(uint256 poolId, address nodeKey, address provider)
        internal
        view
        returns (address previous, uint256 amount)
    {
        IRewardsDistributor.NodeRecord memory record = rewards.getNodeRecord(poolId, nodeKey);
        previous = record.provider;
        if (previous == provider || previous == address(0)) return (previous, 0);
        (, uint256 workClaimable,) = rewards.getNodeWork(poolId, nodeKey);
        amount = record.unclaimed + workClaimable;
    }

    /// @dev PROTOCOL.md's lock: a work unlocks at the second boundary of its pool's window after
    /// submission (at once with no window).
    function _modelUnlockTime(uint256 submittedAt, uint256 window) internal pure returns (uint256) {
        return window == 0 ? submittedAt : (submittedAt / window + 2) * window;
    }

    function _one(address a) internal pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = a;
    }

    function _stakeCovers(address provider) internal view returns (bool) {
        (uint256 required, uint256 active) = network.stakeStatus(provider);
        return active >= required;
    }

    function _eligible(uint256 poolId, address nodeKey) internal view returns (bool) {
        IComputeRegistry.Node memory node = registry.getNode(nodeKey);
        (uint256 required, uint256 active) = network.stakeStatus(node.provider);
        return node.validated && registry.getProvider(node.provider).whitelisted && active >= required
            && !pools.isProviderBlacklisted(poolId, node.provider) && !pools.isNodeBlacklisted(poolId, nodeKey);
    }

    /* POOLS */

    function createPool(uint256 limitSeed) external {
        if (poolIds.length >= MAX_POOLS) return;
        uint256 limit = limitSeed % 3 == 0 ? _bound(limitSeed, 4, 30) : 0;
        vm.startPrank(creator);
        uint256 poolId = pools.createComputePool(domainId, manager, "pool", "ipfs://pool-data", limit);
        // Every pool pays for work too; the rate varies so some works cost more than the budget has.
        uint256 rate = 1 + limitSeed % 1e15;
        uint256 bound = 4 * MAX_WORK_UNITS * rate;
        rewards.setWorkRewardRate(poolId, rate, bound);
        rewards.setWorkLockPeriod(poolId, WORK_WINDOW);
        vm.stopPrank();
        poolIds.push(poolId);
        ghost_maxLockBound[poolId] = bound;
        _tookEffect("createPool");
    }

    function startPool(uint256 poolSeed, bool byManager) external {
        (bool exists, uint256 poolId) = _poolAt(poolSeed);
        if (!exists || pools.getPool(poolId).status != IComputePool.PoolStatus.PENDING) return;
        vm.prank(byManager ? manager : creator);
        pools.startComputePool(poolId);
        _tookEffect("startPool");
    }

    function endPool(uint256 poolSeed, bool byManager) external {
        (bool exists, uint256 poolId) = _poolAt(poolSeed);
        // Only one in three tries ends the pool, so pools live long enough to be worked.
        if (!exists || poolSeed % 3 != 0 || pools.getPool(poolId).status == IComputePool.PoolStatus.COMPLETED) return;
        vm.prank(byManager ? manager : creator);
        pools.endComputePool(poolId);
        ghost_indexAtEnd[poolId] = rewards.getPoolRewards(poolId).index;
        _tookEffect("endPool");
    }

    function fundPool(uint256 poolSeed, uint256 amount) external {
        (bool exists, uint256 poolId) = _poolAt(poolSeed);
        if (!exists || rewards.getPoolRewards(poolId).ended) return;
        // Small budgets run out and exercise the cap; large ones last.
        amount = amount % 2 == 0 ? _bound(amount, 1, 10_000) : _bound(amount, 1, 1e22);
        token.mint(funder, amount);
        vm.prank(funder);
        rewards.fundPool(poolId, amount);
        ghost_funded[poolId] += amount;
        _tookEffect("fundPool");
    }

    function setRewardRate(uint256 poolSeed, uint256 rate) external {
        (bool exists, uint256 poolId) = _poolAt(poolSeed);
        if (!exists || rewards.getPoolRewards(poolId).ended) return;
        rate = rate % 2 == 0 ? _bound(rate, 0, 1000) : _bound(rate, 0, 1e16);
        vm.prank(creator);
        rewards.setRewardRate(poolId, rate);
        _tookEffect("setRewardRate");
    }

    /// @dev An invite for `nodeKey` with the pool's next nonce, signed by the manager key.
    function _signInvite(uint256 poolId, address nodeKey, uint256 expiry)
        internal
        returns (IComputePool.Invite memory)
    {
        uint256 nonce = _nextNonce[poolId]++;
        address provider = registry.getNode(nodeKey).provider;
        (uint8 v, bytes32 r, bytes32 s) =
            vm.sign(_managerPk, pools.inviteDigest(poolId, nodeKey, provider, nonce, expiry));
        return
            IComputePool.Invite({nodeKey: nodeKey, nonce: nonce, expiry: expiry, signature: abi.encodePacked(r, s, v)});
    }

    /// @dev Joins up to three eligible nodes of one provider, starting at `nodeSeed`, with invites
    /// the manager key signs now.
    /// @notice Up to three nodes join a pool: the first pool from `poolSeed` on, and in it the first
    /// provider from `providerSeed` on, that has nodes which may join (so joins keep happening
    /// however the seeds fall), starting from `nodeSeed`.
    function join(uint256 poolSeed, uint256 providerSeed, uint256 nodeSeed) external {
        if (network.paused() || poolIds.length == 0) return;
        uint256 poolId;
        address provider;
        address[] memory chosen;
        uint256 count;
        for (uint256 p; p < poolIds.length && count == 0; ++p) {
            poolId = poolIds[(poolSeed % poolIds.length + p) % poolIds.length];
            for (uint256 q; q < PROVIDER_COUNT && count == 0; ++q) {
                provider = _provider(providerSeed % PROVIDER_COUNT + q);
                (chosen, count) = _joinable(poolId, provider, nodeSeed);
            }
        }
        if (count == 0) return;

        // A key that earned here under another provider pays that provider out as it rejoins.
        address[] memory paid = new address[](count);
        uint256[] memory owed = new uint256[](count);
        uint256[] memory balances = new uint256[](count);
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](count);
        uint256 expiry = block.timestamp + 1 hours;
        for (uint256 k; k < count; ++k) {
            (address payee, uint256 amount) = _owedOnRejoin(poolId, chosen[k], provider);
            if (amount != 0) {
                (paid[k], owed[k], balances[k]) = (payee, amount, token.balanceOf(payee));
                uint256 time = rewards.calculateRewards(poolId, chosen[k]);
                ghost_nodeSettled[poolId][chosen[k]] += time;
                ghost_nodeWorkOut[poolId][chosen[k]] += amount - time;
            }
            invites[k] = _signInvite(poolId, chosen[k], expiry);
            _startsOverUnder(poolId, chosen[k], provider);
        }

        vm.prank(provider);
        pools.joinComputePool(poolId, invites);

        for (uint256 k; k < count; ++k) {
            ghost_poolOf[chosen[k]] = poolId;
            if (owed[k] == 0) continue;
            ghost_paidOnRejoin[poolId] += owed[k];
            // Each chosen key had a distinct previous record; sum what went to the same provider.
            uint256 expected = balances[k];
            for (uint256 j; j < count; ++j) {
                if (paid[j] == paid[k]) expected += owed[j];
            }
            assertEq(token.balanceOf(paid[k]), expected, "previous provider paid on rejoin");
            _tookEffect("rejoinPayout");
        }
        _tookEffect("join");
    }

    function leave(uint256 nodeSeed) external {
        address nodeKey = nodeKeys[nodeSeed % NODE_COUNT];
        uint256 poolId = ghost_poolOf[nodeKey];
        if (poolId == 0) return;
        address[] memory keys = new address[](1);
        keys[0] = nodeKey;
        vm.prank(registry.getNode(nodeKey).provider);
        pools.leaveComputePool(poolId, keys);
        ghost_poolOf[nodeKey] = 0;
        _tookEffect("leave");
    }

    function eject(uint256 nodeSeed, bool byManager) external {
        address nodeKey = nodeKeys[nodeSeed % NODE_COUNT];
        uint256 poolId = ghost_poolOf[nodeKey];
        if (poolId == 0) return;
        vm.prank(byManager ? manager : creator);
        pools.ejectNode(poolId, nodeKey);
        ghost_poolOf[nodeKey] = 0;
        _tookEffect("eject");
    }

    /* ADMINISTRATION */

    /// @notice The federator changes a parameter: the unbonding period (so unlock times fall out of
    /// order), the minimum stake, the treasury, the minimum work window or the domain's data URI.
    function setParameters(uint256 which, uint256 value) external {
        which %= 6;
        vm.startPrank(federator);
        if (which == 0) {
            network.setUnbondingPeriod(_bound(value, 1 hours, 9 days));
            _tookEffect("setUnbondingPeriod");
        } else if (which == 1) {
            network.setStakeMinimum(_bound(value, _stakeMinimum / 2, _stakeMinimum * 2));
            _tookEffect("setStakeMinimum");
        } else if (which == 2) {
            network.setTreasury(value % 2 == 0 ? treasury : stranger);
            _tookEffect("setTreasury");
        } else if (which == 3) {
            // Pools take a 1-day window at creation, so the minimum stays at or below it.
            network.setMinWorkLockPeriod(_bound(value, 0, WORK_WINDOW));
            _tookEffect("setMinWorkLockPeriod");
        } else if (which == 4) {
            // The same validation logic, so work keeps flowing; only the URI moves.
            string memory uri = string.concat("ipfs://domain-", vm.toString(value % 100));
            network.updateDomain(domainId, address(workValidation), uri);
            _tookEffect("updateDomain");
        } else {
            // Another domain; the campaign's pools stay in the first, whose cap the work checks read.
            uint256 id = network.createDomain("another", address(workValidation), "ipfs://another");
            assertGt(id, domainId, "a new domain id");
            _tookEffect("createDomain");
        }
        vm.stopPrank();
    }

    /// @notice A role goes to a successor and comes back, each time proposed and accepted (and
    /// sometimes a proposal is cancelled), so the other actions keep their actors.
    function handOverRole(uint256 seed) external {
        bytes32 role = seed % 2 == 0 ? network.FEDERATOR_ROLE() : network.VALIDATOR_ROLE();
        address holder = seed % 2 == 0 ? federator : validator;
        // Each role's holder hands it over itself (the federator may also do so for the validator).
        vm.prank(holder);
        network.proposeRoleTransfer(role, stranger);
        if (seed % 3 == 0) {
            vm.prank(holder);
            network.cancelRoleTransfer(role);
            assertEq(network.pendingRoleHolder(role), address(0), "cancelled");
            _tookEffect("cancelRoleTransfer");
            return;
        }
        vm.prank(stranger);
        network.acceptRole(role);
        assertTrue(network.hasRole(role, stranger) && !network.hasRole(role, holder), "moved");
        // The role now sits with the stranger, who proposes the way back.
        vm.prank(stranger);
        network.proposeRoleTransfer(role, holder);
        vm.prank(holder);
        network.acceptRole(role);
        assertTrue(network.hasRole(role, holder), "back");
        _tookEffect("handOverRole");
    }

    /// @notice The creator rotates a pool's manager key away and back: the key version moves on, so
    /// only invites signed from now on work (the handler signs invites when it joins).
    function rotateManagerKey(uint256 poolSeed) external {
        (bool exists, uint256 poolId) = _poolAt(poolSeed);
        if (!exists) return;
        uint256 version = pools.getPool(poolId).keyVersion;
        vm.startPrank(creator);
        pools.setComputeManagerKey(poolId, stranger);
        pools.setComputeManagerKey(poolId, manager);
        vm.stopPrank();
        assertEq(pools.getPool(poolId).keyVersion, version + 2, "two rotations");
        _tookEffect("rotateManagerKey");
    }

    /// @notice The manager cancels the pool's next invite nonce before it is used.
    function cancelInviteNonce(uint256 poolSeed) external {
        (bool exists, uint256 poolId) = _poolAt(poolSeed);
        if (!exists) return;
        uint256 nonce = _nextNonce[poolId]++;
        vm.prank(manager);
        pools.cancelInviteNonce(poolId, nonce);
        assertTrue(pools.isInviteNonceUsed(poolId, nonce), "cancelled nonce is spent");
        _tookEffect("cancelInviteNonce");
    }

    /// @notice Rarely, an operator blacklists a provider from a pool, purging its nodes there.
    function blacklistProviderFromPool(uint256 providerSeed, uint256 poolSeed, uint256 seed) external {
        if (seed % 4 != 0) return;
        (bool exists, uint256 poolId) = _poolAt(poolSeed);
        if (!exists) return;
        address provider = _provider(providerSeed);
        address[] memory purge = new address[](NODE_COUNT);
        uint256 count;
        for (uint256 k; k < NODE_COUNT; ++k) {
            if (ghost_poolOf[nodeKeys[k]] == poolId && registry.getNode(nodeKeys[k]).provider == provider) {
                purge[count++] = nodeKeys[k];
            }
        }
        assembly ("memory-safe") {
            mstore(purge, count)
        }
        vm.prank(seed % 8 == 0 ? manager : creator);
        pools.blacklistProviders(poolId, _one(provider), purge);
        for (uint256 k; k < count; ++k) {
            assertFalse(registry.getNode(purge[k]).active, "purged with its provider");
            ghost_poolOf[purge[k]] = 0;
        }
        assertTrue(pools.isProviderBlacklisted(poolId, provider), "provider blacklisted");
        _tookEffect("blacklistProviders");
    }

    /// @notice Rarely, an operator blacklists a node from its pool, purging it.
    function blacklistFromPool(uint256 nodeSeed, uint256 seed) external {
        if (seed % 4 != 0) return;
        address nodeKey = nodeKeys[nodeSeed % NODE_COUNT];
        uint256 poolId = ghost_poolOf[nodeKey];
        if (poolId == 0) return;
        vm.prank(seed % 8 == 0 ? manager : creator);
        pools.blacklistNodes(poolId, _one(nodeKey), true);
        assertFalse(registry.getNode(nodeKey).active, "purged");
        ghost_poolOf[nodeKey] = 0;
        _tookEffect("blacklistFromPool");
    }

    function setBenchmark(uint256 nodeSeed, uint256 score) external {
        address nodeKey = nodeKeys[nodeSeed % NODE_COUNT];
        if (registry.getNode(nodeKey).provider == address(0)) return;
        score = _bound(score, 0, type(uint32).max);
        vm.prank(validator);
        network.setNodeBenchmark(nodeKey, score);
        assertEq(registry.getNode(nodeKey).benchmarkScore, score, "score stored");
        _tookEffect("setBenchmark");
    }

    /// @notice The creator changes a pool's compute limit (never below what is in it) and data URI.
    function updatePool(uint256 poolSeed, uint256 extra) external {
        (bool exists, uint256 poolId) = _poolAt(poolSeed);
        if (!exists) return;
        uint256 total = rewards.getPoolRewards(poolId).totalCompute;
        uint256 limit = extra % 3 == 0 ? 0 : total + _bound(extra, 0, 20);
        vm.prank(creator);
        pools.updatePool(poolId, limit, "ipfs://pool-data-v2");
        assertEq(pools.getPool(poolId).computeLimit, limit, "limit");
        _tookEffect("updatePool");
    }

    /// @notice A provider moves a node from its pool into another active pool in one transaction.
    function moveNode(uint256 nodeSeed, uint256 poolSeed) external {
        address nodeKey = nodeKeys[nodeSeed % NODE_COUNT];
        uint256 from = ghost_poolOf[nodeKey];
        (bool exists, uint256 to) = _poolAt(poolSeed);
        if (from == 0 || !exists || to == from || network.paused()) return;
        if (pools.getPool(to).status != IComputePool.PoolStatus.ACTIVE || !_eligible(to, nodeKey)) return;
        IComputeRegistry.Node memory node = registry.getNode(nodeKey);
        uint256 limit = pools.getPool(to).computeLimit;
        if (limit != 0 && rewards.getPoolRewards(to).totalCompute + node.computeUnits > limit) return;
        if (_lockedForAnother(to, nodeKey, node.provider)) return;
        (, uint256 owed) = _owedOnRejoin(to, nodeKey, node.provider);
        if (owed != 0) return; // the rejoin payout is checked by join
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _signInvite(to, nodeKey, block.timestamp + 1 hours);
        _startsOverUnder(to, nodeKey, node.provider);
        vm.prank(node.provider);
        pools.moveComputeNodes(from, to, invites);
        ghost_poolOf[nodeKey] = to;
        _tookEffect("moveNode");
    }

    /// @notice A keeper ejects a node in a pool; it goes exactly when it is no longer eligible.
    function ejectIneligible(uint256 nodeSeed) external {
        address nodeKey = nodeKeys[nodeSeed % NODE_COUNT];
        uint256 poolId = ghost_poolOf[nodeKey];
        if (poolId == 0) return;
        IComputePool.PoolNode[] memory listed = new IComputePool.PoolNode[](1);
        listed[0] = IComputePool.PoolNode({poolId: poolId, nodeKey: nodeKey});
        vm.prank(stranger);
        pools.ejectIneligibleNodes(listed);
        _afterEvictions(listed);
        _tookEffect("ejectIneligible");
    }

    /* WORK */

    /// @notice A node in a pool submits work (by itself or by its provider) when it is eligible and the
    /// pool's budget covers the reward; the work's reward is then locked, not claimable.
    function submitWork(uint256 nodeSeed, uint256 units, bool byProvider) external {
        _submitWork(nodeKeys[nodeSeed % NODE_COUNT], units, byProvider);
    }

    /// @dev Submits a work of `nodeKey`'s when it can be accepted; says whether it was.
    function _submitWork(address nodeKey, uint256 units, bool byProvider) internal returns (bool) {
        uint256 poolId = ghost_poolOf[nodeKey];
        if (poolId == 0 || network.paused() || !_eligible(poolId, nodeKey)) return false;
        if (pools.getPool(poolId).status != IComputePool.PoolStatus.ACTIVE) return false;
        units = _bound(units, 1, workValidation.unitsCap(domainId));
        // The terms the SDK fills in: the pool's as they are now.
        IRewardsDistributor.PoolWork memory terms = rewards.getPoolWork(poolId);
        uint256 reward = units * terms.workRate;
        if (reward > rewards.getPoolRewards(poolId).budget) return false;
        (uint256 lockedBefore, uint256 claimableBefore,) = rewards.getNodeWork(poolId, nodeKey);
        uint256 unlockAt = _modelUnlockTime(block.timestamp, terms.lockPeriod);
        bool lockedNow = unlockAt > block.timestamp;
        if (lockedNow && reward != 0 && lockedBefore + reward > terms.maxLockedPerNode) return false;
        bytes32 workKey = keccak256(abi.encode("inv.work", workKeys.length));
        vm.prank(byProvider ? registry.getNode(nodeKey).provider : nodeKey);
        pools.submitWork(poolId, nodeKey, abi.encode(workKey, units), terms.workRate, terms.lockPeriod);
        workKeys.push(workKey);
        workNodes.push(nodeKey);
        ghost_workReserved[poolId] += reward;
        ghost_nodeWorkReserved[poolId][nodeKey] += reward;
        if (unlockAt > ghost_lastUnlock[poolId][nodeKey]) ghost_lastUnlock[poolId][nodeKey] = unlockAt;
        _checkLocked(poolId, nodeKey, lockedNow ? lockedBefore + reward : claimableBefore + reward, lockedNow);
        _tookEffect("submitWork");
        return true;
    }

    /// @dev After a submission: its reward is locked within the pool's bound, or claimable at once
    /// without a window (`expected` is what the node's locked or claimable total must now be).
    function _checkLocked(uint256 poolId, address nodeKey, uint256 expected, bool lockedNow) internal view {
        (uint256 lockedAfter, uint256 claimableAfter,) = rewards.getNodeWork(poolId, nodeKey);
        if (lockedNow) {
            assertEq(lockedAfter, expected, "the reward is locked, not claimable");
            assertLe(lockedAfter, rewards.getPoolWork(poolId).maxLockedPerNode, "locked within the pool's bound");
        } else {
            assertEq(claimableAfter, expected, "without a window, claimable at once");
        }
    }

    /// @notice One node's work through its windows, in up to four steps a seed picks from: wait for
    /// its next unlock, submit a work (which releases matured buckets into the claimable balance),
    /// claim. The sequences a money bug hides in (a claim after a second bucket matures, claim ->
    /// release -> claim, two releases with no claim between) come from here.
    function workCycle(uint256 nodeSeed, uint256 steps) external {
        address nodeKey = nodeKeys[nodeSeed % NODE_COUNT];
        uint256 poolId = ghost_poolOf[nodeKey];
        if (poolId == 0) return;
        bool acted;
        for (uint256 i; i < 4; ++i) {
            uint256 step = (steps >> (2 * i)) % 3;
            if (step == 0) {
                (,, uint256 nextUnlock) = rewards.getNodeWork(poolId, nodeKey);
                if (nextUnlock <= block.timestamp) continue;
                _warp(nextUnlock - block.timestamp);
                acted = true;
            } else if (step == 1) {
                acted = _submitWork(nodeKey, steps >> (8 + 8 * i), i % 2 == 0) || acted;
            } else {
                acted = _claim(poolId, rewards.getNodeRecord(poolId, nodeKey).provider) || acted;
            }
        }
        if (acted) _tookEffect("workCycle");
    }

    /// @notice The work terms move: a pool's creator sets its work reward rate, or its lock window
    /// while it has no work yet; or the federator sets the domain's cap on units per work.
    function setWorkTerms(uint256 poolSeed, uint256 which, uint256 value) external {
        which %= 3;
        if (which == 2) {
            vm.prank(federator);
            workValidation.setUnitsCap(domainId, _bound(value, 1, MAX_WORK_UNITS));
            _tookEffect("setUnitsCap");
            return;
        }
        (bool exists, uint256 poolId) = _poolAt(poolSeed);
        if (!exists || rewards.getPoolRewards(poolId).ended) return;
        if (which == 0) {
            // A bound of a few works' rewards, so that nodes reach it.
            uint256 rate = _bound(value, 0, 1e15);
            uint256 bound = _bound(value >> 64, 0, 4 * MAX_WORK_UNITS * 1e15);
            vm.prank(creator);
            rewards.setWorkRewardRate(poolId, rate, bound);
            if (bound > ghost_maxLockBound[poolId]) ghost_maxLockBound[poolId] = bound;
            _tookEffect("setWorkRewardRate");
        } else {
            if (rewards.getPoolRewards(poolId).hasWork) return;
            uint256 period = _bound(value, network.minWorkLockPeriod(), 3 days);
            vm.prank(creator);
            rewards.setWorkLockPeriod(poolId, period);
            _tookEffect("setWorkLockPeriod");
        }
    }

    /// @notice The validator invalidates a still-locked work: hard (a penalty, sometimes the node
    /// invalidated and ejected too, which returns all of its locked work rewards in that pool) or
    /// soft. Exactly the rewards it names go back to the budget.
    function invalidateWork(uint256 workSeed, uint256 how, uint256 penalty) external {
        if (workKeys.length == 0) return;
        uint256 index = workSeed % workKeys.length;
        (address nodeKey, bytes32 workKey) = (workNodes[index], workKeys[index]);
        (IRewardsDistributor.Work memory work,, uint256 unlockAt,) = rewards.getWork(nodeKey, workKey);
        if (work.status != IRewardsDistributor.WorkStatus.ACCEPTED || block.timestamp >= unlockAt) return;
        uint256 poolId = work.poolId;
        uint256 budget = rewards.getPoolRewards(poolId).budget;
        uint256 returned = ghost_workSwept[index] ? 0 : work.reward;
        ghost_workSwept[index] = true;
        if (how % 3 == 0) {
            vm.prank(validator);
            network.softInvalidateWork(nodeKey, workKey);
            _tookEffect("softInvalidateWork");
        } else {
            penalty = _bound(penalty, 0, _stakeMinimum);
            bool invalidateNode = how % 3 == 2;
            if (invalidateNode) returned += _sweep(poolId, nodeKey);
            // The node may have moved since: the validator names the pool it is in now.
            IComputePool.PoolNode[] memory evictions = new IComputePool.PoolNode[](ghost_poolOf[nodeKey] == 0 ? 0 : 1);
            if (evictions.length != 0) {
                evictions[0] = IComputePool.PoolNode({poolId: ghost_poolOf[nodeKey], nodeKey: nodeKey});
            }
            vm.prank(validator);
            ghost_slashed += network.invalidateWork(nodeKey, workKey, penalty, invalidateNode, evictions);
            _afterEvictions(evictions);
            _tookEffect(invalidateNode ? "invalidateWorkAndNode" : "invalidateWork");
        }
        assertEq(rewards.getPoolRewards(poolId).budget, budget + returned, "exactly the locked rewards named return");
        ghost_workReturned[poolId] += returned;
        ghost_nodeWorkReturned[poolId][nodeKey] += returned;
    }

    /// @dev Marks every other work of `nodeKey` in `poolId` whose reward is still locked as swept, and
    /// returns their rewards: what invalidating the node gives back to the budget.
    function _sweep(uint256 poolId, address nodeKey) internal returns (uint256 swept) {
        for (uint256 w; w < workKeys.length; ++w) {
            if (workNodes[w] != nodeKey || ghost_workSwept[w]) continue;
            (IRewardsDistributor.Work memory work,, uint256 unlockAt,) = rewards.getWork(nodeKey, workKeys[w]);
            if (work.poolId != poolId || work.status != IRewardsDistributor.WorkStatus.ACCEPTED) continue;
            if (block.timestamp >= unlockAt) continue;
            ghost_workSwept[w] = true;
            swept += work.reward;
        }
    }

    /* REWARDS */

    function claim(uint256 poolSeed, uint256 providerSeed) external {
        (bool exists, uint256 poolId) = _poolAt(poolSeed);
        if (!exists) return;
        _claim(poolId, _provider(providerSeed));
    }

    /// @dev `provider` claims for all its nodes in pool `poolId`; says whether it had any there.
    function _claim(uint256 poolId, address provider) internal returns (bool) {
        if (provider == address(0)) return false;
        address[] memory keys = new address[](NODE_COUNT);
        uint256 count;
        uint256 expected;
        for (uint256 k; k < NODE_COUNT; ++k) {
            IRewardsDistributor.NodeRecord memory record = rewards.getNodeRecord(poolId, nodeKeys[k]);
            if (record.provider != provider) continue;
            keys[count++] = nodeKeys[k];
            (, uint256 workClaimable,) = rewards.getNodeWork(poolId, nodeKeys[k]);
            expected += record.unclaimed + workClaimable;
            ghost_nodeSettled[poolId][nodeKeys[k]] += record.unclaimed;
            ghost_nodeWorkOut[poolId][nodeKeys[k]] += workClaimable;
        }
        if (count == 0) return false;
        assembly ("memory-safe") {
            mstore(keys, count)
        }
        uint256 before = token.balanceOf(provider);
        vm.prank(provider);
        uint256 total = rewards.claimRewards(poolId, keys);
        assertEq(total, expected, "claim returns what was claimable");
        assertEq(token.balanceOf(provider) - before, expected, "claim pays what was claimable");
        ghost_claimed[poolId] += total;
        _tookEffect("claim");
        return true;
    }

    function forfeit(uint256 poolSeed, uint256 nodeSeed) external {
        (bool exists, uint256 poolId) = _poolAt(poolSeed);
        if (!exists) return;
        address nodeKey = nodeKeys[nodeSeed % NODE_COUNT];
        IRewardsDistributor.NodeRecord memory record = rewards.getNodeRecord(poolId, nodeKey);
        if (record.provider == address(0)) return;
        uint256 budget = rewards.getPoolRewards(poolId).budget;
        (, uint256 workClaimable,) = rewards.getNodeWork(poolId, nodeKey);
        vm.prank(validator);
        uint256 amount = rewards.forfeitRewards(poolId, nodeKey);
        assertEq(amount, record.unclaimed + workClaimable, "forfeits what was unclaimed, time and work");
        ghost_nodeSettled[poolId][nodeKey] += record.unclaimed;
        ghost_nodeWorkOut[poolId][nodeKey] += workClaimable;
        assertEq(rewards.getPoolRewards(poolId).budget, budget + amount, "forfeit returns to the budget");
        ghost_forfeited[poolId] += amount;
        _tookEffect("forfeit");
    }

    function withdrawUnusedBudget(uint256 poolSeed) external {
        (bool exists, uint256 poolId) = _poolAt(poolSeed);
        if (!exists) return;
        IRewardsDistributor.PoolRewards memory pool = rewards.getPoolRewards(poolId);
        if (!pool.ended || pool.budget == 0) return;
        uint256 before = token.balanceOf(creator);
        vm.prank(creator);
        uint256 amount = rewards.withdrawUnusedBudget(poolId);
        assertEq(amount, pool.budget, "withdraws the whole budget");
        assertEq(token.balanceOf(creator) - before, amount, "creator paid");
        ghost_budgetWithdrawn[poolId] += amount;
        _tookEffect("withdrawUnusedBudget");
    }

    /* ENVIRONMENT */

    /// @notice Time moves only here, so each pool's rate and membership are constant over a warp.
    function warp(uint256 secs) external {
        // Mostly short steps; one in four may cross an unbonding period, lock windows and pool lives.
        _warp(_bound(secs, 1, secs % 4 == 0 ? 9 days : 2 days));
    }

    function _warp(uint256 secs) internal {
        for (uint256 p; p < poolIds.length; ++p) {
            uint256 poolId = poolIds[p];
            if (pools.getPool(poolId).status != IComputePool.PoolStatus.ACTIVE) continue;
            IRewardsDistributor.PoolRewards memory pool = rewards.getPoolRewards(poolId);
            if (pool.totalCompute == 0) continue;
            uint256 perUnit = pool.rate * secs;
            uint256 affordable = pool.budget / pool.totalCompute;
            uint256 earnedPerUnit = perUnit < affordable ? perUnit : affordable;
            ghost_timeAccrued[poolId] += earnedPerUnit * pool.totalCompute;
            for (uint256 k; k < NODE_COUNT; ++k) {
                if (ghost_poolOf[nodeKeys[k]] != poolId) continue;
                ghost_nodeEarned[poolId][nodeKeys[k]] += earnedPerUnit * registry.getNode(nodeKeys[k]).computeUnits;
            }
        }
        // Seconds in a pool count while it is ACTIVE, whether or not its budget lasts.
        for (uint256 k; k < NODE_COUNT; ++k) {
            uint256 poolId = ghost_poolOf[nodeKeys[k]];
            if (poolId != 0 && pools.getPool(poolId).status == IComputePool.PoolStatus.ACTIVE) {
                ghost_nodeSeconds[poolId][nodeKeys[k]] += secs;
            }
        }
        vm.warp(block.timestamp + secs);
        _tookEffect("warp");
    }

    function togglePause(uint256 seed) external {
        // Rare, so that paused stretches do not starve joins.
        if (seed % 4 != 0) return;
        bool paused = network.paused();
        vm.prank(federator);
        if (paused) network.unpause();
        else network.pause();
        _tookEffect("togglePause");
    }

    /* ROLES */

    /// @dev A caller without the role tries a role-gated call; it must revert with the expected error.
    function tryUnauthorized(uint256 which, uint256 actorSeed) external {
        address[6] memory outsiders = [stranger, providers[0], providers[1], providers[2], funder, manager];
        address actor = outsiders[actorSeed % outsiders.length];
        (bool exists, uint256 poolId) = _poolAt(actorSeed >> 8);
        address nodeKey = nodeKeys[(actorSeed >> 16) % NODE_COUNT];
        which %= 14;

        address target;
        bytes memory data;
        bytes memory expected;
        if (which < 6) {
            bytes32 role = which < 3 ? network.VALIDATOR_ROLE() : network.FEDERATOR_ROLE();
            expected = abi.encodeWithSelector(ICommonErrors.MissingRole.selector, role, actor);
            target = address(network);
            if (which == 0) data = abi.encodeCall(network.whitelistProvider, (providers[0]));
            else if (which == 1) data = abi.encodeCall(network.validateNode, (nodeKey));
            else if (which == 2) data = abi.encodeCall(network.slash, (providers[0], 1, new IComputePool.PoolNode[](0)));
            else if (which == 3) data = abi.encodeCall(network.pause, ());
            else if (which == 4) data = abi.encodeCall(network.setStakeMinimum, (1));
            else data = abi.encodeCall(network.proposeRoleTransfer, (network.FEDERATOR_ROLE(), actor));
        } else if (which == 6) {
            // Includes the pool's own manager: forfeiting is the validator's call, not the pool's.
            target = address(rewards);
            data = abi.encodeCall(rewards.forfeitRewards, (exists ? poolId : 1, nodeKey));
            expected = abi.encodeWithSelector(ICommonErrors.MissingRole.selector, network.VALIDATOR_ROLE(), actor);
        } else if (which == 7) {
            target = address(rewards);
            data = abi.encodeCall(rewards.onPoolEnded, (exists ? poolId : 1));
            expected = abi.encodeWithSelector(IRewardsDistributor.CallerNotComputePool.selector, actor);
        } else if (which == 8) {
            target = address(stakeManager);
            data = abi.encodeCall(stakeManager.slash, (providers[0], 1));
            expected = abi.encodeWithSelector(IPrimeNetworkModule.CallerNotPrimeNetwork.selector, actor);
        } else if (which == 9) {
            target = address(registry);
            data = abi.encodeCall(registry.setActive, (nodeKey, true));
            expected = abi.encodeWithSelector(IComputeRegistry.CallerNotComputePool.selector, actor);
        } else {
            if (!exists) return;
            if (which == 10 || which == 11) {
                target = address(rewards);
                data = which == 10
                    ? abi.encodeCall(rewards.setRewardRate, (poolId, 1))
                    : abi.encodeCall(rewards.withdrawUnusedBudget, (poolId));
                expected = abi.encodeWithSelector(ICommonErrors.CallerNotPoolCreator.selector, poolId, actor);
            } else {
                // Pool operator calls: the manager key is an operator, so only true outsiders try.
                if (actor == manager) actor = stranger;
                target = address(pools);
                data = which == 12
                    ? abi.encodeCall(pools.endComputePool, (poolId))
                    : abi.encodeCall(pools.ejectNode, (poolId, nodeKey));
                expected = abi.encodeWithSelector(IComputePool.CallerNotPoolOperator.selector, poolId, actor);
            }
        }

        vm.prank(actor);
        (bool ok, bytes memory result) = target.call(data);
        if (ok) ghost_roleViolation = true;
        else if (keccak256(result) != keccak256(expected)) ghost_unexpectedError = true;
        _tookEffect("tryUnauthorized");
    }

    /// @notice Calls that must fail, each with its exact error: an expired invite, a reused work key,
    /// a reclaim below the minimum, a withdraw with nothing matured, invalidating a final or unknown
    /// work, a second registration. None may succeed or change anything the invariants watch.
    function tryInvalid(uint256 which, uint256 seed) external {
        which %= 6;
        address provider = _provider(seed);
        address target;
        bytes memory data;
        bytes memory expected;
        address sender = provider;
        if (which == 0) {
            (bool exists, uint256 poolId) = _poolAt(seed >> 8);
            address nodeKey = nodeKeys[seed % NODE_COUNT];
            if (!exists || network.paused()) return;
            if (pools.getPool(poolId).status != IComputePool.PoolStatus.ACTIVE) return;
            if (registry.getNode(nodeKey).provider != provider || _blocked(poolId, provider)) return;
            IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
            invites[0] = _signInvite(poolId, nodeKey, block.timestamp - 1);
            target = address(pools);
            data = abi.encodeCall(pools.joinComputePool, (poolId, invites));
            expected = abi.encodeWithSelector(IComputePool.InviteExpired.selector, poolId, nodeKey, block.timestamp - 1);
        } else if (which == 1) {
            // No work is accepted twice, and invalidated work stays rejected: any recorded work,
            // submitted again by its node from the pool the node is in now, is refused.
            if (workKeys.length == 0) return;
            uint256 index = seed % workKeys.length;
            (address nodeKey, bytes32 workKey) = (workNodes[index], workKeys[index]);
            uint256 poolId = ghost_poolOf[nodeKey];
            if (poolId == 0 || network.paused() || !_eligible(poolId, nodeKey)) return;
            if (pools.getPool(poolId).status != IComputePool.PoolStatus.ACTIVE) return;
            sender = nodeKey;
            target = address(pools);
            data = abi.encodeCall(
                pools.submitWork, (poolId, nodeKey, abi.encode(workKey, uint256(1)), 0, type(uint256).max)
            );
            expected = abi.encodeWithSelector(IRewardsDistributor.WorkKeyUsed.selector, nodeKey, workKey);
        } else if (which == 2) {
            (uint256 required, uint256 active) = network.stakeStatus(provider);
            if (registry.getProvider(provider).nodeCount == 0 || active < required) return;
            uint256 amount = active - required + 1;
            target = address(network);
            data = abi.encodeCall(network.reclaimStake, (amount));
            expected =
                abi.encodeWithSelector(IPrimeNetwork.InsufficientStake.selector, provider, required, required - 1);
        } else if (which == 3) {
            if (stakeManager.withdrawableStake(provider) != 0) return;
            target = address(network);
            data = abi.encodeCall(network.withdraw, ());
            expected = abi.encodeWithSelector(IStakeManager.NothingToWithdraw.selector, provider);
        } else if (which == 4) {
            // A work named by its key with another node than the one that did it is no work.
            bool known = workKeys.length != 0;
            uint256 index = known ? seed % workKeys.length : 0;
            bytes32 workKey = known ? workKeys[index] : bytes32(seed);
            address nodeKey = known && seed % 2 == 0 ? workNodes[index] : nodeKeys[(seed >> 8) % NODE_COUNT];
            (IRewardsDistributor.Work memory work,, uint256 unlockAt,) = rewards.getWork(nodeKey, workKey);
            sender = validator;
            target = address(network);
            data = abi.encodeCall(network.softInvalidateWork, (nodeKey, workKey));
            if (work.status == IRewardsDistributor.WorkStatus.NONE) {
                expected = abi.encodeWithSelector(IRewardsDistributor.WorkNotFound.selector, nodeKey, workKey);
            } else if (work.status != IRewardsDistributor.WorkStatus.ACCEPTED) {
                expected = abi.encodeWithSelector(IRewardsDistributor.WorkAlreadyInvalidated.selector, nodeKey, workKey);
            } else if (block.timestamp >= unlockAt) {
                expected = abi.encodeWithSelector(IRewardsDistributor.WorkFinal.selector, nodeKey, workKey, unlockAt);
            } else {
                return; // still invalidatable: that is invalidateWork's business
            }
        } else {
            if (network.paused() || !registry.getProvider(provider).registered) return;
            target = address(network);
            data = abi.encodeCall(network.registerProvider, (network.stakeMinimum()));
            expected = abi.encodeWithSelector(IComputeRegistry.ProviderAlreadyRegistered.selector, provider);
        }

        vm.prank(sender);
        (bool ok, bytes memory result) = target.call(data);
        if (ok) ghost_invalidCallSucceeded = true;
        else if (keccak256(result) != keccak256(expected)) ghost_unexpectedError = true;
        _tookEffect("tryInvalid");
    }

    /// @dev Whether `provider` may not join `poolId` for reasons other than the invite.
    function _blocked(uint256 poolId, address provider) internal view returns (bool) {
        return !registry.getProvider(provider).whitelisted || !_stakeCovers(provider)
            || pools.isProviderBlacklisted(poolId, provider);
    }

    /* INTERNAL */

    function _provider(uint256 seed) internal view returns (address) {
        return providers[seed % PROVIDER_COUNT];
    }

    function _poolAt(uint256 seed) internal view returns (bool exists, uint256 poolId) {
        uint256 count = poolIds.length;
        if (count == 0) return (false, 0);
        return (true, poolIds[seed % count]);
    }

    /// @dev Stakes `amount` more and checks the rebond against a model: pending unbonds are taken
    /// newest first, and the wallet pays only what they did not cover.
    function _increaseStake(address provider, uint256 amount) internal {
        IStakeManager.Unbond[] memory expected = stakeManager.pendingUnbonds(provider);
        uint256 unbonding = stakeManager.unbondingStake(provider);
        token.mint(provider, amount);
        uint256 wallet = token.balanceOf(provider);
        vm.prank(provider);
        network.increaseStake(amount);

        uint256 rebonded = amount < unbonding ? amount : unbonding;
        assertEq(wallet - token.balanceOf(provider), amount - rebonded, "the wallet pays what no unbond covered");
        uint256 n = expected.length;
        for (uint256 remaining = rebonded; remaining != 0;) {
            uint256 newest = expected[n - 1].amount;
            if (newest <= remaining) {
                remaining -= newest;
                --n;
            } else {
                expected[n - 1].amount = uint128(newest - remaining);
                remaining = 0;
            }
        }
        IStakeManager.Unbond[] memory left = stakeManager.pendingUnbonds(provider);
        assertEq(left.length, n, "rebonded newest first: whole entries removed");
        for (uint256 i; i < n; ++i) {
            assertEq(left[i].amount, expected[i].amount, "an older entry keeps what was not rebonded");
            assertEq(left[i].unlockTime, expected[i].unlockTime, "and its unlock time");
        }
    }
}
