/// The engine's verdict on one claim; keys encode in the API's snake_case.
public struct ScoreResult: Sendable, Codable, Equatable {
    /// 1000 minus the deductions, floored at 0; nil when `insufficient` (not analysed, so no
    /// number would be honest).
    public var score: Int?
    public var determination: Determination
    /// In catalogue order, at most one per code.
    public var deductions: [Deduction]
    /// Health only: the sum of the items' `subTotalApproved`; nil for settlement claims and
    /// insufficient health claims.
    public var approvedAmount: Double?
    /// Health only: 1 approved, 0 rejected (fail, or every item rejected), nil pending (review,
    /// insufficient, or a settlement claim).
    public var approvalStatus: Int?
    /// Health only: every item after vetting, in claim order; empty otherwise.
    public var items: [VettedItem]

    public init(
        score: Int?, determination: Determination, deductions: [Deduction] = [], approvedAmount: Double? = nil,
        approvalStatus: Int? = nil, items: [VettedItem] = []
    ) {
        self.score = score
        self.determination = determination
        self.deductions = deductions
        self.approvedAmount = approvedAmount
        self.approvalStatus = approvalStatus
        self.items = items
    }

    /// The result for a claim that could not be analysed.
    public static let insufficient = ScoreResult(score: nil, determination: .insufficient)

    enum CodingKeys: String, CodingKey {
        case score, determination, deductions, items
        case approvedAmount = "approved_amount"
        case approvalStatus = "approval_status"
    }
}
