import Database
import HTTP
import Tenancy

/// A signed-in request inside one organization and case: who, where, and with which role.
///
/// Built by `PortalGate.scope`, which has already answered 404 when the user is not a member of the
/// organization or the case belongs to another one, so handlers only deal with their own tenant.
struct PortalScope {
    let session: PortalSession
    let membership: Membership
    let caseRecord: CaseRecord
    let memberships: [Membership]
    let cases: [String: [CaseRecord]]

    var role: Role { membership.role }
    var orgID: String { membership.orgID }
    var caseID: String { caseRecord.id }
    var basePath: String { PageChrome.basePath(orgID: orgID, caseID: caseID) }

    /// The layout's view of this request.
    func chrome(section: String, notices: [String] = []) -> PageChrome {
        PageChrome(
            user: session.user, role: role, orgID: orgID, orgName: membership.orgName, caseRecord: caseRecord,
            scopes: memberships.map {
                PageChrome.Scope(orgID: $0.orgID, orgName: $0.orgName, cases: cases[$0.orgID] ?? [])
            }, section: section, csrfToken: session.csrfToken, notices: notices)
    }

    /// Throws 403 unless `allowed`: every page and action states its rule through this.
    func require(_ allowed: Bool) throws(PortalError) {
        guard allowed else { throw .forbidden }
    }

    /// A one-time notice for the page after the redirect ("The key was deleted.").
    func notice<Context: PortalContext>(_ context: Context, _ text: String) throws {
        try FlashStore(db: context.db, box: context.portalSettings.secretBox).add(
            sessionHash: session.tokenHash, kind: .notice, text: text)
    }

    /// Records a change to a key or webhook; call inside the change's transaction.
    func audit(_ db: Connection, _ action: String, targetType: String, targetID: String, detail: String) throws {
        try AuditLog(db: db).record(
            orgID: orgID, actorUserID: session.user.id, actorEmail: session.user.email, action: action,
            targetType: targetType, targetID: targetID, detail: detail)
    }
}
