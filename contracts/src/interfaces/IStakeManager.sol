// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IPrimeNetworkModule} from "./IPrimeNetworkModule.sol";

/// @title IStakeManager
/// @notice Holds providers' staked tokens. Reclaimed stake waits out an unbonding period before it
/// can be withdrawn, and stays slashable until then.
/// @dev Warning: the staking token must be a plain ERC-20 (no fee on transfer, no rebasing); the
/// accounting assumes the amount transferred is the amount received.
interface IStakeManager is IPrimeNetworkModule {
    /// @notice A pending unbond: `amount` becomes withdrawable at `unlockTime`.
    struct Unbond {
        uint128 amount;
        uint64 unlockTime;
    }

    /// @notice `provider` tried to unbond more than its active stake.
    error InsufficientActiveStake(address provider, uint256 requested, uint256 active);

    /// @notice `provider` already has the maximum number of pending unbonds; withdraw matured ones
    /// or wait before reclaiming more.
    error TooManyPendingUnbonds(address provider, uint256 max);

    /// @notice `provider` has nothing that has finished unbonding.
    error NothingToWithdraw(address provider);

    /// @notice `treasury` is a protocol contract or the token (see PrimeNetwork.isProtocolContract).
    error InvalidTreasury(address treasury);

    /// @notice An unbonding period above the allowed maximum.
    error UnbondingPeriodTooLong(uint256 period, uint256 max);

    /// @notice `provider` staked `amount` more tokens, of which `rebonded` came from its pending unbonds.
    /// @param provider The provider whose stake grew.
    /// @param amount The increase of active stake.
    /// @param rebonded The part of `amount` taken back from pending unbonds instead of the wallet.
    /// @param activeStake The provider's active stake afterwards.
    event Staked(address indexed provider, uint256 amount, uint256 rebonded, uint256 activeStake);

    /// @notice `provider` started unbonding `amount`, withdrawable from `unlockTime`.
    /// @param provider The provider reclaiming stake.
    /// @param amount The amount moved from active stake to a pending unbond.
    /// @param unlockTime When the unbond can be withdrawn.
    /// @param activeStake The provider's active stake afterwards.
    event UnbondStarted(address indexed provider, uint256 amount, uint64 unlockTime, uint256 activeStake);

    /// @notice `provider` withdrew `amount` of matured unbonds to its wallet.
    /// @param provider The provider that withdrew.
    /// @param amount The tokens transferred to the provider.
    event Withdrawn(address indexed provider, uint256 amount);

    /// @notice `provider` was slashed: `fromActive` + `fromUnbonding` tokens went to `treasury`.
    /// @param provider The slashed provider.
    /// @param fromActive The part taken from active stake.
    /// @param fromUnbonding The part taken from pending unbonds.
    /// @param treasury Where the slashed tokens went.
    event Slashed(address indexed provider, uint256 fromActive, uint256 fromUnbonding, address treasury);

    /// @notice The unbonding period for new unbonds changed.
    /// @param period The new period in seconds.
    event UnbondingPeriodSet(uint256 period);

    /// @notice Slashed tokens now go to `treasury`.
    /// @param treasury The new treasury.
    event TreasurySet(address indexed treasury);

    /// @notice The most pending unbonds one provider may have; keeps withdraw and slash bounded.
    function MAX_PENDING_UNBONDS() external view returns (uint256);

    /// @notice The longest unbonding period the federator may set.
    function MAX_UNBONDING_PERIOD() external view returns (uint256);

    /// @notice The staking token.
    function token() external view returns (address);

    /// @notice Seconds a reclaimed stake waits before it can be withdrawn.
    function unbondingPeriod() external view returns (uint256);

    /// @notice Where slashed tokens go.
    function treasury() external view returns (address);

    /// @notice `provider`'s active (bonded) stake.
    function activeStake(address provider) external view returns (uint256);

    /// @notice The sum of `provider`'s pending unbonds, matured or not.
    function unbondingStake(address provider) external view returns (uint256);

    /// @notice `provider`'s pending unbonds, oldest first.
    function pendingUnbonds(address provider) external view returns (Unbond[] memory);

    /// @notice The sum of `provider`'s pending unbonds whose unbonding period is over.
    function withdrawableStake(address provider) external view returns (uint256);

    /// @notice Adds `amount` to `provider`'s active stake, rebonding its newest pending unbonds first
    /// and pulling the rest from `provider`'s wallet (needs an allowance to this contract).
    /// @dev Only PrimeNetwork.
    /// @return rebonded The part taken back from pending unbonds.
    function stake(address provider, uint256 amount) external returns (uint256 rebonded);

    /// @notice Moves `amount` of `provider`'s active stake into a pending unbond.
    /// @dev Only PrimeNetwork, which checks the provider's minimum stake first.
    /// @return unlockTime When the unbond can be withdrawn.
    function unbond(address provider, uint256 amount) external returns (uint64 unlockTime);

    /// @notice Transfers all of `provider`'s matured unbonds to `provider`.
    /// @dev Only PrimeNetwork. Never paused.
    /// @return amount The tokens transferred.
    function withdraw(address provider) external returns (uint256 amount);

    /// @notice Takes up to `amount` from `provider`'s active stake, then from its pending unbonds
    /// (oldest first, matured ones included), and sends it to the treasury.
    /// @dev Only PrimeNetwork.
    /// @return slashed The amount actually taken (less than `amount` when the provider has less).
    function slash(address provider, uint256 amount) external returns (uint256 slashed);

    /// @notice Sets the unbonding period for unbonds started from now on.
    /// @dev Only PrimeNetwork.
    function setUnbondingPeriod(uint256 period) external;

    /// @notice Sets where slashed tokens go: never zero, a protocol contract or the token.
    /// @dev Only PrimeNetwork.
    function setTreasury(address newTreasury) external;
}
