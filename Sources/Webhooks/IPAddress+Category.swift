extension IPAddress {
    /// The kind of address this is, after IANA's special-purpose registries (RFC 6890 and
    /// successors). IPv6 is judged conservatively: anything outside global unicast 2000::/3 is
    /// reserved, and addresses that embed an IPv4 address (mapped, NAT64, 6to4) are judged by
    /// it, since that is the host the packets end up at.
    public var category: AddressCategory {
        if let mapped = ipv4Mapped { return mapped.category }
        if let embedded = embeddedIPv4 { return embedded.category }
        let table = family == .v4 ? IPAddress.ipv4Ranges : IPAddress.ipv6Ranges
        if let match = table.first(where: { $0.network.contains(self) }) { return match.category }
        if family == .v6 && !IPAddress.globalUnicast.contains(self) { return .reserved }
        return .public
    }

    /// The IPv4 address a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address leads to: a
    /// translator would forward to it, so a private one there is still a private destination.
    var embeddedIPv4: IPAddress? {
        if IPAddress.nat64.contains(self) { return IPAddress(bytes: bytes[12..<16]) }
        if IPAddress.sixToFour.contains(self) { return IPAddress(bytes: bytes[2..<6]) }
        return nil
    }

    private static let nat64 = IPNetwork("64:ff9b::/96")!
    private static let sixToFour = IPNetwork("2002::/16")!
    private static let globalUnicast = IPNetwork("2000::/3")!

    /// Most specific first: the first match wins.
    private static let ipv4Ranges: [(network: IPNetwork, category: AddressCategory)] = ranges([
        ("0.0.0.0/32", .unspecified),
        ("0.0.0.0/8", .thisNetwork),
        ("10.0.0.0/8", .private),
        ("100.64.0.0/10", .sharedAddressSpace),
        ("127.0.0.0/8", .loopback),
        ("169.254.0.0/16", .linkLocal),
        ("172.16.0.0/12", .private),
        ("192.0.0.0/24", .reserved),
        ("192.0.2.0/24", .documentation),
        ("192.88.99.0/24", .reserved),
        ("192.168.0.0/16", .private),
        ("198.18.0.0/15", .benchmarking),
        ("198.51.100.0/24", .documentation),
        ("203.0.113.0/24", .documentation),
        ("224.0.0.0/4", .multicast),
        ("255.255.255.255/32", .broadcast),
        ("240.0.0.0/4", .reserved),
    ])

    private static let ipv6Ranges: [(network: IPNetwork, category: AddressCategory)] = ranges([
        ("::/128", .unspecified),
        ("::1/128", .loopback),
        ("::/96", .reserved),
        ("64:ff9b:1::/48", .private),
        ("100::/64", .reserved),
        ("2001:2::/48", .benchmarking),
        ("2001:db8::/32", .documentation),
        ("2001::/23", .reserved),
        ("3fff::/20", .documentation),
        ("fc00::/7", .private),
        ("fe80::/10", .linkLocal),
        ("fec0::/10", .private),
        ("ff00::/8", .multicast),
    ])

    private static func ranges(
        _ entries: [(cidr: String, category: AddressCategory)]
    ) -> [(network: IPNetwork, category: AddressCategory)] {
        entries.map { (IPNetwork($0.cidr)!, $0.category) }
    }
}
