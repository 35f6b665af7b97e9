import Database
import Portal
import Tenancy

/// The demo data behind `.ci/serve`: an organization with a settlement and a health case (two
/// audit levels and the example tariff), an owner login and one reviewer login per audit level.
/// Running it again changes nothing, unless the saved logins are gone or a demo login is missing,
/// in which case every demo login gets a new password (so the printed logins always work).
public struct DemoSeed {
    public static let ownerEmail = "admin@demo.claimscore.test"
    public static let organizationName = "Demo Organization"
    public static let healthCaseName = "Demo Health Programme"
    /// One reviewer per audit level of the demo health case: two levels need two people.
    public static let reviewers = [
        (email: "reviewer1@demo.claimscore.test", name: "Demo Reviewer (level 1)", level: 1),
        (email: "reviewer2@demo.claimscore.test", name: "Demo Reviewer (level 2)", level: 2),
    ]
    /// `sql/examples/tariff.csv` with two audit levels.
    public static let healthSettings = """
        {"audit_levels": 2, "tariff": {"DRG-0042": {"unit_price": 2000, "max_qty": 3}, \
        "DRG-0107": {"unit_price": 850, "max_qty": 10}, "LAB-0001": {"unit_price": 1500, "max_qty": 1}, \
        "CON-0001": {"unit_price": 5000, "max_qty": 1}}}
        """

    /// One login to print; `password` is nil when the existing one was kept.
    public struct Login: Sendable {
        public let email: String
        public let password: String?
        public let role: Role
        public let reviewLevel: Int?
    }

    /// What a run did: the organization and its logins, the owner first.
    public struct Outcome: Sendable {
        public let orgID: String
        public let created: Bool
        public let logins: [Login]

        /// True when nothing was changed (the saved logins still work).
        public var kept: Bool { logins.allSatisfy { $0.password == nil } }
    }

    private let db: Connection
    private let hasher: PasswordHasher

    public init(db: Connection, hasher: PasswordHasher = .standard) {
        self.db = db
        self.hasher = hasher
    }

    /// Seeds once; `keepPassword` says whether previously printed logins are still on record.
    public func run(keepPassword: Bool) throws -> Outcome {
        let users = UserStore(db: db)
        guard let existing = try users.find(email: Self.ownerEmail),
            let membership = try users.memberships(userID: existing.user.id).first
        else { return try create() }
        let orgID = membership.orgID
        var complete = true
        for reviewer in Self.reviewers {
            guard let found = try users.find(email: reviewer.email),
                try users.membership(userID: found.user.id, orgID: orgID) != nil
            else {
                complete = false
                continue
            }
        }
        if keepPassword, complete {
            return Outcome(
                orgID: orgID, created: false,
                logins: [Login(email: Self.ownerEmail, password: nil, role: .owner, reviewLevel: nil)]
                    + Self.reviewers.map {
                        Login(email: $0.email, password: nil, role: .reviewer, reviewLevel: $0.level)
                    })
        }
        let password = Self.generatePassword()
        try users.setPassword(userID: existing.user.id, passwordHash: try hasher.hash(password))
        try configureHealthCase(orgID: orgID)
        return Outcome(
            orgID: orgID, created: false,
            logins: [Login(email: Self.ownerEmail, password: password, role: .owner, reviewLevel: nil)]
                + (try seedReviewers(orgID: orgID)))
    }

    private func create() throws -> Outcome {
        let password = Self.generatePassword()
        let created = try Provisioning(db: db, hasher: hasher).createOrganization(
            name: Self.organizationName, caseName: "Demo Class Action Settlement", claimType: .settlement,
            ownerEmail: Self.ownerEmail, ownerName: "Demo Admin", ownerPassword: password)
        let orgID = created.organization.id
        _ = try TenantStore(db: db).createCase(
            orgID: orgID, name: Self.healthCaseName, claimType: .health, settingsJSON: Self.healthSettings)
        return Outcome(
            orgID: orgID, created: true,
            logins: [Login(email: Self.ownerEmail, password: password, role: .owner, reviewLevel: nil)]
                + (try seedReviewers(orgID: orgID)))
    }

    /// Creates the demo reviewers, or gives existing ones a new password and their level back.
    private func seedReviewers(orgID: String) throws -> [Login] {
        let users = UserStore(db: db)
        let provisioning = Provisioning(db: db, hasher: hasher)
        return try Self.reviewers.map { reviewer in
            let password = Self.generatePassword()
            let (user, isNew) = try provisioning.createUser(
                email: reviewer.email, name: reviewer.name, password: password, orgID: orgID, role: .reviewer,
                reviewLevel: reviewer.level)
            if !isNew { try users.setPassword(userID: user.id, passwordHash: try hasher.hash(password)) }
            return Login(email: reviewer.email, password: password, role: .reviewer, reviewLevel: reviewer.level)
        }
    }

    /// Gives a demo seeded before audits existed its audit levels and tariff (settings still `{}`).
    private func configureHealthCase(orgID: String) throws {
        let tenants = TenantStore(db: db)
        for record in try tenants.cases(orgID: orgID)
        where record.name == Self.healthCaseName && record.settingsJSON == "{}" {
            try tenants.updateSettings(orgID: orgID, caseID: record.id, settingsJSON: Self.healthSettings)
        }
    }

    /// 20 base62 characters (about 119 bits).
    public static func generatePassword() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base62.random(count: 20, using: &generator)
    }
}
