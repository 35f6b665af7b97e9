import Database
import HTTP
import Tenancy
import Webhooks

/// The Webhooks tab: list, create, details drawer (with the token for managers), edit, status, delete.
///
/// URLs pass `WebhookURL(validating:policy:)` with the configured allow-list before anything is
/// stored; a refusal is a message under the URL field.
enum WebhooksController {
    static func show<Context: PortalContext>(_ request: Request, _ context: PortalPage<Context>) throws -> Response {
        let scope = context.scope
        let canManage = scope.role.canManageDeveloperTools
        let box = context.portalSettings.secretBox
        let flashes = try FlashStore(db: context.db, box: box).take(sessionHash: scope.session.tokenHash)
        let notices = flashes.filter { $0.kind == .notice }.map(\.text)
        if let id = request.query["webhook"], request.query["delete"] == nil || !canManage {
            // The drawer covers the page, so its notices ("Test event queued.") go into the drawer.
            let hook = try webhook(id, scope: scope, db: context.db)
            return try drawerPage(
                scope, context, hook: hook, notices: notices, editing: request.query["edit"] != nil)
        }
        let chrome = scope.chrome(section: "developer-tools", notices: notices)
        var overlay = HTML.empty
        if request.query["create"] != nil, canManage {
            overlay = WebhooksView.createDialog(chrome: chrome, values: FormValues())
        } else if let id = request.query["webhook"] {
            overlay = WebhookDrawerView.deleteDialog(
                chrome: chrome, hook: try webhook(id, scope: scope, db: context.db))
        }
        return try page(scope, context, chrome: chrome, overlay: overlay)
    }

    /// The table with one webhook's drawer open: details, token for managers, recent deliveries.
    /// `problem` explains an action that could not be done (then `status` says so too).
    static func drawerPage<Context: PortalContext>(
        _ scope: PortalScope, _ context: Context, hook: WebhookRecord, notices: [String] = [],
        editing: Bool = false, problem: String? = nil, status: Int = 200
    ) throws -> Response {
        let canManage = scope.role.canManageDeveloperTools
        let chrome = scope.chrome(section: "developer-tools")
        var values: FormValues?
        if editing {
            values = FormValues()
            values?.name = hook.name
            values?.description = hook.description
            values?.url = hook.url
        }
        let token = canManage ? try WebhookRegistry.token(of: hook, box: context.portalSettings.secretBox) : nil
        let deliveries =
            editing
            ? HTML.empty
            : try WebhookDeliveriesController.section(scope, context, hook: hook, chrome: chrome, problem: problem)
        let overlay = WebhookDrawerView.drawer(
            chrome: chrome, hook: hook, token: token, canManage: canManage, editing: values, deliveries: deliveries,
            notices: notices)
        return try page(scope, context, chrome: chrome, overlay: overlay, status: status)
    }

    static func create<Context: PortalContext>(_ request: Request, _ context: PortalChange<Context>) throws -> Response
    {
        let (scope, form) = (context.scope, context.form)
        var values = FormValues(form: form, nameLabel: "Webhook Name", needsEnvironment: true)
        let url = try validatedURL(&values, context: context)
        guard let url, values.isValid else {
            let chrome = scope.chrome(section: "developer-tools")
            return try page(
                scope, context, chrome: chrome, overlay: WebhooksView.createDialog(chrome: chrome, values: values),
                status: 422)
        }
        let box = context.portalSettings.secretBox
        let hook = try context.db.transaction {
            let hook = try WebhookRegistry(db: context.db).create(
                orgID: scope.orgID, caseID: scope.caseID, environment: values.chosenEnvironment,
                draft: .init(name: values.name, description: values.description, url: url),
                createdBy: scope.session.user.id, box: box)
            try audit(scope, context.db, "webhook.created", hook.id, "\(hook.name) → \(hook.url)")
            return hook
        }
        try scope.notice(context, "Webhook \u{201C}\(hook.name)\u{201D} was created.")
        return PortalResponse.redirect("\(tabURL(scope))?webhook=\(hook.id)")
    }

