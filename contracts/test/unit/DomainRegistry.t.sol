// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ICommonErrors} from "../../src/interfaces/ICommonErrors.sol";
import {IDomainRegistry} from "../../src/interfaces/IDomainRegistry.sol";
import {IPrimeNetworkModule} from "../../src/interfaces/IPrimeNetworkModule.sol";
import {BaseTest} from "../utils/BaseTest.sol";

/// @notice DomainRegistry, driven by the federator through PrimeNetwork.
contract DomainRegistryTest is BaseTest {
    function _create(string memory name, address validationLogic, string memory uri) internal returns (uint256) {
        vm.prank(federator);
        return network.createDomain(name, validationLogic, uri);
    }

    function _update(uint256 domainId, address validationLogic, string memory uri) internal {
        vm.prank(federator);
        network.updateDomain(domainId, validationLogic, uri);
    }

    function _notFound(uint256 domainId) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(IDomainRegistry.DomainNotFound.selector, domainId);
    }

    function _assertDomain(uint256 domainId, string memory name, address validationLogic, string memory uri)
        internal
        view
    {
        IDomainRegistry.Domain memory domain = domains.getDomain(domainId);
        assertEq(domain.name, name, "name");
        assertEq(domain.validationLogic, validationLogic, "validationLogic");
        assertEq(domain.domainParametersURI, uri, "domainParametersURI");
    }

    /* CONSTRUCTOR */

    function test_constructor_setsPrimeNetwork() public view {
        assertEq(domains.primeNetwork(), address(network), "primeNetwork");
        assertEq(domains.domainCount(), 0, "no domains");
    }

    function test_constructor_revertsOnZeroPrimeNetwork() public {
        vm.expectRevert(ICommonErrors.ZeroAddress.selector);
        _deployArtifact("DomainRegistry", abi.encode(address(0)));
    }

    /* CREATE */

    function test_createDomain_idsStartAtOne() public {
        vm.expectEmit(address(domains));
        emit IDomainRegistry.DomainCreated(1, "inference", address(0), "ipfs://a");
        assertEq(_create("inference", address(0), "ipfs://a"), 1, "first id");

        vm.expectEmit(address(domains));
        emit IDomainRegistry.DomainCreated(2, "training", address(token), "ipfs://b");
        assertEq(_create("training", address(token), "ipfs://b"), 2, "second id");

        assertEq(domains.domainCount(), 2, "domainCount");
        _assertDomain(1, "inference", address(0), "ipfs://a");
        _assertDomain(2, "training", address(token), "ipfs://b");
    }

    function test_createDomain_acceptsEmptyParametersURI() public {
        uint256 domainId = _create("inference", address(0), "");
        _assertDomain(domainId, "inference", address(0), "");
    }

    function test_createDomain_acceptsAContract() public {
        uint256 domainId = _create("inference", address(rewards), "ipfs://a");
        assertEq(domains.getDomain(domainId).validationLogic, address(rewards), "validationLogic");
    }

    function test_createDomain_revertsOnEmptyName() public {
        vm.expectRevert(IDomainRegistry.EmptyDomainName.selector);
        _create("", address(0), "ipfs://a");
        assertEq(domains.domainCount(), 0, "nothing created");
    }

    function test_createDomain_revertsOnEoaValidationLogic() public {
        vm.expectRevert(abi.encodeWithSelector(IDomainRegistry.InvalidValidationLogic.selector, stranger));
        _create("inference", stranger, "ipfs://a");
        assertEq(domains.domainCount(), 0, "nothing created");
    }

    function testFuzz_createDomain_storesWhatWasGiven(string memory name, string memory uri) public {
        vm.assume(bytes(name).length != 0);
        uint256 domainId = _create(name, address(token), uri);
        _assertDomain(domainId, name, address(token), uri);
        assertTrue(domains.domainExists(domainId), "exists");
    }

    function test_createDomain_storesWhatWasGiven() public {
        testFuzz_createDomain_storesWhatWasGiven("video", "https://example.com/params.json");
    }

    /* UPDATE */

    function test_updateDomain_changesLogicAndURIButNotName() public {
        uint256 domainId = _create("inference", address(0), "ipfs://a");

        vm.expectEmit(address(domains));
        emit IDomainRegistry.DomainUpdated(domainId, address(token), "ipfs://b");
        _update(domainId, address(token), "ipfs://b");
        _assertDomain(domainId, "inference", address(token), "ipfs://b");

        vm.expectEmit(address(domains));
        emit IDomainRegistry.DomainUpdated(domainId, address(0), "");
        _update(domainId, address(0), "");
        _assertDomain(domainId, "inference", address(0), "");
        assertEq(domains.domainCount(), 1, "domainCount");
    }

    function test_updateDomain_leavesOtherDomainsAlone() public {
        _create("inference", address(0), "ipfs://a");
        uint256 second = _create("training", address(0), "ipfs://b");
        _update(second, address(token), "ipfs://c");
        _assertDomain(1, "inference", address(0), "ipfs://a");
        _assertDomain(second, "training", address(token), "ipfs://c");
    }

    function test_updateDomain_revertsOnEoaValidationLogic() public {
        uint256 domainId = _create("inference", address(0), "ipfs://a");
        vm.expectRevert(abi.encodeWithSelector(IDomainRegistry.InvalidValidationLogic.selector, stranger));
        _update(domainId, stranger, "ipfs://b");
        _assertDomain(domainId, "inference", address(0), "ipfs://a");
    }

    function test_updateDomain_revertsForUnknownDomain() public {
        vm.expectRevert(_notFound(0));
        _update(0, address(0), "");
        vm.expectRevert(_notFound(1));
        _update(1, address(0), "");

        _create("inference", address(0), "ipfs://a");
        vm.expectRevert(_notFound(0));
        _update(0, address(0), "");
        vm.expectRevert(_notFound(2));
        _update(2, address(0), "");
    }

    /* VIEWS */

    function test_getDomain_revertsForUnknownDomain() public {
        vm.expectRevert(_notFound(0));
        domains.getDomain(0);
        vm.expectRevert(_notFound(1));
        domains.getDomain(1);

        _create("inference", address(0), "ipfs://a");
        _create("training", address(0), "ipfs://b");
        vm.expectRevert(_notFound(0));
        domains.getDomain(0);
        vm.expectRevert(_notFound(3));
        domains.getDomain(3);
        vm.expectRevert(_notFound(type(uint256).max));
        domains.getDomain(type(uint256).max);
    }

    function test_domainExists_onlyForCreatedIds() public {
        assertFalse(domains.domainExists(0), "0 before");
        assertFalse(domains.domainExists(1), "1 before");
        _create("inference", address(0), "ipfs://a");
        assertFalse(domains.domainExists(0), "0 after");
        assertTrue(domains.domainExists(1), "1 after");
        assertFalse(domains.domainExists(2), "2 after");
    }

    /* ACCESS */

    function test_createDomain_revertsWhenCalledDirectly() public {
        vm.expectRevert(abi.encodeWithSelector(IPrimeNetworkModule.CallerNotPrimeNetwork.selector, federator));
        vm.prank(federator);
        domains.createDomain("inference", address(0), "ipfs://a");
    }

    function test_updateDomain_revertsWhenCalledDirectly() public {
        uint256 domainId = _create("inference", address(0), "ipfs://a");
        vm.expectRevert(abi.encodeWithSelector(IPrimeNetworkModule.CallerNotPrimeNetwork.selector, federator));
        vm.prank(federator);
        domains.updateDomain(domainId, address(0), "ipfs://b");
    }

    function test_createDomain_revertsForNonFederator() public {
        vm.expectRevert(
            abi.encodeWithSelector(ICommonErrors.MissingRole.selector, keccak256("FEDERATOR_ROLE"), validator)
        );
        vm.prank(validator);
        network.createDomain("inference", address(0), "ipfs://a");
    }
}
