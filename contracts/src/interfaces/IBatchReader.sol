// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IBatchReader
/// @notice Many view calls in one `eth_call`, behind Multicall3's `aggregate3` interface, so any
/// client that batches reads through Multicall3 (viem's multicall, the SDK's reads) can use it.
interface IBatchReader {
    /// @notice One read: `allowFailure` false makes a failed read revert the whole batch.
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    /// @notice One read's outcome: `returnData` is the return value, or the revert data.
    struct Result {
        bool success;
        bytes returnData;
    }

    /// @notice A read at `index` that did not allow failure failed with `returnData`.
    error ReadFailed(uint256 index, bytes returnData);

    /// @notice Makes every read in order (each a STATICCALL) and returns each outcome.
    function aggregate3(Call3[] calldata calls) external view returns (Result[] memory results);
}
