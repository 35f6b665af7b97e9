import ClaimScoreCLI
import Database
import Foundation
import Portal
import Tenancy
import TestSupport
import Testing

/// `claimscore create-user` and `claimscore seed-demo` against the test database (create-org is
/// driven by the browser test, which signs in with the owner it makes).
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"), .serialized)
struct CommandLineTests {
    let binary = ProcessInfo.processInfo.environment["CLAIMSCORE_TEST_BIN"] ?? ""
    let config = ProcessInfo.processInfo.environment["CLAIMSCORE_TEST_CONFIG"] ?? ""

    @Test func createUserAddsAMemberWithTheRoleAndRefusesBadInput() throws {
        let tenant = try PortalFixture.tenant()
        let email = "cli-\(UUID().uuidString.prefix(8).lowercased())@portal.test"
        let arguments = [
            binary, "create-user", "--config", config, "--email", email, "--name", "CLI Dev",
            "--password", "a long enough password", "--org", tenant.org.id,
        ]
        #expect(TestEnvironment.run(arguments + ["--role", "wizard"]) != 0)
        #expect(TestEnvironment.run(arguments + ["--role", "developer"]) == 0)
        let db = TestDatabase.connect()
        let found = try #require(try UserStore(db: db).find(email: email))
        #expect(try UserStore(db: db).membership(userID: found.user.id, orgID: tenant.org.id)?.role == .developer)
        #expect(PasswordHasher.verify("a long enough password", against: found.passwordHash))
        #expect(found.passwordHash.hasPrefix("scrypt$32768$8$1$"))
        // An unknown organization is refused and makes no account.
        let stray = "stray-\(UUID().uuidString.prefix(8).lowercased())@portal.test"
        let unknown = [
            binary, "create-user", "--config", config, "--email", stray, "--password", "a long enough password",
            "--org", UUID().uuidString.lowercased(), "--role", "viewer",
        ]
        #expect(TestEnvironment.run(unknown) != 0)
        #expect(try UserStore(db: db).find(email: stray) == nil)
    }

    @Test func createUserGivesAReviewLevelOnlyToRolesThatReview() throws {
        let tenant = try PortalFixture.tenant()
        let db = TestDatabase.connect()
        func create(_ role: String, _ level: String) -> (email: String, status: Int32) {
            let email = "level-\(UUID().uuidString.prefix(8).lowercased())@portal.test"
            let status = TestEnvironment.run([
                binary, "create-user", "--config", config, "--email", email, "--password", "a long enough password",
                "--org", tenant.org.id, "--role", role, "--review-level", level,
            ])
            return (email, status)
        }
        let reviewer = create("reviewer", "2")
        #expect(reviewer.status == 0)
        let found = try #require(try UserStore(db: db).find(email: reviewer.email))
        let membership = try UserStore(db: db).membership(userID: found.user.id, orgID: tenant.org.id)
        #expect(membership?.role == .reviewer && membership?.reviewLevel == 2)
        for (role, level) in [("viewer", "1"), ("developer", "1"), ("reviewer", "4"), ("reviewer", "0")] {
            let refused = create(role, level)
            #expect(refused.status != 0, "\(role) \(level)")
            #expect(try UserStore(db: db).find(email: refused.email) == nil)
        }
    }

    @Test func seedDemoIsIdempotentAndItsPrintedLoginSignsIn() throws {
        let demoFile = (config as NSString).deletingLastPathComponent + "/demo.txt"
        try? FileManager.default.removeItem(atPath: demoFile)
        #expect(TestEnvironment.run([binary, "seed-demo", "--config", config]) == 0)
        let text = try String(contentsOfFile: demoFile, encoding: .utf8)
        #expect(TestEnvironment.run([binary, "seed-demo", "--config", config]) == 0)
        #expect(try String(contentsOfFile: demoFile, encoding: .utf8) == text)
        #expect(text.contains("Demo organization:"))
        #expect(text.contains("Demo case:              Demo Class Action Settlement (settlement) "))
        #expect(
            try PortalFixture.count(
                "SELECT COUNT(*) AS n FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?",
                DemoSeed.ownerEmail) == 1)

        let password = try #require(
            text.split(separator: "\n").first { $0.contains("Password:") }?.split(separator: " ").last.map(String.init))
        // One reviewer per audit level of the demo health case, printed like the owner.
        for reviewer in DemoSeed.reviewers {
            #expect(text.contains("Reviewer, level \(reviewer.level):      \(reviewer.email)"))
            let found = try #require(try UserStore(db: TestDatabase.connect()).find(email: reviewer.email))
            let memberships = try UserStore(db: TestDatabase.connect()).memberships(userID: found.user.id)
            #expect(memberships.map(\.reviewLevel) == [reviewer.level] && memberships.map(\.role) == [.reviewer])
        }
        #expect(
            try PortalFixture.count(
                "SELECT COUNT(*) AS n FROM cases WHERE name = ? AND settings LIKE '%\"audit_levels\": 2%'",
                DemoSeed.healthCaseName) >= 1)
        let form = try SignInTests.LoginForm()
        let result = try form.submit(email: DemoSeed.ownerEmail, password: password)
        #expect(result.status == 303)
        #expect(SignInTests.sessionToken(result) != nil)
    }
}
