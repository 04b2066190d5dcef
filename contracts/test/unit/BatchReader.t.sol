// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {IBatchReader} from "../../src/interfaces/IBatchReader.sol";
import {IComputePool} from "../../src/interfaces/IComputePool.sol";
import {BaseTest} from "../utils/BaseTest.sol";

contract BatchReaderTest is BaseTest {
    IBatchReader internal reader;

    function setUp() public override {
        super.setUp();
        // The production build, as the deploy script deploys it.
        reader = IBatchReader(deployCode("BatchReader.sol:BatchReader"));
    }

    function _call(address target, bool allowFailure, bytes memory data)
        internal
        pure
        returns (IBatchReader.Call3 memory)
    {
        return IBatchReader.Call3({target: target, allowFailure: allowFailure, callData: data});
    }

    function test_aggregate3_returnsEachReadInOrder() public view {
        IBatchReader.Call3[] memory calls = new IBatchReader.Call3[](3);
        calls[0] = _call(address(token), false, abi.encodeCall(IERC20.balanceOf, (provider)));
        calls[1] = _call(address(network), false, abi.encodeCall(network.stakeMinimum, ()));
        calls[2] = _call(address(token), false, abi.encodeCall(IERC20.totalSupply, ()));

        IBatchReader.Result[] memory results = reader.aggregate3(calls);

        assertEq(results.length, 3);
        assertTrue(results[0].success && results[1].success && results[2].success);
        assertEq(abi.decode(results[0].returnData, (uint256)), INITIAL_BALANCE);
        assertEq(abi.decode(results[1].returnData, (uint256)), STAKE_MINIMUM);
        assertEq(abi.decode(results[2].returnData, (uint256)), token.totalSupply());
    }

    function test_aggregate3_empty() public view {
        assertEq(reader.aggregate3(new IBatchReader.Call3[](0)).length, 0);
    }

    /// A read that may fail reports its revert data and the batch goes on.
    function test_aggregate3_allowedFailureKeepsRevertData() public view {
        IBatchReader.Call3[] memory calls = new IBatchReader.Call3[](2);
        calls[0] = _call(address(pools), true, abi.encodeCall(pools.getPool, (404)));
        calls[1] = _call(address(token), false, abi.encodeCall(IERC20.balanceOf, (provider)));

        IBatchReader.Result[] memory results = reader.aggregate3(calls);

        assertFalse(results[0].success);
        assertEq(results[0].returnData, abi.encodeWithSelector(IComputePool.PoolNotFound.selector, 404));
        assertTrue(results[1].success);
        assertEq(abi.decode(results[1].returnData, (uint256)), INITIAL_BALANCE);
    }

    function test_aggregate3_RevertWhen_ReadMustNotFail() public {
        IBatchReader.Call3[] memory calls = new IBatchReader.Call3[](2);
        calls[0] = _call(address(token), false, abi.encodeCall(IERC20.balanceOf, (provider)));
        calls[1] = _call(address(pools), false, abi.encodeCall(pools.getPool, (404)));

        vm.expectRevert(
            abi.encodeWithSelector(
                IBatchReader.ReadFailed.selector, 1, abi.encodeWithSelector(IComputePool.PoolNotFound.selector, 404)
            )
        );
        reader.aggregate3(calls);
    }

    /// It only reads: a call that would move funds fails (STATICCALL), even from a funded reader.
    function test_aggregate3_cannotAct() public {
        deal(address(token), address(reader), 1e18);
        IBatchReader.Call3[] memory calls = new IBatchReader.Call3[](1);
        calls[0] = _call(address(token), true, abi.encodeCall(IERC20.transfer, (stranger, 1e18)));

        IBatchReader.Result[] memory results = reader.aggregate3(calls);

        assertFalse(results[0].success);
        assertEq(token.balanceOf(address(reader)), 1e18);
        assertEq(token.balanceOf(stranger), 0);
    }
}
