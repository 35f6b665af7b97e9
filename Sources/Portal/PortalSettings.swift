import Webhooks

/// The part of the server configuration the portal reads, parsed once at startup (App builds it
/// from its `Config`, so the portal does not depend on App); the request path only reads it.
public struct PortalSettings: Sendable {
    /// Seals webhook tokens and flash messages (AES-GCM with the server key).
    public let secretBox: SecretBox
    /// The SSRF policy for webhook URLs saved in the portal.
    public let addressPolicy: AddressPolicy
    /// The server key's 32 bytes: keys the sign-in form's CSRF token and the device cookie.
    let serverKey: [UInt8]
    public let sessionHours: Int
    /// True when the site is served over HTTPS: cookies then carry `Secure`.
    public let secureCookies: Bool

    public init(
        secretBox: SecretBox, addressPolicy: AddressPolicy, serverKey: [UInt8], sessionHours: Int, secureCookies: Bool
    ) {
        self.secretBox = secretBox
        self.addressPolicy = addressPolicy
        self.serverKey = serverKey
        self.sessionHours = sessionHours
        self.secureCookies = secureCookies
    }
}
