import App
import ArgumentParser
import Database
import Foundation
import Portal
import Tenancy

/// `claimscore seed-demo`: the demo organization, owner and reviewers for `.ci/serve`; idempotent.
/// The logins are printed and written to `demo.txt` beside the configuration file, which `.ci/serve` shows.
struct SeedDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo", abstract: "Create the demo organization and its logins once (idempotent).")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let config = try options.load()
        Database.libraryInit()
        let db = Connection(config: config.database)
        defer { db.close() }
        let directory = options.config.map { ($0 as NSString).deletingLastPathComponent } ?? "var"
        let file = (directory.isEmpty ? "." : directory) + "/demo.txt"
        let outcome = try DemoSeed(db: db).run(keepPassword: FileManager.default.fileExists(atPath: file))
        guard !outcome.kept else {
            print("demo: already seeded; logins in \(file)")
            return
        }
        let organization = try TenantStore(db: db).organization(id: outcome.orgID)
        let cases = try TenantStore(db: db).cases(orgID: outcome.orgID).map {
            "  Demo case:              \($0.name) (\($0.claimType)) \($0.id)\n"
        }.joined()
        let logins = outcome.logins.map { login in
            let who = login.reviewLevel.map { "Reviewer, level \($0):" } ?? "Email:"
            return "  \(who.padding(toLength: 24, withPad: " ", startingAt: 0))\(login.email)\n"
                + "  Password:               \(login.password ?? "(unchanged)")\n"
        }.joined()
        let text = """
              Demo organization:      \(organization?.name ?? "") \(outcome.orgID)
            \(cases)  Demo sign-in:           \(config.publicURL)/login
            \(logins)
            """
        try FileManager.default.createDirectory(
            atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
        guard
            FileManager.default.createFile(
                atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw ValidationError("cannot write \(file)") }
        print(
            outcome.created ? "demo: seeded organization \(outcome.orgID)" : "demo: new passwords for the demo logins")
        print(text, terminator: "")
    }
}
