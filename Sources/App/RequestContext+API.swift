import API

extension RequestContext: APIContext {}
