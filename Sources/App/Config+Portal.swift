import Foundation
import Portal

extension Config {
    /// The portal's settings, parsed once at startup: the request path only reads them.
    public func portalSettings() throws(ConfigError) -> PortalSettings {
        PortalSettings(
            secretBox: try secretBox(), addressPolicy: try addressPolicy(),
            serverKey: Data(base64Encoded: secretKey).map(Array.init) ?? [], sessionHours: sessionHours,
            secureCookies: isHTTPS)
    }
}
