// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title Signatures
/// @notice EIP-712 struct hashes of what the network asks keys to sign. The domain (name, version,
/// chain id, verifying contract) is added by the verifying contract, so a signature made for one
/// chain or one deployment never verifies on another.
library Signatures {
    /// @dev Signed by a node key to let `provider` register it until `deadline`. `nonce` counts the
    /// key's removals, so a consent given before a removal cannot be replayed after it.
    bytes32 internal constant NODE_OWNERSHIP_TYPEHASH =
        keccak256("NodeOwnership(address provider,address nodeKey,uint256 nonce,uint256 deadline)");

    /// @dev Signed by a pool's compute manager key to let `nodeKey` of `provider` join pool `poolId`
    /// once, until `expiry`. `keyVersion` is the pool's manager key version when the invite was
    /// signed: every rotation bumps it, so a rotation voids the invites of every earlier key for good,
    /// even when the pool later rotates back to a key it used before. `provider` binds the invite to
    /// the provider the manager invited: a node key registered again by another provider gets none.
    bytes32 internal constant POOL_INVITE_TYPEHASH = keccak256(
        "PoolInvite(uint256 poolId,address nodeKey,address provider,uint256 nonce,uint256 expiry,uint256 keyVersion)"
    );

    function nodeOwnershipHash(address provider, address nodeKey, uint256 nonce, uint256 deadline)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(NODE_OWNERSHIP_TYPEHASH, provider, nodeKey, nonce, deadline));
    }

    function poolInviteHash(
        uint256 poolId,
        address nodeKey,
        address provider,
        uint256 nonce,
        uint256 expiry,
        uint256 keyVersion
    ) internal pure returns (bytes32) {
        return keccak256(abi.encode(POOL_INVITE_TYPEHASH, poolId, nodeKey, provider, nonce, expiry, keyVersion));
    }
}
