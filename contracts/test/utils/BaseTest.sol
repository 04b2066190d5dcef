// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";

import {ProtocolDeployer} from "../../script/ProtocolDeployer.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {IComputeRegistry} from "../../src/interfaces/IComputeRegistry.sol";
import {IDomainRegistry} from "../../src/interfaces/IDomainRegistry.sol";
import {IPrimeNetwork} from "../../src/interfaces/IPrimeNetwork.sol";
import {IPrimeToken} from "../../src/interfaces/IPrimeToken.sol";
import {IRewardsDistributor} from "../../src/interfaces/IRewardsDistributor.sol";
import {IStakeManager} from "../../src/interfaces/IStakeManager.sol";
import {IWorkUnitsValidation} from "../../src/interfaces/IWorkUnitsValidation.sol";

/// @notice The full deployment and the actors every test starts from.
/// @dev The protocol is deployed from its production build (see ProtocolDeployer): tests talk to it
/// through the interfaces only, so they never embed or recompile contracts/src.
abstract contract BaseTest is Test, ProtocolDeployer {
    uint256 internal constant STAKE_MINIMUM = 100e18;
    uint256 internal constant UNBONDING_PERIOD = 7 days;
    uint256 internal constant INITIAL_BALANCE = 1_000_000e18;
    /// @dev The deadline of the node-ownership consents the fixture signs (2100-01-01): far enough
    /// that no test's time travel reaches it; the expiry itself is tested with explicit deadlines.
    uint256 internal constant CONSENT_DEADLINE = 4_102_444_800;
    /// @dev Submission terms that accept whatever the pool pays and however long it locks: tests of
    /// the terms themselves pass their own.
    uint256 internal constant ANY_RATE = 0;
    uint256 internal constant ANY_WINDOW = type(uint256).max;
    /// @dev The largest per-node bound on locked work rewards: tests of the bound set their own.
    uint256 internal constant NO_LOCK_LIMIT = type(uint88).max;

    IPrimeToken internal token;
    IPrimeNetwork internal network;
    IStakeManager internal stakeManager;
    IComputeRegistry internal registry;
    IDomainRegistry internal domains;
    IComputePool internal pools;
    IRewardsDistributor internal rewards;
    IWorkUnitsValidation internal workValidation;

    address internal federator = makeAddr("federator");
    address internal validator = makeAddr("validator");
    address internal treasury = makeAddr("treasury");
    address internal provider = makeAddr("provider");
    address internal provider2 = makeAddr("provider2");
    address internal creator = makeAddr("creator");
    address internal funder = makeAddr("funder");
    address internal stranger = makeAddr("stranger");

    address internal manager;
    uint256 internal managerPk;

    function setUp() public virtual {
        (manager, managerPk) = makeAddrAndKey("computeManager");
        token = _deployToken(address(this));
        _useProtocol(address(token));
    }

    /// @dev The fixture's deployment parameters, on `token_`.
    function _params(address token_) internal view returns (ProtocolParams memory) {
        return ProtocolParams({
            token: token_,
            federator: federator,
            validator: validator,
            treasury: treasury,
            stakeMinimum: STAKE_MINIMUM,
            unbondingPeriod: UNBONDING_PERIOD
        });
    }

    /// @dev Deploys the protocol on `token_` (any token with PrimeToken's `mint`), points the fixture
    /// at it, and gives providers, creator and funder a balance and unlimited allowances to it.
    function _useProtocol(address token_) internal {
        Protocol memory p = _deployProtocol(address(this), _params(token_));
        network = p.primeNetwork;
        stakeManager = p.stakeManager;
        registry = p.computeRegistry;
        domains = p.domainRegistry;
        pools = p.computePool;
        rewards = p.rewardsDistributor;
        workValidation = p.workValidation;

        IPrimeToken mintable = IPrimeToken(token_);
        address[4] memory holders = [provider, provider2, creator, funder];
        for (uint256 i; i < holders.length; ++i) {
            mintable.mint(holders[i], INITIAL_BALANCE);
            vm.startPrank(holders[i]);
            mintable.approve(address(stakeManager), type(uint256).max);
            mintable.approve(address(rewards), type(uint256).max);
            vm.stopPrank();
        }
    }

    /* ACTORS */

    /// @dev A node key with its private key, derived from a label.
    function _nodeKey(string memory label) internal returns (address key, uint256 pk) {
        (key, pk) = makeAddrAndKey(label);
    }

    /* SIGNATURES */

    function _signDigest(uint256 pk, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, digest);
        return abi.encodePacked(r, s, v);
    }

    function _ownershipSignature(address provider_, uint256 nodePk) internal view returns (bytes memory) {
        return _ownershipSignature(provider_, nodePk, CONSENT_DEADLINE);
    }

    function _ownershipSignature(address provider_, uint256 nodePk, uint256 deadline)
        internal
        view
        returns (bytes memory)
    {
        return _signDigest(nodePk, network.nodeOwnershipDigest(provider_, vm.addr(nodePk), deadline));
    }

    function _invite(uint256 poolId, address nodeKey, uint256 nonce)
        internal
        view
        returns (IComputePool.Invite memory)
    {
        // vm.getBlockTimestamp, not block.timestamp: via-IR may reuse a timestamp read before a warp.
        return _inviteSignedBy(managerPk, poolId, nodeKey, nonce, vm.getBlockTimestamp() + 1 hours);
    }

    /// @dev An invite for `nodeKey` and the provider it is registered to now.
    function _inviteSignedBy(uint256 signerPk, uint256 poolId, address nodeKey, uint256 nonce, uint256 expiry)
        internal
        view
        returns (IComputePool.Invite memory)
    {
        return _inviteSignedBy(signerPk, poolId, nodeKey, registry.getNode(nodeKey).provider, nonce, expiry);
    }

    /// @dev An invite the manager signs for `nodeKey` of `provider_` (its provider or not).
    function _inviteFor(uint256 poolId, address nodeKey, address provider_, uint256 nonce)
        internal
        view
        returns (IComputePool.Invite memory)
    {
        return _inviteSignedBy(managerPk, poolId, nodeKey, provider_, nonce, vm.getBlockTimestamp() + 1 hours);
    }

    function _inviteSignedBy(
        uint256 signerPk,
        uint256 poolId,
        address nodeKey,
        address provider_,
        uint256 nonce,
        uint256 expiry
    ) internal view returns (IComputePool.Invite memory) {
        bytes memory signature = _signDigest(signerPk, pools.inviteDigest(poolId, nodeKey, provider_, nonce, expiry));
        return IComputePool.Invite({nodeKey: nodeKey, nonce: nonce, expiry: expiry, signature: signature});
    }

    /* FLOWS */

    function _registerProvider(address provider_, uint256 amount) internal {
        vm.prank(provider_);
        network.registerProvider(amount);
    }

    /// @dev Registers and whitelists `provider_` with enough stake for `computeUnits` more units.
    function _registerWhitelisted(address provider_, uint256 computeUnits) internal {
        _registerProvider(provider_, STAKE_MINIMUM * (1 + computeUnits));
        vm.prank(validator);
        network.whitelistProvider(provider_);
    }

    function _addNode(address provider_, uint256 nodePk, uint256 computeUnits) internal returns (address nodeKey) {
        nodeKey = vm.addr(nodePk);
        bytes memory signature = _ownershipSignature(provider_, nodePk);
        vm.prank(provider_);
        network.addComputeNode(nodeKey, "ipfs://node-specs", computeUnits, CONSENT_DEADLINE, signature);
    }

    function _addValidatedNode(address provider_, string memory label, uint256 computeUnits)
        internal
        returns (address nodeKey)
    {
        (, uint256 pk) = _nodeKey(label);
        nodeKey = _addNode(provider_, pk, computeUnits);
        vm.prank(validator);
        network.validateNode(nodeKey);
    }

    function _createDomain() internal returns (uint256 domainId) {
        vm.prank(federator);
        domainId = network.createDomain("inference", address(0), "ipfs://domain-params");
    }

    function _createPool(uint256 domainId, uint256 computeLimit) internal returns (uint256 poolId) {
        vm.prank(creator);
        poolId = pools.createComputePool(domainId, manager, "pool", "ipfs://pool-data", computeLimit);
    }

    /// @dev A started pool in a fresh domain, funded with `budget` at `rate` per compute unit per second.
    function _activePool(uint256 rate, uint256 budget) internal returns (uint256 poolId) {
        poolId = _createPool(_createDomain(), 0);
        vm.startPrank(creator);
        pools.startComputePool(poolId);
        rewards.setRewardRate(poolId, rate);
        vm.stopPrank();
        if (budget != 0) {
            vm.prank(funder);
            rewards.fundPool(poolId, budget);
        }
    }

    /* WORK */

    /// @dev A domain whose work the default validation logic checks, capped at `unitsCap` units.
    function _workDomain(uint256 unitsCap) internal returns (uint256 domainId) {
        vm.startPrank(federator);
        domainId = network.createDomain("training", address(workValidation), "ipfs://work-domain");
        workValidation.setUnitsCap(domainId, unitsCap);
        vm.stopPrank();
    }

    /// @dev A started, funded pool in a fresh work domain (cap 1,000 units) paying `workRate` per
    /// unit and nothing for time, with a lock window of `lockPeriod`.
    function _workPool(uint256 workRate, uint256 budget, uint256 lockPeriod) internal returns (uint256 poolId) {
        uint256 domainId = _workDomain(1000);
        vm.startPrank(creator);
        poolId = pools.createComputePool(domainId, manager, "work pool", "ipfs://pool-data", 0);
        rewards.setWorkRewardRate(poolId, workRate, NO_LOCK_LIMIT);
        rewards.setWorkLockPeriod(poolId, lockPeriod);
        pools.startComputePool(poolId);
        vm.stopPrank();
        if (budget != 0) {
            vm.prank(funder);
            rewards.fundPool(poolId, budget);
        }
    }

    /// @dev The default logic's submission format.
    function _workData(bytes32 workKey, uint256 units) internal pure returns (bytes memory) {
        return abi.encode(workKey, units);
    }

    /// @dev `nodeKey` submits work `workKey` of `units` units itself.
    function _submit(uint256 poolId, address nodeKey, bytes32 workKey, uint256 units) internal {
        vm.prank(nodeKey);
        pools.submitWork(poolId, nodeKey, _workData(workKey, units), ANY_RATE, ANY_WINDOW);
    }

    function _join(address provider_, uint256 poolId, address nodeKey, uint256 nonce) internal {
        IComputePool.Invite[] memory invites = new IComputePool.Invite[](1);
        invites[0] = _invite(poolId, nodeKey, nonce);
        vm.prank(provider_);
        pools.joinComputePool(poolId, invites);
    }

    function _leave(address provider_, uint256 poolId, address nodeKey) internal {
        vm.prank(provider_);
        pools.leaveComputePool(poolId, _one(nodeKey));
    }

    function _claim(address provider_, uint256 poolId, address nodeKey) internal returns (uint256) {
        vm.prank(provider_);
        return rewards.claimRewards(poolId, _one(nodeKey));
    }

    /// @dev No nodes to take out of their pools with a validator's action.
    function _noEvictions() internal pure returns (IComputePool.PoolNode[] memory) {
        return new IComputePool.PoolNode[](0);
    }

    function _evicting(uint256 poolId, address nodeKey) internal pure returns (IComputePool.PoolNode[] memory list) {
        list = new IComputePool.PoolNode[](1);
        list[0] = IComputePool.PoolNode({poolId: poolId, nodeKey: nodeKey});
    }

    function _one(address a) internal pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = a;
    }

    function _list(address a, address b) internal pure returns (address[] memory list) {
        list = new address[](2);
        (list[0], list[1]) = (a, b);
    }

    function _list(address a, address b, address c) internal pure returns (address[] memory list) {
        list = new address[](3);
        (list[0], list[1], list[2]) = (a, b, c);
    }

    function _list(address a, address b, address c, address d) internal pure returns (address[] memory list) {
        list = new address[](4);
        (list[0], list[1], list[2], list[3]) = (a, b, c, d);
    }
}
