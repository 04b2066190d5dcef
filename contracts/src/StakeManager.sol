// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {PrimeNetworkModule} from "./base/PrimeNetworkModule.sol";
import {IStakeManager} from "./interfaces/IStakeManager.sol";

/// @title StakeManager
/// @notice Holds providers' stake. Its token balance always equals the sum of active stake and
/// pending unbonds: every token that enters is owed to a provider or, once slashed, sent to the treasury.
contract StakeManager is IStakeManager, PrimeNetworkModule, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @dev Active and unbonding stake of one provider, in one slot.
    struct Account {
        uint128 active;
        uint128 unbonding;
    }

    /* CONSTANTS */

    /// @inheritdoc IStakeManager
    uint256 public constant MAX_PENDING_UNBONDS = 16;

    /// @inheritdoc IStakeManager
    uint256 public constant MAX_UNBONDING_PERIOD = 365 days;

    IERC20 internal immutable _TOKEN;

    /* STORAGE */

    address internal _treasury;
    uint64 internal _unbondingPeriod;
    mapping(address provider => Account) internal _accounts;
    /// @dev Oldest first; at most MAX_PENDING_UNBONDS entries, so withdraw and slash stay bounded.
    mapping(address provider => Unbond[]) internal _unbonds;

    constructor(address primeNetwork_, address token_, address treasury_, uint256 unbondingPeriod_)
        PrimeNetworkModule(primeNetwork_)
    {
        if (token_ == address(0)) revert ZeroAddress();
        _TOKEN = IERC20(token_);
        _setTreasury(treasury_);
        _setUnbondingPeriod(unbondingPeriod_);
    }

    /* VIEWS */

    /// @inheritdoc IStakeManager
    function token() external view returns (address) {
        return address(_TOKEN);
    }

    /// @inheritdoc IStakeManager
    function unbondingPeriod() external view returns (uint256) {
        return _unbondingPeriod;
    }

    /// @inheritdoc IStakeManager
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @inheritdoc IStakeManager
    function activeStake(address provider) external view returns (uint256) {
        return _accounts[provider].active;
    }

    /// @inheritdoc IStakeManager
    function unbondingStake(address provider) external view returns (uint256) {
        return _accounts[provider].unbonding;
    }

    /// @inheritdoc IStakeManager
    function pendingUnbonds(address provider) external view returns (Unbond[] memory) {
        return _unbonds[provider];
    }

    /// @inheritdoc IStakeManager
    function withdrawableStake(address provider) external view returns (uint256 amount) {
        Unbond[] storage list = _unbonds[provider];
        for (uint256 i; i < list.length; ++i) {
            if (list[i].unlockTime <= block.timestamp) amount += list[i].amount;
        }
    }

    /* STAKE */

    /// @inheritdoc IStakeManager
    function stake(address provider, uint256 amount) external onlyPrimeNetwork nonReentrant returns (uint256 rebonded) {
        if (amount == 0) revert ZeroAmount();
        Account storage account = _accounts[provider];
        uint256 active = account.active;
        if (amount > type(uint128).max - active) revert AmountTooLarge(amount, type(uint128).max - active);

        // Rebond the newest unbonds first: they are the ones the provider would wait longest for.
        Unbond[] storage list = _unbonds[provider];
        uint256 remaining = amount;
        for (uint256 n = list.length; remaining != 0 && n != 0; --n) {
            uint256 unbonding = list[n - 1].amount;
            if (unbonding <= remaining) {
                remaining -= unbonding;
                list.pop();
            } else {
                list[n - 1].amount = uint128(unbonding - remaining);
                remaining = 0;
            }
        }
        rebonded = amount - remaining;

        active += amount;
        account.active = uint128(active);
        if (rebonded != 0) account.unbonding -= uint128(rebonded);

        emit Staked(provider, amount, rebonded, active);

        if (remaining != 0) _TOKEN.safeTransferFrom(provider, address(this), remaining);
    }

    /// @inheritdoc IStakeManager
    function unbond(address provider, uint256 amount) external onlyPrimeNetwork returns (uint64 unlockTime) {
        if (amount == 0) revert ZeroAmount();
        Account storage account = _accounts[provider];
        uint256 active = account.active;
        if (amount > active) revert InsufficientActiveStake(provider, amount, active);
        Unbond[] storage list = _unbonds[provider];
        if (list.length >= MAX_PENDING_UNBONDS) revert TooManyPendingUnbonds(provider, MAX_PENDING_UNBONDS);

        unlockTime = uint64(block.timestamp) + _unbondingPeriod;
        account.active = uint128(active - amount);
        account.unbonding += uint128(amount);
        list.push(Unbond({amount: uint128(amount), unlockTime: unlockTime}));

        emit UnbondStarted(provider, amount, unlockTime, active - amount);
    }

    /// @inheritdoc IStakeManager
    function withdraw(address provider) external onlyPrimeNetwork nonReentrant returns (uint256 amount) {
        // Unlock times need not be in order (the period can change), so every entry is looked at
        // and the ones still locked are kept in their order.
        Unbond[] storage list = _unbonds[provider];
        uint256 length = list.length;
        uint256 kept;
        for (uint256 i; i < length; ++i) {
            Unbond memory entry = list[i];
            if (entry.unlockTime <= block.timestamp) {
                amount += entry.amount;
            } else {
                if (kept != i) list[kept] = entry;
                ++kept;
            }
        }
        if (amount == 0) revert NothingToWithdraw(provider);
        for (; length > kept; --length) {
            list.pop();
        }
        _accounts[provider].unbonding -= uint128(amount);

        emit Withdrawn(provider, amount);

        _TOKEN.safeTransfer(provider, amount);
    }

    /// @inheritdoc IStakeManager
    function slash(address provider, uint256 amount) external onlyPrimeNetwork nonReentrant returns (uint256 slashed) {
        if (amount == 0) revert ZeroAmount();
        Account storage account = _accounts[provider];
        uint256 fromActive = account.active < amount ? account.active : amount;
        uint256 remaining = amount - fromActive;

        // Matured-but-unwithdrawn unbonds are still stake: take from every entry, oldest first.
        uint256 fromUnbonding;
        if (remaining != 0) {
            Unbond[] storage list = _unbonds[provider];
            uint256 length = list.length;
            uint256 kept;
            for (uint256 i; i < length; ++i) {
                Unbond memory entry = list[i];
                uint256 take = entry.amount < remaining ? entry.amount : remaining;
                remaining -= take;
                fromUnbonding += take;
                entry.amount -= uint128(take);
                if (entry.amount != 0) {
                    if (kept != i || take != 0) list[kept] = entry;
                    ++kept;
                }
            }
            for (; length > kept; --length) {
                list.pop();
            }
        }

        account.active -= uint128(fromActive);
        account.unbonding -= uint128(fromUnbonding);
        slashed = fromActive + fromUnbonding;
        address to = _treasury;

        emit Slashed(provider, fromActive, fromUnbonding, to);

        if (slashed != 0) _TOKEN.safeTransfer(to, slashed);
    }

    /* PARAMETERS */

    /// @inheritdoc IStakeManager
    function setUnbondingPeriod(uint256 period) external onlyPrimeNetwork {
        _setUnbondingPeriod(period);
    }

    /// @inheritdoc IStakeManager
    function setTreasury(address newTreasury) external onlyPrimeNetwork {
        _setTreasury(newTreasury);
    }

    function _setUnbondingPeriod(uint256 period) internal {
        if (period > MAX_UNBONDING_PERIOD) revert UnbondingPeriodTooLong(period, MAX_UNBONDING_PERIOD);
        _unbondingPeriod = uint64(period);
        emit UnbondingPeriodSet(period);
    }

    /// @dev Tokens sent to a protocol contract would be stuck there (and in this contract they would
    /// break balance == active + unbonding), so the treasury is never one.
    function _setTreasury(address newTreasury) internal {
        if (newTreasury == address(0)) revert ZeroAddress();
        if (_PRIME_NETWORK.isProtocolContract(newTreasury)) revert InvalidTreasury(newTreasury);
        _treasury = newTreasury;
        emit TreasurySet(newTreasury);
    }
}
