import App
import ArgumentParser
import Database
import Foundation
import Portal
import Tenancy

/// `claimscore seed-demo`: the demo organization and owner for `.ci/serve`; idempotent. The login is
/// printed and written to `demo.txt` beside the configuration file, which `.ci/serve` shows.
struct SeedDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo", abstract: "Create the demo organization and owner login once (idempotent).")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let config = try options.load()
        Database.libraryInit()
        let db = Connection(config: config.database)
        defer { db.close() }
        let directory = options.config.map { ($0 as NSString).deletingLastPathComponent } ?? "var"
        let file = (directory.isEmpty ? "." : directory) + "/demo.txt"
        let login = try DemoSeed(db: db).run(keepPassword: FileManager.default.fileExists(atPath: file))
        guard let password = login.password else {
            print("demo: already seeded; login in \(file)")
            return
        }
        let organization = try TenantStore(db: db).organization(id: login.orgID)
        let cases = try TenantStore(db: db).cases(orgID: login.orgID).map {
            "  Demo case:              \($0.name) (\($0.claimType)) \($0.id)\n"
        }.joined()
        let text = """
              Demo organization:      \(organization?.name ?? "") \(login.orgID)
            \(cases)  Demo sign-in:           \(config.publicURL)/login
              Email:                  \(login.email)
              Password:               \(password)

            """
        try FileManager.default.createDirectory(
            atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
        guard
            FileManager.default.createFile(
                atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw ValidationError("cannot write \(file)") }
        print(login.created ? "demo: seeded organization \(login.orgID)" : "demo: new password for the demo owner")
        print(text, terminator: "")
    }
}
