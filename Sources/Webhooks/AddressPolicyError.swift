/// Why the allow-list in the server configuration could not be read; raised at startup so a
/// misconfigured guard never runs.
public enum AddressPolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The entry is neither an IP address nor a CIDR block with zero host bits.
    case invalidNetwork(String)

    public var description: String {
        switch self {
        case .invalidNetwork(let entry):
            "webhook address allow-list: \"\(entry)\" is not an IP address or CIDR network (host bits must be zero)"
        }
    }
}
