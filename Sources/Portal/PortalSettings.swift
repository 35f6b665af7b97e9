import Foundation
import Webhooks

/// The part of the server configuration the portal reads; App builds it from its `Config`, so the
/// portal does not depend on App.
public struct PortalSettings: Sendable {
    /// Base64 of 32 bytes: seals webhook tokens and flash messages, keys the sign-in form's CSRF token.
    public var secretKey: String
    /// CIDR blocks webhooks may reach although they are not public (the SSRF allow-list).
    public var webhookAllowNetworks: [String]
    public var sessionHours: Int
    /// True when the site is served over HTTPS: cookies then carry `Secure`.
    public var secureCookies: Bool

    public init(secretKey: String, webhookAllowNetworks: [String], sessionHours: Int, secureCookies: Bool) {
        self.secretKey = secretKey
        self.webhookAllowNetworks = webhookAllowNetworks
        self.sessionHours = sessionHours
        self.secureCookies = secureCookies
    }

    /// The AES-GCM box for webhook tokens and flashes; a missing or malformed key is a server fault.
    public func secretBox() throws(SecretBoxError) -> SecretBox { try SecretBox(key: secretKey) }

    /// The SSRF policy for webhook URLs saved in the portal.
    public func addressPolicy() throws(AddressPolicyError) -> AddressPolicy {
        try AddressPolicy(allowList: webhookAllowNetworks.joined(separator: ","))
    }

    /// The server key's bytes (empty when unset, which `serve` does not allow).
    var serverKeyBytes: [UInt8] { Data(base64Encoded: secretKey).map(Array.init) ?? [] }
}
