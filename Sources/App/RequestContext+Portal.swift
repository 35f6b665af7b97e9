import Portal

extension RequestContext: PortalContext {}
