// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "forge-std/Test.sol";

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

import {ProtocolDeployer} from "../../script/ProtocolDeployer.sol";
import {IPrimeToken} from "../../src/interfaces/IPrimeToken.sol";
import {Permits} from "../utils/Permits.sol";

/// @notice PrimeToken: the mint role and ERC-2612 permit.
contract PrimeTokenTest is Test, ProtocolDeployer {
    IPrimeToken internal token;
    address internal admin = makeAddr("admin");
    address internal minter = makeAddr("minter");
    address internal spender = makeAddr("spender");
    address internal stranger = makeAddr("stranger");
    address internal owner;
    uint256 internal ownerPk;

    function setUp() public {
        (owner, ownerPk) = makeAddrAndKey("owner");
        token = _deployToken(admin);
    }

    function _permitDigest(address owner_, address spender_, uint256 value, uint256 nonce, uint256 deadline)
        internal
        view
        returns (bytes32)
    {
        return Permits.digest(token, owner_, spender_, value, nonce, deadline);
    }

    /* METADATA AND ROLES */

    function test_constructor_setsMetadataAndRoles() public view {
        assertEq(token.name(), "Prime Network Token", "name");
        assertEq(token.symbol(), "PRIME", "symbol");
        assertEq(token.decimals(), 18, "decimals");
        assertEq(token.totalSupply(), 0, "totalSupply");
        assertEq(token.MINTER_ROLE(), keccak256("MINTER_ROLE"), "MINTER_ROLE");
        assertTrue(token.hasRole(AccessControl(address(token)).DEFAULT_ADMIN_ROLE(), admin), "admin");
        assertTrue(token.hasRole(token.MINTER_ROLE(), admin), "admin mints");
        assertFalse(token.hasRole(token.MINTER_ROLE(), address(this)), "deployer does not mint");
    }

    function test_domainSeparator_isEip712() public view {
        bytes32 expected = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("Prime Network Token"),
                keccak256("1"),
                block.chainid,
                address(token)
            )
        );
        assertEq(token.DOMAIN_SEPARATOR(), expected, "DOMAIN_SEPARATOR");
    }

    /* MINT */

    function test_mint_byMinter() public {
        vm.prank(admin);
        token.mint(owner, 123e18);
        assertEq(token.balanceOf(owner), 123e18, "balance");
        assertEq(token.totalSupply(), 123e18, "totalSupply");
    }

    function test_mint_revertsWithoutMinterRole() public {
        bytes32 role = token.MINTER_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, role)
        );
        vm.prank(stranger);
        token.mint(stranger, 1);
        assertEq(token.totalSupply(), 0, "totalSupply");
    }

    function test_mint_grantedAndRevokedMinter() public {
        bytes32 role = token.MINTER_ROLE();
        vm.prank(admin);
        token.grantRole(role, minter);
        vm.prank(minter);
        token.mint(owner, 5e18);
        assertEq(token.balanceOf(owner), 5e18, "minted by granted minter");

        vm.prank(admin);
        token.revokeRole(role, minter);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, minter, role));
        vm.prank(minter);
        token.mint(owner, 1);
    }

    function test_grantRole_revertsForNonAdmin() public {
        bytes32 role = token.MINTER_ROLE();
        bytes32 adminRole = AccessControl(address(token)).DEFAULT_ADMIN_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, adminRole)
        );
        vm.prank(stranger);
        token.grantRole(role, stranger);
    }

    /* PERMIT */

    function testFuzz_permit_setsAllowance(uint256 value, uint256 deadline) public {
        deadline = bound(deadline, vm.getBlockTimestamp(), type(uint256).max);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(ownerPk, _permitDigest(owner, spender, value, 0, deadline));

        vm.prank(stranger); // anyone may submit it
        token.permit(owner, spender, value, deadline, v, r, s);

        assertEq(token.allowance(owner, spender), value, "allowance");
        assertEq(token.nonces(owner), 1, "nonce");
    }

    function test_permit_setsAllowance() public {
        testFuzz_permit_setsAllowance(100e18, vm.getBlockTimestamp() + 1 hours);
    }

    function test_permit_allowanceIsSpendable() public {
        vm.prank(admin);
        token.mint(owner, 100e18);
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(ownerPk, _permitDigest(owner, spender, 60e18, 0, deadline));
        token.permit(owner, spender, 60e18, deadline, v, r, s);

        vm.prank(spender);
        assertTrue(token.transferFrom(owner, stranger, 60e18), "transferFrom returns true");
        assertEq(token.balanceOf(stranger), 60e18, "moved");
        assertEq(token.balanceOf(owner), 40e18, "left");
        assertEq(token.allowance(owner, spender), 0, "allowance spent");
    }

    function test_permit_revertsWhenExpired() public {
        vm.warp(1_700_000_000);
        uint256 deadline = 1_700_000_000 - 1;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(ownerPk, _permitDigest(owner, spender, 1e18, 0, deadline));
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612ExpiredSignature.selector, deadline));
        token.permit(owner, spender, 1e18, deadline, v, r, s);
    }

    function test_permit_revertsForWrongSigner() public {
        (address other, uint256 otherPk) = makeAddrAndKey("other");
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(otherPk, _permitDigest(owner, spender, 1e18, 0, deadline));
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, other, owner));
        token.permit(owner, spender, 1e18, deadline, v, r, s);
    }

    function test_permit_revertsOnReplay() public {
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        bytes32 digest = _permitDigest(owner, spender, 1e18, 0, deadline);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(ownerPk, digest);
        token.permit(owner, spender, 1e18, deadline, v, r, s);

        // The nonce moved on, so the same signature now recovers to some other address.
        address recovered = ecrecover(_permitDigest(owner, spender, 1e18, 1, deadline), v, r, s);
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, recovered, owner));
        token.permit(owner, spender, 1e18, deadline, v, r, s);
    }

    function test_permit_revertsOnAnotherChain() public {
        uint256 deadline = vm.getBlockTimestamp() + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(ownerPk, _permitDigest(owner, spender, 1e18, 0, deadline));
        vm.chainId(block.chainid + 1);
        address recovered = ecrecover(_permitDigest(owner, spender, 1e18, 0, deadline), v, r, s);
        assertNotEq(recovered, owner, "domain changed with the chain");
        vm.expectRevert(abi.encodeWithSelector(ERC20Permit.ERC2612InvalidSigner.selector, recovered, owner));
        token.permit(owner, spender, 1e18, deadline, v, r, s);
    }
}
