import Database
import JSON
import Tenancy

/// A claim row as stored; `ClaimDocument` turns it into the API's JSON.
public struct StoredClaim: Sendable, RowDecodable {
    public var id: Int
    public var pileID: Int?
    public var caseID: String
    public var environment: Environment
    public var ref: String
    public var contentHash: [UInt8]
    public var receivedAt: Int64
    public var scoredAt: Int64?
    public var score: Int?
    public var determination: String?
    public var approvedAmount: Double?
    public var approvalStatus: Int?
    public var vettedAt: Int64?
    /// The audit level (1...3) a pile claim waits for; nil when it waits for none.
    public var auditStage: Int?
    /// Why the pile worker could not vet this claim (it was then passed over); nil otherwise.
    public var vettingError: String?
    /// The echoed request (payout masked).
    public var request: JSONObject
    /// `{"deductions": [...], "items": [...]}` once scored.
    public var result: JSONObject?

    public static let columns: SQLColumns = [
        "id", "pile_id", "case_id", "environment", "ref", "content_hash", "received_at", "scored_at", "score",
        "determination", "approved_amount", "approval_status", "vetted_at", "audit_stage", "vetting_error",
        "request_json", "result_json",
    ]

    public init(row: Row) throws {
        id = try row.decode("id")
        pileID = try row.decode("pile_id")
        caseID = try row.decode("case_id")
        environment = try row.decode("environment")
        ref = try row.decode("ref")
        contentHash = try row.decode("content_hash")
        receivedAt = try row.timestamp("received_at")
        scoredAt = try row.optionalTimestamp("scored_at")
        score = try row.decode("score")
        determination = try row.decode("determination")
        approvedAmount = try row.decode("approved_amount")
        approvalStatus = try row.decode("approval_status")
        vettedAt = try row.optionalTimestamp("vetted_at")
        auditStage = try row.decode("audit_stage")
        vettingError = try row.decode("vetting_error")
        guard
            case .object(let request) = try JSONParser.parse(
                Array(try row.decode("request_json", as: String.self).utf8))
        else {
            throw DatabaseError.typeMismatch(column: "request_json", expected: "a JSON object", found: "other JSON")
        }
        self.request = request
        if let text = try row.decode("result_json", as: String?.self),
            case .object(let result) = try JSONParser.parse(Array(text.utf8))
        {
            self.result = result
        }
    }

    public init(
        id: Int, pileID: Int?, caseID: String, environment: Environment, ref: String, contentHash: [UInt8],
        receivedAt: Int64, request: JSONObject
    ) {
        self.id = id
        self.pileID = pileID
        self.caseID = caseID
        self.environment = environment
        self.ref = ref
        self.contentHash = contentHash
        self.receivedAt = receivedAt
        self.request = request
    }
}
