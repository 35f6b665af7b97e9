import Database
import HTTP
import Tenancy

/// The API Credentials tab: list, create (shown once), details drawer, edit, status, delete.
///
/// Every change runs in one transaction with its audit entry, after the CSRF token and the role
/// were checked; ids of another organization's keys read as unknown (404).
enum ApiKeysController {
    static func show<Context: PortalContext>(_ request: Request, _ context: PortalPage<Context>) throws -> Response {
        let scope = context.scope
        let canManage = scope.role.canManageDeveloperTools
        let flashes = try FlashStore(db: context.db, box: context.portalSettings.secretBox)
            .take(sessionHash: scope.session.tokenHash)
        let chrome = scope.chrome(
            section: "developer-tools", notices: flashes.filter { $0.kind == .notice }.map(\.text))
        var overlay = HTML.empty
        if let created = flashes.last(where: { $0.kind == .apiKey }) {
            overlay = ApiCredentialsView.createdDialog(chrome: chrome, plaintext: created.text)
        } else if request.query["create"] != nil, canManage {
            overlay = ApiCredentialsView.createDialog(chrome: chrome, values: FormValues())
        } else if let keyParameter = request.query["key"] {
            guard let id = Int(pathSegment: keyParameter) else { throw PortalError.notFound }
            let key = try key(id, scope: scope, db: context.db)
            if request.query["delete"] != nil, canManage {
                overlay = ApiKeyDrawerView.deleteDialog(chrome: chrome, key: key)
            } else {
                var editing: FormValues?
                if request.query["edit"] != nil {
                    editing = FormValues()
                    editing?.name = key.name
                    editing?.description = key.description
                }
                overlay = ApiKeyDrawerView.drawer(chrome: chrome, key: key, canManage: canManage, editing: editing)
            }
        }
        return try page(scope, context, chrome: chrome, overlay: overlay)
    }

    static func create<Context: PortalContext>(_ request: Request, _ context: PortalChange<Context>) throws -> Response
    {
        let (scope, form) = (context.scope, context.form)
        let values = FormValues(form: form, nameLabel: "Name", needsEnvironment: true)
        guard values.isValid else {
            let chrome = scope.chrome(section: "developer-tools")
            return try page(
                scope, context, chrome: chrome,
                overlay: ApiCredentialsView.createDialog(chrome: chrome, values: values),
                status: 422)
        }
        let box = context.portalSettings.secretBox
        try context.db.transaction {
            let (key, plaintext) = try ApiKeyStore(db: context.db).create(
                orgID: scope.orgID, environment: values.chosenEnvironment, name: values.name,
                description: values.description, createdBy: scope.session.user.id)
            try audit(scope, context.db, "api_key.created", key.id, "\(key.name) (\(key.environment.label))")
            try FlashStore(db: context.db, box: box).add(
                sessionHash: scope.session.tokenHash, kind: .apiKey, text: plaintext)
        }
        return PortalResponse.redirect(tabURL(scope))
    }

    static func update<Context: PortalContext>(_ request: Request, _ context: PortalChange<Context>) throws -> Response
    {
        let (scope, form) = (context.scope, context.form)
        let key = try key(request.parameters.require("id"), scope: scope, db: context.db)
        let values = FormValues(form: form, nameLabel: "Key Name", needsEnvironment: false)
        guard values.isValid else {
            let chrome = scope.chrome(section: "developer-tools")
            return try page(
                scope, context, chrome: chrome,
                overlay: ApiKeyDrawerView.drawer(chrome: chrome, key: key, canManage: true, editing: values),
                status: 422)
        }
        try context.db.transaction {
            try ApiKeyStore(db: context.db).update(
                orgID: scope.orgID, id: key.id, name: values.name, description: values.description)
            try audit(scope, context.db, "api_key.updated", key.id, "\(key.name) → \(values.name)")
        }
        try scope.notice(context, "Changes to \u{201C}\(values.name)\u{201D} were saved.")
        return PortalResponse.redirect("\(tabURL(scope))?key=\(key.id)")
    }

    static func setStatus<Context: PortalContext>(_ request: Request, _ context: PortalChange<Context>) throws
        -> Response
    {
        let (scope, form) = (context.scope, context.form)
        let key = try key(request.parameters.require("id"), scope: scope, db: context.db)
        guard let active = form["active"].flatMap(Self.flag) else {
            throw PortalError.badRequest("The status must be 0 or 1.")
        }
        try context.db.transaction {
            try ApiKeyStore(db: context.db).setActive(orgID: scope.orgID, id: key.id, active: active)
            try audit(scope, context.db, active ? "api_key.activated" : "api_key.deactivated", key.id, key.name)
        }
        return PortalResponse.redirect("\(tabURL(scope))?key=\(key.id)")
    }

    static func delete<Context: PortalContext>(_ request: Request, _ context: PortalChange<Context>) throws -> Response
    {
        let scope = context.scope
        let key = try key(request.parameters.require("id"), scope: scope, db: context.db)
        try context.db.transaction {
            try ApiKeyStore(db: context.db).delete(orgID: scope.orgID, id: key.id)
            try audit(scope, context.db, "api_key.deleted", key.id, "\(key.name) (\(key.environment.label))")
        }
        try scope.notice(context, "The API key \u{201C}\(key.name)\u{201D} was deleted.")
        return PortalResponse.redirect(tabURL(scope))
    }

    /// "1" or "0" as the new state of a toggle.
    static func flag(_ text: String) -> Bool? { text == "1" ? true : text == "0" ? false : nil }

    private static func tabURL(_ scope: PortalScope) -> String { "\(scope.basePath)/developer-tools/api-credentials" }

    private static func key(_ id: Int, scope: PortalScope, db: Connection) throws -> ApiKey {
        guard let key = try ApiKeyStore(db: db).find(orgID: scope.orgID, id: id) else {
            throw PortalError.notFound
        }
        return key
    }

    private static func page<Context: PortalContext>(
        _ scope: PortalScope, _ context: Context, chrome: PageChrome, overlay: HTML, status: Int = 200
    ) throws -> Response {
        let keys = try ApiKeyStore(db: context.db).list(orgID: scope.orgID)
        return PortalResponse.html(
            ApiCredentialsView.render(
                chrome: chrome, keys: keys, canManage: scope.role.canManageDeveloperTools, overlay: overlay),
            status: status)
    }

    private static func audit(_ scope: PortalScope, _ db: Connection, _ action: String, _ id: Int, _ detail: String)
        throws
    {
        try scope.audit(db, action, targetType: "api_key", targetID: String(id), detail: detail)
    }
}
