import Foundation
import Portal
import Tenancy
import TestSupport

/// A reviewer at one audit level, signed in (session made directly, as sign-in would), who signs
/// claims off through nginx with the claim page's own form.
struct PileReviewer {
    let session: String
    let csrf: String
    let base: String

    init(fixture: DeliveryFixture, level: Int) throws {
        let users = UserStore(db: fixture.db)
        let hasher = PasswordHasher(rounds: 1 << 10, blockSize: 8, parallelism: 1)
        let user = try users.create(
            email: "level\(level)-\(UUID().uuidString.prefix(8))@review.test", name: "Level \(level) Reviewer",
            passwordHash: try hasher.hash("correct horse battery staple"))
        try users.setRole(userID: user.id, orgID: fixture.orgID, role: .reviewer)
        try users.setReviewLevel(userID: user.id, orgID: fixture.orgID, level: level)
        let sessions = SessionStore(db: fixture.db)
        session = try sessions.create(userID: user.id, hours: 1)
        csrf = try sessions.find(token: session)?.csrfToken ?? ""
        base = "/orgs/\(fixture.orgID)/cases/\(fixture.caseID)"
    }

    /// `approve` or `reject` the claim at this reviewer's level; the HTTP status (303 when done).
    func signOff(_ claim: Int, _ action: String) throws -> Int {
        try RawHTTPClient.send(
            "POST", "\(base)/claims/\(claim)/\(action)",
            headers: ["Cookie": "cs_session=\(session)", "Content-Type": "application/x-www-form-urlencoded"],
            body: Array("csrf_token=\(csrf.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")".utf8)
        ).status
    }
}
