/// Why a webhook URL was refused, with the sentence to show under the form field.
public enum WebhookURLError: Error, Hashable, Sendable, CustomStringConvertible {
    case missing
    case tooLong
    case unsupportedScheme
    case invalidCharacter
    case containsFragment
    case containsCredentials
    case missingHost
    case invalidHost
    /// A host like `127.1` or `0x7f000001` that some parsers read as an IPv4 address.
    case nonStandardIPAddress
    case invalidPort
    /// The host is a non-public address the server is not configured to allow; `detail` says
    /// which and why, e.g. "127.0.0.1 is a loopback address".
    case addressNotAllowed(detail: String)

    /// A sentence for the admin filling in the form.
    public var message: String {
        switch self {
        case .missing: "URL is required"
        case .tooLong: "URL must be at most \(WebhookURL.maximumLength) characters long"
        case .unsupportedScheme: "URL must start with http:// or https://"
        case .invalidCharacter: "URL must not contain spaces, backslashes or non-ASCII characters (percent-encode them)"
        case .containsFragment: "URL must not contain a fragment (the part starting with #)"
        case .containsCredentials: "URL must not contain a user name or password"
        case .missingHost: "URL must include a host name"
        case .invalidHost: "URL host must be a domain name or an IP address (IPv6 in [brackets])"
        case .nonStandardIPAddress: "URL host looks like an IP address but is not written as one (e.g. 203.0.113.7)"
        case .invalidPort: "URL port must be a number from 1 to 65535"
        case .addressNotAllowed(let detail): "URL must point to a public address: \(detail)"
        }
    }

    public var description: String { message }
}
