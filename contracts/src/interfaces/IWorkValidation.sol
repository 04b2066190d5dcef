// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IWorkValidation
/// @notice A domain's validation logic: it decides whether a work submitted in one of the domain's
/// pools is acceptable and what it is worth. The ComputePool calls it for every submission, after
/// checking that the pool is active and the node is in it and eligible; the protocol then records
/// the work under the returned key, reserves its reward from the pool's budget and locks it for
/// the pool's lock window, during which validators may invalidate it.
/// @dev The call is a STATICCALL: validation logic reads state but cannot change any, so it cannot
/// re-enter the protocol with side effects. Warning: a pool trusts its domain's logic with the
/// units it reports; the protocol only bounds them (at least 1, at most 2^32 - 1 per work) and pays
/// what the pool's budget can cover.
interface IWorkValidation {
    /// @notice Checks a submission and says what it is worth, or reverts with the logic's own
    /// custom error to reject it.
    /// @param domainId The domain of the pool.
    /// @param poolId The pool the work was done for.
    /// @param provider The node's provider (who is paid for the work).
    /// @param nodeKey The node that did the work.
    /// @param data The submission, in the domain's own format.
    /// @return workKey The work's identity (for example the hash of its output). The protocol accepts
    /// each key once across all pools and domains, and validators name works by it.
    /// @return workUnits What the work is worth, in work units.
    function validateWork(uint256 domainId, uint256 poolId, address provider, address nodeKey, bytes calldata data)
        external
        view
        returns (bytes32 workKey, uint256 workUnits);
}
