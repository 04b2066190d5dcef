// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PrimeNetworkModule} from "./base/PrimeNetworkModule.sol";
import {IDomainRegistry} from "./interfaces/IDomainRegistry.sol";

/// @title DomainRegistry
/// @notice Domains, created and updated by the federator through PrimeNetwork.
contract DomainRegistry is IDomainRegistry, PrimeNetworkModule {
    /* STORAGE */

    uint256 internal _domainCount;
    /// @dev Ids start at 1 so that 0 never names a domain.
    mapping(uint256 domainId => Domain) internal _domains;

    constructor(address primeNetwork_) PrimeNetworkModule(primeNetwork_) {}

    /* VIEWS */

    /// @inheritdoc IDomainRegistry
    function domainCount() external view returns (uint256) {
        return _domainCount;
    }

    /// @inheritdoc IDomainRegistry
    function domainExists(uint256 domainId) public view returns (bool) {
        return domainId != 0 && domainId <= _domainCount;
    }

    /// @inheritdoc IDomainRegistry
    function getDomain(uint256 domainId) external view returns (Domain memory) {
        if (!domainExists(domainId)) revert DomainNotFound(domainId);
        return _domains[domainId];
    }

    /// @inheritdoc IDomainRegistry
    function validationLogic(uint256 domainId) external view returns (address) {
        return _domains[domainId].validationLogic;
    }

    /* DOMAINS */

    /// @inheritdoc IDomainRegistry
    function createDomain(string calldata name, address validationLogic, string calldata domainParametersURI)
        external
        onlyPrimeNetwork
        returns (uint256 domainId)
    {
        if (bytes(name).length == 0) revert EmptyDomainName();
        _checkValidationLogic(validationLogic);
        domainId = ++_domainCount;
        _domains[domainId] =
            Domain({name: name, validationLogic: validationLogic, domainParametersURI: domainParametersURI});
        emit DomainCreated(domainId, name, validationLogic, domainParametersURI);
    }

    /// @inheritdoc IDomainRegistry
    function updateDomain(uint256 domainId, address validationLogic, string calldata domainParametersURI)
        external
        onlyPrimeNetwork
    {
        if (!domainExists(domainId)) revert DomainNotFound(domainId);
        _checkValidationLogic(validationLogic);
        Domain storage domain = _domains[domainId];
        domain.validationLogic = validationLogic;
        domain.domainParametersURI = domainParametersURI;
        emit DomainUpdated(domainId, validationLogic, domainParametersURI);
    }

    /// @dev Zero means "no validation logic yet"; anything else must be a deployed contract, so a
    /// mistyped address is caught now rather than when work is first submitted.
    function _checkValidationLogic(address validationLogic) internal view {
        if (validationLogic != address(0) && validationLogic.code.length == 0) {
            revert InvalidValidationLogic(validationLogic);
        }
    }
}
