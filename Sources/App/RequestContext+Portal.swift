import Portal

extension RequestContext: PortalContext {
    /// The portal's view of the configuration.
    public var portalSettings: PortalSettings {
        PortalSettings(
            secretKey: config.secretKey, webhookAllowNetworks: config.webhookAllowNetworks,
            sessionHours: config.sessionHours, secureCookies: config.isHTTPS)
    }
}
