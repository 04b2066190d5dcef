// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPrimeNetworkModule} from "./IPrimeNetworkModule.sol";

/// @title IDomainRegistry
/// @notice Domains group compute pools by the kind of work they do and how that work is validated.
interface IDomainRegistry is IPrimeNetworkModule {
    /// @notice A domain.
    /// @param name A human-readable name.
    /// @param validationLogic The contract that validates the domain's work (zero for none yet).
    /// @param domainParametersURI Where the domain's parameters are published.
    struct Domain {
        string name;
        address validationLogic;
        string domainParametersURI;
    }

    /// @notice `domainId` does not exist.
    error DomainNotFound(uint256 domainId);

    /// @notice A domain name must not be empty.
    error EmptyDomainName();

    /// @notice `validationLogic` is neither zero nor a contract.
    error InvalidValidationLogic(address validationLogic);

    /// @notice The federator created domain `domainId`.
    /// @param domainId The new domain's id.
    /// @param name Its name.
    /// @param validationLogic Its validation-logic contract (may be zero).
    /// @param domainParametersURI Where its parameters are published.
    event DomainCreated(uint256 indexed domainId, string name, address validationLogic, string domainParametersURI);

    /// @notice The federator updated domain `domainId`.
    /// @param domainId The domain's id.
    /// @param validationLogic Its new validation-logic contract (may be zero).
    /// @param domainParametersURI Where its parameters are now published.
    event DomainUpdated(uint256 indexed domainId, address validationLogic, string domainParametersURI);

    /// @notice How many domains exist; ids run from 1 to this number.
    function domainCount() external view returns (uint256);

    /// @notice Whether `domainId` exists.
    function domainExists(uint256 domainId) external view returns (bool);

    /// @notice Domain `domainId`; reverts with DomainNotFound when it does not exist.
    function getDomain(uint256 domainId) external view returns (Domain memory);

    /// @notice Domain `domainId`'s validation logic (zero when it has none, or the domain does not exist).
    function validationLogic(uint256 domainId) external view returns (address);

    /// @notice Creates a domain.
    /// @dev Only PrimeNetwork.
    /// @return domainId The new domain's id.
    function createDomain(string calldata name, address validationLogic, string calldata domainParametersURI)
        external
        returns (uint256 domainId);

    /// @notice Updates a domain's validation logic and parameters URI.
    /// @dev Only PrimeNetwork.
    function updateDomain(uint256 domainId, address validationLogic, string calldata domainParametersURI) external;
}
