// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IBatchReader} from "../interfaces/IBatchReader.sol";

/// @title BatchReader
/// @notice Multicall3's `aggregate3` for reads, for chains that have no Multicall3.
/// @dev Deployed by the deploy script only on chains without Multicall3 at its usual address (a
/// bare anvil, a new test chain). Without either, clients fall back to a "deployless" call whose
/// results come back as contract code and so must fit EIP-170's 24,576 bytes: a large read then
/// fails. Each call is a STATICCALL: this contract reads and cannot be used to act, it holds
/// nothing and has no owner.
contract BatchReader is IBatchReader {
    /// @inheritdoc IBatchReader
    function aggregate3(Call3[] calldata calls) external view returns (Result[] memory results) {
        results = new Result[](calls.length);
        for (uint256 i; i < calls.length; ++i) {
            Call3 calldata read = calls[i];
            (bool success, bytes memory returnData) = read.target.staticcall(read.callData);
            if (!success && !read.allowFailure) revert ReadFailed(i, returnData);
            results[i] = Result(success, returnData);
        }
    }
}
