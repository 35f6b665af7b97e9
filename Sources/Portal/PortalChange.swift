import HTTP

/// The context of a signed-in form post: the page's context and scope plus the form's fields,
/// read only after the form's CSRF token matched (403 and nothing changed otherwise).
public final class PortalChange<Base: PortalContext>: PortalPage<Base> {
    let form: QueryItems

    init(base: Base, scope: PortalScope, form: QueryItems) {
        self.form = form
        super.init(base: base, scope: scope)
    }
}
