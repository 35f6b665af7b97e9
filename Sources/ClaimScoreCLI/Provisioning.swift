import Database
import Portal
import Scoring
import Tenancy

/// Creates organizations, cases and people for the command line (`create-org`, `create-user`,
/// `seed-demo`) and for tests, each in one transaction so a failure leaves nothing half made.
public struct Provisioning {
    /// What `create-org` made.
    public struct CreatedOrganization: Sendable {
        public let organization: Organization
        public let caseRecord: CaseRecord
        public let owner: PortalUser
        /// False when the owner's address already had an account (its password is unchanged).
        public let ownerIsNew: Bool
    }

    public static let minimumPasswordLength = 10

    private let db: Connection
    private let hasher: PasswordHasher

    public init(db: Connection, hasher: PasswordHasher = .standard) {
        self.db = db
        self.hasher = hasher
    }

    /// An organization with its first case and its owner.
    public func createOrganization(
        name: String, caseName: String, claimType: ClaimType, ownerEmail: String, ownerName: String,
        ownerPassword: String
    ) throws -> CreatedOrganization {
        // VARCHAR(200) counts code points, not Characters.
        guard !name.isEmpty, name.unicodeScalars.count <= 200, !caseName.isEmpty, caseName.unicodeScalars.count <= 200
        else {
            throw ProvisioningError.invalid("organization and case names must be 1 to 200 characters")
        }
        return try db.transaction {
            let tenants = TenantStore(db: db)
            let organization = try tenants.createOrganization(name: name)
            let caseRecord = try tenants.createCase(orgID: organization.id, name: caseName, claimType: claimType)
            let (owner, isNew) = try member(
                email: ownerEmail, name: ownerName, password: ownerPassword, orgID: organization.id, role: .owner)
            return CreatedOrganization(
                organization: organization, caseRecord: caseRecord, owner: owner, ownerIsNew: isNew)
        }
    }

    /// Adds a person to an organization with a role; a new address gets an account with `password`,
    /// an existing one keeps its password and gains (or changes) the membership. `reviewLevel`
    /// (1 to 3) is the audit level they review pile claims at; only roles that review may have one.
    public func createUser(
        email: String, name: String, password: String, orgID: String, role: Role, reviewLevel: Int? = nil
    ) throws -> (user: PortalUser, isNew: Bool) {
        guard try TenantStore(db: db).organization(id: orgID) != nil else {
            throw ProvisioningError.invalid("no organization with id \(orgID)")
        }
        try Self.checkReviewLevel(reviewLevel, role: role)
        return try db.transaction {
            let (user, isNew) = try member(email: email, name: name, password: password, orgID: orgID, role: role)
            try UserStore(db: db).setReviewLevel(userID: user.id, orgID: orgID, level: reviewLevel)
            return (user, isNew)
        }
    }

    /// A review level is 1 to 3 and belongs to someone who may review (owner, admin, reviewer).
    public static func checkReviewLevel(_ level: Int?, role: Role) throws {
        guard let level else { return }
        guard (1...3).contains(level) else { throw ProvisioningError.invalid("the review level must be 1, 2 or 3") }
        guard role.canReview else {
            throw ProvisioningError.invalid(
                "a \(role.rawValue) does not review; give a review level to an owner, admin or reviewer")
        }
    }

    private func member(email: String, name: String, password: String, orgID: String, role: Role) throws -> (
        PortalUser, Bool
    ) {
        let users = UserStore(db: db)
        let normalized = UserStore.normalize(email: email)
        guard normalized.contains("@"), normalized.utf8.count <= 254 else {
            throw ProvisioningError.invalid("\(email) is not an email address")
        }
        guard name.unicodeScalars.count <= 200 else {
            throw ProvisioningError.invalid("the name must be at most 200 characters")
        }
        if let existing = try users.find(email: normalized) {
            try users.setRole(userID: existing.user.id, orgID: orgID, role: role)
            return (existing.user, false)
        }
        guard password.count >= Self.minimumPasswordLength else {
            throw ProvisioningError.invalid("the password must be at least \(Self.minimumPasswordLength) characters")
        }
        let user = try users.create(
            email: normalized, name: name.isEmpty ? normalized : name, passwordHash: try hasher.hash(password))
        try users.setRole(userID: user.id, orgID: orgID, role: role)
        return (user, true)
    }
}
