// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CommonBase} from "forge-std/Base.sol";

import {ComputePool} from "../src/ComputePool.sol";
import {ComputeRegistry} from "../src/ComputeRegistry.sol";
import {DomainRegistry} from "../src/DomainRegistry.sol";
import {PrimeNetwork} from "../src/PrimeNetwork.sol";
import {RewardsDistributor} from "../src/RewardsDistributor.sol";
import {StakeManager} from "../src/StakeManager.sol";

/// @notice The one way the protocol is deployed, shared by Deploy.s.sol and the tests.
/// @dev Modules and coordinator reference each other through immutables (no storage reads on hot
/// paths), so the six addresses are computed from the deployer's nonce before anything is created.
abstract contract ProtocolDeployer is CommonBase {
    struct ProtocolParams {
        address token;
        address federator;
        address validator;
        address treasury;
        uint256 stakeMinimum;
        uint256 unbondingPeriod;
    }

    struct Protocol {
        PrimeNetwork primeNetwork;
        StakeManager stakeManager;
        ComputeRegistry computeRegistry;
        DomainRegistry domainRegistry;
        ComputePool computePool;
        RewardsDistributor rewardsDistributor;
    }

    /// @param deployer The account whose `new`s create the contracts: the test contract itself, or
    /// the broadcaster inside vm.startBroadcast.
    function _deployProtocol(address deployer, ProtocolParams memory params) internal returns (Protocol memory p) {
        PrimeNetwork.Modules memory modules = _predictModules(deployer);
        p.primeNetwork =
            new PrimeNetwork(params.token, modules, params.federator, params.validator, params.stakeMinimum);
        address network = address(p.primeNetwork);
        p.stakeManager = new StakeManager(network, params.token, params.treasury, params.unbondingPeriod);
        p.computeRegistry = new ComputeRegistry(network, modules.computePool);
        p.domainRegistry = new DomainRegistry(network);
        p.computePool =
            new ComputePool(network, modules.computeRegistry, modules.domainRegistry, modules.rewardsDistributor);
        p.rewardsDistributor = new RewardsDistributor(network, params.token, modules.computePool);
        _checkPrediction(p, modules);
    }

    /// @dev The modules are the five contracts created right after PrimeNetwork.
    function _predictModules(address deployer) private view returns (PrimeNetwork.Modules memory) {
        uint64 nonce = vm.getNonce(deployer);
        return PrimeNetwork.Modules({
            stakeManager: vm.computeCreateAddress(deployer, nonce + 1),
            computeRegistry: vm.computeCreateAddress(deployer, nonce + 2),
            domainRegistry: vm.computeCreateAddress(deployer, nonce + 3),
            computePool: vm.computeCreateAddress(deployer, nonce + 4),
            rewardsDistributor: vm.computeCreateAddress(deployer, nonce + 5)
        });
    }

    function _checkPrediction(Protocol memory p, PrimeNetwork.Modules memory modules) private pure {
        require(address(p.stakeManager) == modules.stakeManager, "ProtocolDeployer: StakeManager address");
        require(address(p.computeRegistry) == modules.computeRegistry, "ProtocolDeployer: ComputeRegistry address");
        require(address(p.domainRegistry) == modules.domainRegistry, "ProtocolDeployer: DomainRegistry address");
        require(address(p.computePool) == modules.computePool, "ProtocolDeployer: ComputePool address");
        require(
            address(p.rewardsDistributor) == modules.rewardsDistributor, "ProtocolDeployer: RewardsDistributor address"
        );
    }
}
