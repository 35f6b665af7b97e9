import Database
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
        name: String, caseName: String, claimType: String, ownerEmail: String, ownerName: String,
        ownerPassword: String
    ) throws -> CreatedOrganization {
        guard !name.isEmpty, name.count <= 200, !caseName.isEmpty, caseName.count <= 200 else {
            throw ProvisioningError.invalid("organization and case names must be 1 to 200 characters")
        }
        guard claimType == "settlement" || claimType == "health" else {
            throw ProvisioningError.invalid("claim type must be settlement or health")
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
    /// an existing one keeps its password and gains (or changes) the membership.
    public func createUser(email: String, name: String, password: String, orgID: String, role: Role) throws -> (
        user: PortalUser, isNew: Bool
    ) {
        guard try TenantStore(db: db).organization(id: orgID) != nil else {
            throw ProvisioningError.invalid("no organization with id \(orgID)")
        }
        return try db.transaction {
            try member(email: email, name: name, password: password, orgID: orgID, role: role)
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
