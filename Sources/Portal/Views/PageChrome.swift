import Tenancy

/// Everything the layout around a page needs: who is signed in, where they are, what they may see.
struct PageChrome: Sendable {
    /// One entry of the organization and case selector.
    struct Scope: Sendable {
        let orgID: String
        let orgName: String
        let cases: [CaseRecord]
    }

    let user: PortalUser
    let role: Role
    let orgID: String
    let orgName: String
    let caseRecord: CaseRecord
    let scopes: [Scope]
    /// The sidebar section being shown (`developer-tools`, `dashboard` …).
    let section: String
    let csrfToken: String
    /// One-time notices to show at the top of the page.
    var notices: [String] = []

    /// `/orgs/{org}/cases/{case}`: every page of the case hangs off it, so the selection lives in the URL.
    var basePath: String { Self.basePath(orgID: orgID, caseID: caseRecord.id) }

    static func basePath(orgID: String, caseID: String) -> String { "/orgs/\(orgID)/cases/\(caseID)" }
}
