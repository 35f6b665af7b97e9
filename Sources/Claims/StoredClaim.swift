import Database
import HTTP
import JSON

/// A claim row as stored; `ClaimDocument` turns it into the API's JSON.
public struct StoredClaim: Sendable {
    public var id: Int
    public var pileID: Int?
    public var caseID: String
    public var environment: String
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

    public static let columns = """
        id, pile_id, case_id, environment, ref, content_hash, received_at, scored_at, score, determination,
        approved_amount, approval_status, vetted_at, audit_stage, vetting_error, request_json, result_json
        """

    public init(row: Row) throws {
        id = try row.int("id")
        pileID = row.optionalInt("pile_id")
        caseID = try row.string("case_id")
        environment = try row.string("environment")
        ref = try row.string("ref")
        contentHash = row.bytes("content_hash") ?? []
        receivedAt = row.optionalString("received_at").flatMap(Timestamp.fromSQL) ?? 0
        scoredAt = row.optionalString("scored_at").flatMap(Timestamp.fromSQL)
        score = row.optionalInt("score")
        determination = row.optionalString("determination")
        approvedAmount = row.optionalDouble("approved_amount")
        approvalStatus = row.optionalInt("approval_status")
        vettedAt = row.optionalString("vetted_at").flatMap(Timestamp.fromSQL)
        auditStage = row.optionalInt("audit_stage")
        vettingError = row.optionalString("vetting_error")
        guard case .object(let request) = try JSONParser.parse(Array(try row.string("request_json").utf8)) else {
            throw DatabaseError.typeMismatch(column: "request_json", expected: "a JSON object", found: "other JSON")
        }
        self.request = request
        if let text = row.optionalString("result_json"),
            case .object(let result) = try JSONParser.parse(Array(text.utf8))
        {
            self.result = result
        }
    }

    public init(
        id: Int, pileID: Int?, caseID: String, environment: String, ref: String, contentHash: [UInt8],
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
