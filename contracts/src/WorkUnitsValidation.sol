// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {PrimeNetworkModule} from "./base/PrimeNetworkModule.sol";
import {IWorkUnitsValidation} from "./interfaces/IWorkUnitsValidation.sol";
import {IWorkValidation} from "./interfaces/IWorkValidation.sol";
import {Roles} from "./libraries/Roles.sol";
import {WorkLimits} from "./libraries/WorkLimits.sol";

/// @title WorkUnitsValidation
/// @notice The default validation logic: a work key plus claimed units, capped per domain.
contract WorkUnitsValidation is IWorkUnitsValidation, PrimeNetworkModule {
    mapping(uint256 domainId => uint256) internal _caps;

    constructor(address primeNetwork_) PrimeNetworkModule(primeNetwork_) {}

    /// @inheritdoc IWorkUnitsValidation
    function unitsCap(uint256 domainId) external view returns (uint256) {
        return _caps[domainId];
    }

    /// @inheritdoc IWorkUnitsValidation
    function setUnitsCap(uint256 domainId, uint256 cap) external {
        _checkRole(Roles.FEDERATOR_ROLE);
        if (cap > WorkLimits.MAX_WORK_UNITS) revert AmountTooLarge(cap, WorkLimits.MAX_WORK_UNITS);
        _caps[domainId] = cap;
        emit WorkUnitsCapSet(domainId, cap);
    }

    /// @inheritdoc IWorkValidation
    /// @dev Provider, node and pool are not needed here: uniqueness and membership are the
    /// protocol's checks; this logic only reads the claim and holds it to the domain's cap.
    function validateWork(uint256 domainId, uint256, address, address, bytes calldata data)
        external
        view
        returns (bytes32 workKey, uint256 workUnits)
    {
        if (data.length != 64) revert InvalidWorkData(data.length);
        (workKey, workUnits) = abi.decode(data, (bytes32, uint256));
        if (workUnits == 0) revert ZeroWorkUnits();
        uint256 cap = _caps[domainId];
        if (workUnits > cap) revert WorkUnitsAboveCap(domainId, workUnits, cap);
    }
}
