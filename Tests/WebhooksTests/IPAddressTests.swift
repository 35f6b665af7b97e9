import Testing
import Webhooks

@Suite struct IPAddressTests {
    static let parsedLiterals: [(literal: String, bytes: [UInt8])] = [
        ("203.0.113.7", [203, 0, 113, 7]),
        ("0.0.0.0", [0, 0, 0, 0]),
        ("255.255.255.255", [255, 255, 255, 255]),
        ("::1", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
        ("::ffff:127.0.0.1", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1]),
        ("2001:DB8::A", [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0a]),
    ]

    @Test(arguments: parsedLiterals)
    func literalsParseToTheirBytes(literal: String, bytes: [UInt8]) throws {
        let address = try #require(IPAddress(literal))
        #expect(address.bytes == bytes)
        #expect(address.family == (bytes.count == 4 ? .v4 : .v6))
    }

    @Test(arguments: [
        "", "localhost", "127.1", "0x7f.0.0.1", "0177.0.0.1", "2130706433", "127.0.0.1.", "256.0.0.1",
        "1.2.3", "1.2.3.4/32", " 1.2.3.4", "[::1]", "fe80::1%eth0", "::1::", "1:2:3:4:5:6:7:8:9", "١٢٧.0.0.1",
    ])
    func ambiguousOrInvalidLiteralsAreRejected(literal: String) {
        #expect(IPAddress(literal) == nil)
    }

    @Test(arguments: [
        ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ("::FFFF:7F00:1", "::ffff:127.0.0.1"),
        ("010.001.000.001", nil),
        ("10.1.0.1", "10.1.0.1"),
    ])
    func descriptionIsCanonical(literal: String, canonical: String?) {
        #expect(IPAddress(literal)?.description == canonical)
    }

    @Test func mappedIPv4IsExtractedOnlyFromMappedAddresses() {
        #expect(IPAddress("::ffff:10.0.0.1")?.ipv4Mapped == IPAddress("10.0.0.1"))
        #expect(IPAddress("::10.0.0.1")?.ipv4Mapped == nil)
        #expect(IPAddress("10.0.0.1")?.ipv4Mapped == nil)
    }

    @Test func bytesOfTheWrongCountAreNotAnAddress() {
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
        #expect(IPAddress(bytes: [UInt8](repeating: 0, count: 17)) == nil)
        #expect(IPAddress(bytes: [8, 8, 8, 8])?.description == "8.8.8.8")
    }

    @Test(arguments: [
        ("10.0.0.0/8", "10.255.255.255", true),
        ("10.0.0.0/8", "11.0.0.0", false),
        ("172.16.0.0/12", "172.31.255.255", true),
        ("172.16.0.0/12", "172.32.0.0", false),
        ("0.0.0.0/0", "8.8.8.8", true),
        ("0.0.0.0/0", "::1", false),
        ("::1/128", "::1", true),
        ("::1/128", "::2", false),
        ("fe80::/10", "febf:ffff::1", true),
        ("fe80::/10", "fec0::1", false),
        ("127.0.0.1", "127.0.0.1", true),
        ("127.0.0.1", "127.0.0.2", false),
    ])
    func networksContainExactlyTheirRange(cidr: String, candidate: String, contained: Bool) throws {
        let network = try #require(IPNetwork(cidr))
        let address = try #require(IPAddress(candidate))
        #expect(network.contains(address) == contained)
    }

    @Test(arguments: ["127.0.0.1/8", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "/8", "x/8"])
    func malformedNetworksAreRejected(cidr: String) {
        #expect(IPNetwork(cidr) == nil)
    }
}