    static func update<Context: PortalContext>(_ request: Request, _ context: PortalChange<Context>) throws -> Response
    {
        let (scope, form) = (context.scope, context.form)
        let hook = try webhook(request.parameters.require("id"), scope: scope, db: context.db)
        var values = FormValues(form: form, nameLabel: "Webhook Name", needsEnvironment: false)
        let url = try validatedURL(&values, context: context)
        guard let url, values.isValid else {
            let chrome = scope.chrome(section: "developer-tools")
            let drawer = WebhookDrawerView.drawer(
                chrome: chrome, hook: hook, token: nil, canManage: true, editing: values)
            return try page(scope, context, chrome: chrome, overlay: drawer, status: 422)
        }
        try context.db.transaction {
            try WebhookRegistry(db: context.db).update(
                orgID: scope.orgID, caseID: scope.caseID, id: hook.id,
                draft: .init(name: values.name, description: values.description, url: url))
            try audit(scope, context.db, "webhook.updated", hook.id, "\(values.name) → \(url.absoluteString)")
        }
        try scope.notice(context, "Changes to \u{201C}\(values.name)\u{201D} were saved.")
        return PortalResponse.redirect("\(tabURL(scope))?webhook=\(hook.id)")
    }

    static func setStatus<Context: PortalContext>(_ request: Request, _ context: PortalChange<Context>) throws
        -> Response
    {
        let (scope, form) = (context.scope, context.form)
        let hook = try webhook(request.parameters.require("id"), scope: scope, db: context.db)
        guard let enabled = form["active"].flatMap(ApiKeysController.flag) else {
            throw PortalError.badRequest("The status must be 0 or 1.")
        }
        try context.db.transaction {
            try WebhookRegistry(db: context.db).setEnabled(
                orgID: scope.orgID, caseID: scope.caseID, id: hook.id, enabled: enabled)
            try audit(scope, context.db, enabled ? "webhook.enabled" : "webhook.disabled", hook.id, hook.name)
        }
        return PortalResponse.redirect("\(tabURL(scope))?webhook=\(hook.id)")
    }

    static func delete<Context: PortalContext>(_ request: Request, _ context: PortalChange<Context>) throws -> Response
    {
        let scope = context.scope
        let hook = try webhook(request.parameters.require("id"), scope: scope, db: context.db)
        try context.db.transaction {
            try WebhookRegistry(db: context.db).delete(orgID: scope.orgID, caseID: scope.caseID, id: hook.id)
            try audit(scope, context.db, "webhook.deleted", hook.id, "\(hook.name) → \(hook.url)")
        }
        try scope.notice(context, "The webhook \u{201C}\(hook.name)\u{201D} was deleted.")
        return PortalResponse.redirect(tabURL(scope))
    }

    /// The URL checked against the SSRF rule; a refusal becomes the URL field's message.
    private static func validatedURL<Context: PortalContext>(_ values: inout FormValues, context: Context) throws
        -> WebhookURL?
    {
        let policy = context.portalSettings.addressPolicy
        do {
            return try WebhookURL(validating: values.url, policy: policy)
        } catch {
            values.errors["url"] = error.message + "."
            return nil
        }
    }

    static func tabURL(_ scope: PortalScope) -> String { "\(scope.basePath)/developer-tools/webhooks" }

    static func webhook(_ id: String, scope: PortalScope, db: Connection) throws -> WebhookRecord {
        guard let hook = try WebhookRegistry(db: db).find(orgID: scope.orgID, caseID: scope.caseID, id: id) else {
            throw PortalError.notFound
        }
        return hook
    }

    static func page<Context: PortalContext>(
        _ scope: PortalScope, _ context: Context, chrome: PageChrome, overlay: HTML, status: Int = 200
    ) throws -> Response {
        let hooks = try WebhookRegistry(db: context.db).list(orgID: scope.orgID, caseID: scope.caseID)
        return PortalResponse.html(
            WebhooksView.render(
                chrome: chrome, webhooks: hooks, canManage: scope.role.canManageDeveloperTools, overlay: overlay),
            status: status)
    }

    static func audit(_ scope: PortalScope, _ db: Connection, _ action: String, _ id: String, _ detail: String)
        throws
    {
        try scope.audit(db, action, targetType: "webhook", targetID: id, detail: detail)
    }
}
