import App
import ArgumentParser
import Database
import Portal
import Scoring

/// `claimscore create-org`: an organization, its first case and its owner, in one transaction.
struct CreateOrgCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-org", abstract: "Create an organization with its first case and an owner login.")

    @OptionGroup var options: ConfigOptions
    @Option(help: "Organization name.") var name: String
    @Option(name: .customLong("case-name"), help: "Name of the first case.") var caseName: String
    @Option(name: .customLong("claim-type"), help: "settlement or health.") var claimType: String = "settlement"
    @Option(name: .customLong("owner-email"), help: "The owner's email address (their sign-in).") var ownerEmail: String
    @Option(name: .customLong("owner-name"), help: "The owner's display name.") var ownerName: String = ""
    @Option(
        name: .customLong("owner-password"),
        help: "At least 10 characters; ignored when the address already has an account.")
    var ownerPassword: String

    func run() throws {
        guard let claimType = ClaimType(rawValue: claimType) else {
            throw ValidationError("--claim-type must be settlement or health")
        }
        let config = try options.load()
        Database.libraryInit()
        let db = Connection(config: config.database)
        defer { db.close() }
        let created = try CommandFailure.report {
            try Provisioning(db: db).createOrganization(
                name: name, caseName: caseName, claimType: claimType, ownerEmail: ownerEmail, ownerName: ownerName,
                ownerPassword: ownerPassword)
        }
        print("org_id: \(created.organization.id)")
        print("case_id: \(created.caseRecord.id)")
        print("owner: \(created.owner.email)\(created.ownerIsNew ? "" : " (existing account; password unchanged)")")
    }
}
