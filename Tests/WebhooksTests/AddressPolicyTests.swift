import Testing
import Webhooks

@Suite struct AddressPolicyTests {
    @Test(arguments: [
        ("8.8.8.8", AddressCategory.public),
        ("1.1.1.1", .public),
        ("203.0.114.1", .public),
        ("0.0.0.0", .unspecified),
        ("0.1.2.3", .thisNetwork),
        ("10.0.0.1", .private),
        ("100.63.255.255", .public),
        ("100.64.0.1", .sharedAddressSpace),
        ("100.127.255.255", .sharedAddressSpace),
        ("100.128.0.0", .public),
        ("127.0.0.1", .loopback),
        ("127.255.255.254", .loopback),
        ("169.254.169.254", .linkLocal),
        ("172.15.255.255", .public),
        ("172.16.0.1", .private),
        ("172.31.255.255", .private),
        ("172.32.0.0", .public),
        ("192.0.0.8", .reserved),
        ("192.0.2.1", .documentation),
        ("192.88.99.1", .reserved),
        ("192.168.1.1", .private),
        ("198.18.0.1", .benchmarking),
        ("198.19.255.255", .benchmarking),
        ("198.20.0.0", .public),
        ("198.51.100.7", .documentation),
        ("203.0.113.7", .documentation),
        ("224.0.0.1", .multicast),
        ("239.255.255.255", .multicast),
        ("240.0.0.1", .reserved),
        ("255.255.255.255", .broadcast),
        ("2606:4700:4700::1111", .public),
        ("2001:4860:4860::8888", .public),
        ("::", .unspecified),
        ("::1", .loopback),
        ("::ffff:127.0.0.1", .loopback),
        ("::ffff:7f00:1", .loopback),
        ("::ffff:10.1.2.3", .private),
        ("::ffff:169.254.169.254", .linkLocal),
        ("::ffff:0.0.0.0", .unspecified),
        ("::ffff:8.8.8.8", .public),
        ("::127.0.0.1", .reserved),
        ("64:ff9b::7f00:1", .loopback),
        ("64:ff9b::a00:1", .private),
        ("64:ff9b::808:808", .public),
        ("64:ff9b:1::1", .private),
        ("2002:7f00:1::", .loopback),
        ("2002:c0a8:101::1", .private),
        ("2002:808:808::1", .public),
        ("100::1", .reserved),
        ("2001::1", .reserved),
        ("2001:2::1", .benchmarking),
        ("2001:db8::1", .documentation),
        ("3fff::1", .documentation),
        ("fc00::1", .private),
        ("fd12:3456:789a::1", .private),
        ("fe80::1", .linkLocal),
        ("fec0::1", .private),
        ("ff02::1", .multicast),
        ("4000::1", .reserved),
        ("::ffff:0:7f00:1", .reserved),
    ])
    func addressesAreClassified(literal: String, category: AddressCategory) throws {
        let address = try #require(IPAddress(literal))
        #expect(address.category == category)
    }

    @Test func publicAddressesAreAllowed() {
        #expect(AddressPolicy().check(address: "93.184.215.14") == .allowed)
        #expect(AddressPolicy().check(address: "2a00:1450:4001:80b::200e") == .allowed)
    }

    @Test(arguments: [
        ("127.0.0.1", "refused: 127.0.0.1 is a loopback address"),
        ("::ffff:127.0.0.1", "refused: ::ffff:127.0.0.1 is a loopback address"),
        ("0.0.0.0", "refused: 0.0.0.0 is the unspecified address"),
        ("10.0.0.5", "refused: 10.0.0.5 is a private address"),
        ("169.254.169.254", "refused: 169.254.169.254 is a link-local address"),
        ("100.64.0.1", "refused: 100.64.0.1 is a carrier-grade NAT (shared) address"),
        ("FE80::1", "refused: fe80::1 is a link-local address"),
        ("localhost", "refused: localhost is not an IP address"),
    ])
    func nonPublicAddressesAreRefusedWithAReason(literal: String, reason: String) {
        #expect(AddressPolicy().check(address: literal) == .refused(reason: reason))
    }

    @Test func allowListLetsLoopbackThrough() throws {
        let policy = try AddressPolicy(allowList: "127.0.0.0/8, ::1/128")
        #expect(policy.check(address: "127.0.0.1") == .allowed)
        #expect(policy.check(address: "127.8.9.10") == .allowed)
        #expect(policy.check(address: "::1") == .allowed)
        #expect(policy.check(address: "::ffff:127.0.0.1") == .allowed)
        #expect(policy.check(address: "10.0.0.1") == .refused(reason: "refused: 10.0.0.1 is a private address"))
        #expect(policy.check(address: "0.0.0.0") != .allowed)
    }

    @Test func allowListEntriesMayBeSingleAddressesSeparatedByWhitespace() throws {
        let policy = try AddressPolicy(allowList: " 192.168.1.20\n\tfd00::/8 ")
        #expect(policy.allowList.map(\.description) == ["192.168.1.20/32", "fd00::/8"])
        #expect(policy.check(address: "192.168.1.20") == .allowed)
        #expect(policy.check(address: "192.168.1.21") != .allowed)
        #expect(policy.check(address: "fd00::7") == .allowed)
    }

    @Test func emptyAllowListAllowsNothingExtra() throws {
        let policy = try AddressPolicy(allowList: "")
        #expect(policy.allowList.isEmpty)
        #expect(policy.check(address: "127.0.0.1") != .allowed)
    }

    @Test(arguments: ["127.0.0.1/8", "localhost", "10.0.0.0/8;", "300.0.0.0/8"])
    func malformedAllowListIsAnError(entry: String) {
        #expect(throws: AddressPolicyError.invalidNetwork(entry)) {
            try AddressPolicy(allowList: "::1/128, \(entry)")
        }
    }
}
