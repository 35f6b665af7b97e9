/// A CIDR block such as `10.0.0.0/8` or `fc00::/7`: the unit of both the built-in table of
/// non-public ranges and the operator's allow-list.
public struct IPNetwork: Hashable, Sendable, CustomStringConvertible {
    /// The first address of the block (host bits are always zero).
    public let address: IPAddress
    /// How many leading bits are fixed: 0...32 for IPv4, 0...128 for IPv6.
    public let prefixLength: Int

    /// Parses `address/prefix`, or a bare address meaning a single host (`/32` or `/128`).
    ///
    /// Host bits must be zero (`127.0.0.1/8` is refused): an allow-list is security
    /// configuration, and a typo there should stop the server rather than widen or narrow the
    /// hole silently.
    public init?(_ cidr: String) {
        let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPAddress(String(parts[0])) else { return nil }
        let maximum = address.bytes.count * 8
        var length = maximum
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits),
                value <= maximum
            else { return nil }
            length = value
        }
        guard IPNetwork.masked(address.bytes, prefixLength: length) == address.bytes else { return nil }
        self.address = address
        self.prefixLength = length
    }

    /// Whether `candidate` lies inside this block; an address of the other family never does.
    public func contains(_ candidate: IPAddress) -> Bool {
        guard candidate.family == address.family else { return false }
        return IPNetwork.masked(candidate.bytes, prefixLength: prefixLength) == address.bytes
    }

    /// `address/prefix` in canonical form, as it would be written in the configuration.
    public var description: String { "\(address)/\(prefixLength)" }

    private static func masked(_ bytes: [UInt8], prefixLength: Int) -> [UInt8] {
        var result = bytes
        for index in result.indices {
            let bitsKept = min(max(prefixLength - index * 8, 0), 8)
            let mask: UInt8 = bitsKept == 0 ? 0 : UInt8(truncatingIfNeeded: 0xff << (8 - bitsKept))
            result[index] &= mask
        }
        return result
    }
}
