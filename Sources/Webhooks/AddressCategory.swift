/// What kind of address a webhook would connect to. Everything but `.public` can reach into our
/// own host or network (or nowhere useful), so the SSRF guard refuses it unless allow-listed.
public enum AddressCategory: String, Sendable, Hashable, CaseIterable {
    case `public`
    case loopback
    case `private`
    case linkLocal
    /// 100.64.0.0/10, carrier-grade NAT: not ours, but not the public internet either.
    case sharedAddressSpace
    case unspecified
    /// 0.0.0.0/8 other than 0.0.0.0 itself; Linux routes some of it to the local host.
    case thisNetwork
    case multicast
    case broadcast
    case documentation
    case benchmarking
    /// Reserved, deprecated or special-purpose ranges that no receiver should live in.
    case reserved

    /// Only public addresses may be reached without an allow-list entry.
    public var isPublic: Bool { self == .public }

    /// The noun phrase used in refusals ("127.0.0.1 is a loopback address"), shared by the
    /// connect-time log and the form error so both tell the operator the same thing.
    public var phrase: String {
        switch self {
        case .public: "a public address"
        case .loopback: "a loopback address"
        case .private: "a private address"
        case .linkLocal: "a link-local address"
        case .sharedAddressSpace: "a carrier-grade NAT (shared) address"
        case .unspecified: "the unspecified address"
        case .thisNetwork: "a \"this network\" address (0.0.0.0/8)"
        case .multicast: "a multicast address"
        case .broadcast: "the broadcast address"
        case .documentation: "a documentation address"
        case .benchmarking: "a benchmarking address"
        case .reserved: "a reserved address"
        }
    }
}
