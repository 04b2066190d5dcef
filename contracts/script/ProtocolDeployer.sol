// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CommonBase} from "forge-std/Base.sol";

import {IComputePool} from "../src/interfaces/IComputePool.sol";
import {IComputeRegistry} from "../src/interfaces/IComputeRegistry.sol";
import {IDomainRegistry} from "../src/interfaces/IDomainRegistry.sol";
import {IPrimeNetwork} from "../src/interfaces/IPrimeNetwork.sol";
import {IPrimeToken} from "../src/interfaces/IPrimeToken.sol";
import {IRewardsDistributor} from "../src/interfaces/IRewardsDistributor.sol";
import {IStakeManager} from "../src/interfaces/IStakeManager.sol";
import {IWorkUnitsValidation} from "../src/interfaces/IWorkUnitsValidation.sol";

/// @notice The one way the protocol is deployed, shared by Deploy.s.sol and the tests.
/// @dev Contracts are created from their build artifacts (vm.deployCode), not with `new`: the
/// deploy script and every test then run the exact bytecode of contracts/src built with the
/// production profile, and the scripts and tests that import this file embed none of it (so they
/// compile in seconds and a change in contracts/src does not recompile them).
/// Modules and coordinator reference each other through immutables (no storage reads on hot
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
        IPrimeNetwork primeNetwork;
        IStakeManager stakeManager;
        IComputeRegistry computeRegistry;
        IDomainRegistry domainRegistry;
        IComputePool computePool;
        IRewardsDistributor rewardsDistributor;
        /// @dev The default validation logic domains may use; not a module (domains name their own).
        IWorkUnitsValidation workValidation;
    }

    /// @param deployer The account whose creations these are: the test contract itself, or the
    /// broadcaster inside vm.startBroadcast.
    function _deployProtocol(address deployer, ProtocolParams memory params) internal returns (Protocol memory p) {
        IPrimeNetwork.Modules memory modules = _predictModules(deployer);
        p.primeNetwork = IPrimeNetwork(
            _deployArtifact(
                "PrimeNetwork",
                abi.encode(params.token, modules, params.federator, params.validator, params.stakeMinimum)
            )
        );
        address network = address(p.primeNetwork);
        p.stakeManager = IStakeManager(
            _deployArtifact("StakeManager", abi.encode(network, params.token, params.treasury, params.unbondingPeriod))
        );
        p.computeRegistry =
            IComputeRegistry(_deployArtifact("ComputeRegistry", abi.encode(network, modules.computePool)));
        p.domainRegistry = IDomainRegistry(_deployArtifact("DomainRegistry", abi.encode(network)));
        p.computePool = IComputePool(
            _deployArtifact(
                "ComputePool",
                abi.encode(network, modules.computeRegistry, modules.domainRegistry, modules.rewardsDistributor)
            )
        );
        p.rewardsDistributor = IRewardsDistributor(
            _deployArtifact("RewardsDistributor", abi.encode(network, params.token, modules.computePool))
        );
        _checkPrediction(p, modules);
        p.workValidation = IWorkUnitsValidation(_deployArtifact("WorkUnitsValidation", abi.encode(network)));
    }

    /// @notice A PrimeToken whose admin and minter is `admin`.
    function _deployToken(address admin) internal returns (IPrimeToken) {
        return IPrimeToken(_deployArtifact("PrimeToken", abi.encode(admin)));
    }

    /// @dev Creates contracts/src/`name`.sol's contract `name` from its artifact.
    function _deployArtifact(string memory name, bytes memory constructorArgs) internal returns (address) {
        return vm.deployCode(string.concat(name, ".sol:", name), constructorArgs);
    }

    /// @dev The modules are the five contracts created right after PrimeNetwork.
    function _predictModules(address deployer) private view returns (IPrimeNetwork.Modules memory) {
        uint64 nonce = vm.getNonce(deployer);
        return IPrimeNetwork.Modules({
            stakeManager: vm.computeCreateAddress(deployer, nonce + 1),
            computeRegistry: vm.computeCreateAddress(deployer, nonce + 2),
            domainRegistry: vm.computeCreateAddress(deployer, nonce + 3),
            computePool: vm.computeCreateAddress(deployer, nonce + 4),
            rewardsDistributor: vm.computeCreateAddress(deployer, nonce + 5)
        });
    }

    function _checkPrediction(Protocol memory p, IPrimeNetwork.Modules memory modules) private pure {
        require(address(p.stakeManager) == modules.stakeManager, "ProtocolDeployer: StakeManager address");
        require(address(p.computeRegistry) == modules.computeRegistry, "ProtocolDeployer: ComputeRegistry address");
        require(address(p.domainRegistry) == modules.domainRegistry, "ProtocolDeployer: DomainRegistry address");
        require(address(p.computePool) == modules.computePool, "ProtocolDeployer: ComputePool address");
        require(
            address(p.rewardsDistributor) == modules.rewardsDistributor, "ProtocolDeployer: RewardsDistributor address"
        );
    }
}
