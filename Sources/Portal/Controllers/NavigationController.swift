import HTTP
import Tenancy

/// Landing, organization/case selection, "coming soon" sections and the audit log.
enum NavigationController {
    /// Where a section lives under a case; Developer Tools opens on its first tab.
    static func path(base: String, section: String) -> String {
        section == "developer-tools" ? base + "/developer-tools/api-credentials" : base + "/" + section
    }

    /// `/`: the first case of the first organization, on Developer Tools (the part that is built).
    static func home<Context: PortalContext>(_ request: Request, _ context: Context) throws -> Response {
        let session = try PortalGate.session(request, db: context.db)
        for membership in try UserStore(db: context.db).memberships(userID: session.user.id) {
            if let first = try TenantStore(db: context.db).cases(orgID: membership.orgID).first {
                let base = PageChrome.basePath(orgID: membership.orgID, caseID: first.id)
                return PortalResponse.redirect(path(base: base, section: "developer-tools"))
            }
        }
        return PortalResponse.html(
            ErrorView.render(
                status: 200, title: "No organization yet",
                message: "Your account is not a member of any organization with a case. Ask an owner to add you."))
    }

    /// `/orgs/{org}` and `/orgs/{org}/cases/{case}`: on to Developer Tools of that case (or the first case).
    static func organization<Context: PortalContext>(_ request: Request, _ context: Context) throws -> Response {
        let session = try PortalGate.session(request, db: context.db)
        guard
            let membership = try UserStore(db: context.db).membership(
                userID: session.user.id, orgID: request.parameters.require("org"))
        else { throw PortalError.notFound }
        let cases = try TenantStore(db: context.db).cases(orgID: membership.orgID)
        let wanted = request.parameters["case"]
        guard let target = wanted == nil ? cases.first : cases.first(where: { $0.id == wanted }) else {
            throw PortalError.notFound
        }
        let base = PageChrome.basePath(orgID: membership.orgID, caseID: target.id)
        return PortalResponse.redirect(path(base: base, section: "developer-tools"))
    }

    /// `GET /select?target={org}/{case}&section=…`: the selector's form; the choice goes into the URL.
    static func select<Context: PortalContext>(_ request: Request, _ context: Context) throws -> Response {
        let session = try PortalGate.session(request, db: context.db)
        let parts = (request.query["target"] ?? "").split(separator: "/").map(String.init)
        guard parts.count == 2,
            let membership = try UserStore(db: context.db).membership(userID: session.user.id, orgID: parts[0]),
            try TenantStore(db: context.db).caseRecord(orgID: membership.orgID, caseID: parts[1]) != nil
        else { throw PortalError.notFound }
        var section = request.query["section"] ?? "developer-tools"
        let known = Sidebar.entries.map(\.section) + [Sidebar.auditLog.section]
        if !known.contains(section) || (!membership.role.canSeeEverything && section != "developer-tools") {
            section = "developer-tools"
        }
        return PortalResponse.redirect(
            path(base: PageChrome.basePath(orgID: parts[0], caseID: parts[1]), section: section))
    }

    static func developerTools<Context: PortalContext>(_ request: Request, _ context: PortalPage<Context>) throws
        -> Response
    {
        let scope = context.scope
        return PortalResponse.redirect(path(base: scope.basePath, section: "developer-tools"))
    }

    /// A section whose issue has not landed yet; Developers see only Developer Tools.
    static func comingSoon<Context: PortalContext>(section: Sidebar.Entry)
        -> @Sendable (Request, PortalPage<Context>) throws
        -> Response
    {
        { _, context in
            let scope = context.scope
            try scope.require(scope.role.canSeeEverything)
            let content: HTML = """
                \(Layout.header(title: section.label, subtitle: scope.caseRecord.name))
                <section class="card empty-state">
                  <div class="empty-icon" aria-hidden="true">\(section.icon)</div>
                  <h2>\(section.label) is coming soon</h2>
                  <p>This part of ClaimScore is being built. Developer Tools is ready: create API keys and webhooks \
                there to connect your claim form.</p>
                  <p><a class="button primary" href="\(path(base: scope.basePath, section: "developer-tools"))">\
                Open Developer Tools</a></p>
                </section>
                """
            return PortalResponse.html(
                Layout.page(title: section.label, chrome: scope.chrome(section: section.section), content: content))
        }
    }

    /// Who changed which key or webhook, and when: Owners and Admins only.
    static func auditLog<Context: PortalContext>(_ request: Request, _ context: PortalPage<Context>) throws -> Response
    {
        let scope = context.scope
        try scope.require(scope.role.canSeeAuditLog)
        let entries = try AuditLog(db: context.db).list(orgID: scope.orgID, limit: 500)
        return PortalResponse.html(
            Layout.page(
                title: "Audit Log", chrome: scope.chrome(section: "audit-log"), content: AuditLogView.render(entries)))
    }
}
