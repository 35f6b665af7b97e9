#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An IPv4 or IPv6 address as raw bytes, so the SSRF guard can reason about ranges instead of
/// text (text has too many spellings of the same address to compare safely).
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// Which protocol the address belongs to; a network only ever contains addresses of its own family.
    public enum Family: Sendable, Hashable {
        case v4
        case v6
    }

    /// Network-order bytes: 4 for IPv4, 16 for IPv6.
    public let bytes: [UInt8]

    /// The family follows from the byte count, so the two can never disagree.
    public var family: Family { bytes.count == 4 ? .v4 : .v6 }

    /// Parses a strict textual literal: dotted-quad IPv4 (`203.0.113.7`) or IPv6 (`2001:db8::1`,
    /// `::ffff:127.0.0.1`), without brackets, zone ids or prefix lengths.
    ///
    /// `inet_pton` is used on purpose: it refuses the legacy spellings (`127.1`, `0x7f.0.0.1`,
    /// `0177.0.0.1`, `2130706433`) that `inet_aton` and URL parsers would quietly turn into
    /// loopback, so anything accepted here has exactly one meaning.
    public init?(_ literal: String) {
        guard !literal.isEmpty, literal.utf8.count <= 45 else { return nil }
        if literal.contains(":") {
            var buffer = [UInt8](repeating: 0, count: 16)
            let parsed = buffer.withUnsafeMutableBytes { inet_pton(AF_INET6, literal, $0.baseAddress) }
            guard parsed == 1 else { return nil }
            bytes = buffer
        } else {
            var buffer = [UInt8](repeating: 0, count: 4)
            let parsed = buffer.withUnsafeMutableBytes { inet_pton(AF_INET, literal, $0.baseAddress) }
            guard parsed == 1 else { return nil }
            bytes = buffer
        }
    }

    /// Builds an address from the bytes of a resolved socket address (4 or 16 of them), which is
    /// how the connect-time check sees the peer without handing C pointers around.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = Array(bytes)
    }

    /// The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), because a socket
    /// connecting to one of those reaches the IPv4 host: it must be judged as that host.
    public var ipv4Mapped: IPAddress? {
        guard family == .v6, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff else {
            return nil
        }
        return IPAddress(bytes: bytes[12..<16])
    }

    /// The canonical text (RFC 5952 for IPv6), so messages and logs show one spelling per address.
    public var description: String {
        var buffer = [CChar](repeating: 0, count: 64)
        let family = self.family == .v4 ? AF_INET : AF_INET6
        let written = bytes.withUnsafeBytes { source in
            buffer.withUnsafeMutableBufferPointer { target in
                inet_ntop(family, source.baseAddress, target.baseAddress, socklen_t(target.count))
            }
        }
        guard written != nil else { return bytes.map(String.init).joined(separator: ".") }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
