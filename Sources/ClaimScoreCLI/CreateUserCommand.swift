import App
import ArgumentParser
import Database
import Portal
import Tenancy

/// `claimscore create-user`: a login with a role in one organization (or a new role for an existing one).
struct CreateUserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-user", abstract: "Add a person to an organization with a role.")

    @OptionGroup var options: ConfigOptions
    @Option(help: "Email address (the sign-in).") var email: String
    @Option(help: "Display name.") var name: String = ""
    @Option(help: "At least 10 characters; ignored when the address already has an account.") var password: String
    @Option(help: "Organization id (UUID).") var org: String
    @Option(help: "owner, admin, reviewer, viewer or developer.") var role: String
    @Option(help: "Audit level (1, 2 or 3) this member reviews pile claims at; owner, admin or reviewer only.")
    var reviewLevel: Int?

    func validate() throws {
        guard Role(rawValue: role) != nil else {
            throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        do {
            try Provisioning.checkReviewLevel(reviewLevel, role: Role(rawValue: role) ?? .viewer)
        } catch {
            throw ValidationError("--review-level: \(error)")
        }
    }

    func run() throws {
        let config = try options.load()
        Database.libraryInit()
        let db = Connection(config: config.database)
        defer { db.close() }
        let (user, isNew) = try CommandFailure.report {
            try Provisioning(db: db).createUser(
                email: email, name: name, password: password, orgID: org.lowercased(),
                role: Role(rawValue: role) ?? .viewer, reviewLevel: reviewLevel)
        }
        print("user_id: \(user.id)")
        let level = reviewLevel.map { ", reviewing at level \($0)" } ?? ""
        print(
            "\(user.email) is \(role) of \(org.lowercased())\(level)"
                + (isNew ? "" : " (existing account; password unchanged)"))
    }
}
