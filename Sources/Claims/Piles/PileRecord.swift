import Common
import Database
import JSON
import Tenancy

/// A pile as stored, with its counters; `document` is the API's JSON for it.
public struct PileRecord: Sendable, Equatable, RowDecodable {
    /// Where a pile is in its life (see sql/007_piles.sql).
    public enum Status: String, Sendable, CaseIterable {
        case open
        case vetting
        case inAudit = "in_audit"
        case finishing
        case vettingDone = "vetting_done"
        /// The worker gave up after repeated failures not tied to one claim (`failure` says why).
        case failed

        /// As the portal shows it; 'Vetting Done' is the source document's name.
        public var label: String {
            switch self {
            case .open: "Open"
            case .vetting: "Vetting"
            case .inAudit: "In audit"
            case .finishing: "Finishing"
            case .vettingDone: "Vetting Done"
            case .failed: "Failed"
            }
        }
    }

    /// The pile's claims by where they are: `received` = not yet vetted + awaiting audit +
    /// approved + rejected + pending + failed; `vetted` includes `failed` (claims that could not
    /// be vetted, each with its `vetting_error`).
    public struct Counts: Sendable, Equatable {
        public var received: Int
        public var vetted: Int
        public var awaitingAudit: Int
        public var approved: Int
        public var rejected: Int
        public var pending: Int
        public var failed: Int
    }

    public let id: Int
    public let orgID: String
    public let caseID: String
    public let environment: Environment
    public let ref: String
    public let status: Status
    public let auditLevels: Int
    public let counts: Counts
    public let createdAt: Int64
    public let submittedAt: Int64?
    public let vettedAt: Int64?
    public let doneAt: Int64?
    /// Why the worker parked the pile as `failed` (or why its last try failed while retrying).
    public let failure: String?
    public let failedAt: Int64?
    /// Failed tries in a row.
    public let attempts: Int

    public static let columns: SQLColumns = [
        "id", "org_id", "case_id", "environment", "ref", "status", "audit_levels", "claims_received",
        "claims_vetted", "claims_awaiting_audit", "claims_approved", "claims_rejected", "claims_pending",
        "claims_failed", "created_at", "submitted_at", "vetted_at", "done_at", "failure", "failed_at", "attempts",
    ]

    public init(row: Row) throws {
        id = try row.decode("id")
        orgID = try row.decode("org_id")
        caseID = try row.decode("case_id")
        environment = try row.decode("environment")
        ref = try row.decode("ref")
        status = try row.decode("status")
        auditLevels = try row.decode("audit_levels")
        counts = Counts(
            received: try row.decode("claims_received"), vetted: try row.decode("claims_vetted"),
            awaitingAudit: try row.decode("claims_awaiting_audit"), approved: try row.decode("claims_approved"),
            rejected: try row.decode("claims_rejected"), pending: try row.decode("claims_pending"),
            failed: try row.decode("claims_failed"))
        createdAt = try row.timestamp("created_at")
        submittedAt = try row.optionalTimestamp("submitted_at")
        vettedAt = try row.optionalTimestamp("vetted_at")
        doneAt = try row.optionalTimestamp("done_at")
        failure = try row.decode("failure")
        failedAt = try row.optionalTimestamp("failed_at")
        attempts = try row.decode("attempts")
    }

    /// The API's view: `GET …/piles/{id}`.
    public var document: JSONValue {
        func time(_ micros: Int64?) -> JSONValue { micros.map { .string(Timestamp.format(micros: $0)) } ?? .null }
        return .object(
            JSONObject([
                ("id", .int(Int64(id))), ("ref", .string(ref)), ("case_id", .string(caseID)),
                ("environment", .string(environment.rawValue)), ("status", .string(status.rawValue)),
                ("audit_levels", .int(Int64(auditLevels))),
                (
                    "counts",
                    .object(
                        JSONObject([
                            ("received", .int(Int64(counts.received))), ("vetted", .int(Int64(counts.vetted))),
                            ("awaiting_audit", .int(Int64(counts.awaitingAudit))),
                            ("approved", .int(Int64(counts.approved))), ("rejected", .int(Int64(counts.rejected))),
                            ("pending", .int(Int64(counts.pending))), ("failed", .int(Int64(counts.failed))),
                        ]))
                ),
                ("created_at", time(createdAt)), ("submitted_at", time(submittedAt)),
                ("vetted_at", time(vettedAt)), ("vetting_done_at", time(doneAt)),
                // Only a parked pile has a failure; retries in progress are not the client's concern.
                ("failure", status == .failed ? failure.map(JSONValue.string) ?? .null : .null),
                ("failed_at", status == .failed ? time(failedAt) : .null),
            ]))
    }
}

/// Binds and decodes as its raw value, so no status is ever written into SQL as a literal.
extension PileRecord.Status: SQLEnum {}
