import Database
import Tenancy

/// The demo data behind `.ci/serve`: an organization with a settlement and a health case and an
/// owner login. Running it again changes nothing, unless the saved password is gone, in which case
/// the demo owner gets a new one (so the printed login always works).
public struct DemoSeed {
    public static let ownerEmail = "admin@demo.claimscore.test"
    public static let organizationName = "Demo Organization"

    /// The login to print; `password` is nil when the existing one was kept.
    public struct Login: Sendable {
        public let email: String
        public let password: String?
        public let orgID: String
        public let created: Bool
    }

    private let db: Connection
    private let hasher: PasswordHasher

    public init(db: Connection, hasher: PasswordHasher = .standard) {
        self.db = db
        self.hasher = hasher
    }

    /// Seeds once; `keepPassword` says whether a previously printed password is still on record.
    public func run(keepPassword: Bool) throws -> Login {
        let users = UserStore(db: db)
        if let existing = try users.find(email: Self.ownerEmail),
            let membership = try users.memberships(userID: existing.user.id).first
        {
            if keepPassword {
                return Login(email: Self.ownerEmail, password: nil, orgID: membership.orgID, created: false)
            }
            let password = Self.generatePassword()
            try users.setPassword(userID: existing.user.id, passwordHash: try hasher.hash(password))
            return Login(email: Self.ownerEmail, password: password, orgID: membership.orgID, created: false)
        }
        let password = Self.generatePassword()
        let provisioning = Provisioning(db: db, hasher: hasher)
        let created = try provisioning.createOrganization(
            name: Self.organizationName, caseName: "Demo Class Action Settlement", claimType: "settlement",
            ownerEmail: Self.ownerEmail, ownerName: "Demo Admin", ownerPassword: password)
        _ = try TenantStore(db: db).createCase(
            orgID: created.organization.id, name: "Demo Health Programme", claimType: "health")
        return Login(email: Self.ownerEmail, password: password, orgID: created.organization.id, created: true)
    }

    /// 20 base62 characters (about 119 bits).
    public static func generatePassword() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base62.random(count: 20, using: &generator)
    }
}
