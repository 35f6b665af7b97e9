/// The SSRF guard as the delivery thread applies it: `AddressPolicy` for every address libcurl is
/// about to connect to, plus an operator switch that turns off public destinations altogether.
///
/// With `allowPublic` off only allow-listed networks are reachable and host names other than
/// `localhost` are refused before any DNS lookup, so a test or staging server whose database holds
/// customers' real URLs cannot call out, nor even ask a resolver about them.
public struct DestinationGuard: Sendable {
    /// The save-time and connect-time rules shared with the portal.
    public let policy: AddressPolicy
    /// Whether public addresses may be reached (the production setting).
    public let allowPublic: Bool

    public init(policy: AddressPolicy, allowPublic: Bool = true) {
        self.policy = policy
        self.allowPublic = allowPublic
    }

    /// Judges a stored URL before anything is resolved: the same checks as when it was saved
    /// (the allow-list may have changed since), and the no-public-destinations switch.
    public func check(url text: String) -> Result<WebhookURL, Refusal> {
        let url: WebhookURL
        do {
            url = try WebhookURL(validating: text, policy: policy)
        } catch {
            return .failure(Refusal(reason: "refused: \(error.message)"))
        }
        if !allowPublic {
            if let address = url.address, case .refused(let reason) = check(address: address) {
                return .failure(Refusal(reason: reason))
            }
            if url.address == nil && !Self.isLocalhost(url.host) {
                return .failure(
                    Refusal(
                        reason: "refused: \(url.host) is a host name and public destinations are turned off "
                            + "(webhook_allow_public = false); it was not resolved"))
            }
        }
        return .success(url)
    }

    /// Judges the address a connection is about to be opened to (after DNS resolution).
    public func check(address: IPAddress) -> AddressPolicy.Decision {
        if allowPublic { return policy.check(address: address) }
        let candidates = [address] + (address.ipv4Mapped.map { [$0] } ?? [])
        if policy.allowList.contains(where: { network in candidates.contains { network.contains($0) } }) {
            return .allowed
        }
        return .refused(
            reason: "refused: \(address) is not in webhook_allow_networks and public destinations are turned off")
    }

    /// Why a destination was refused, in the words of the delivery log.
    public struct Refusal: Error, Sendable, Hashable {
        public let reason: String
    }

    private static func isLocalhost(_ host: String) -> Bool {
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        return name == "localhost" || name.hasSuffix(".localhost")
    }
}
