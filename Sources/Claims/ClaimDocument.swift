import Common
import JSON
import Scoring

/// The claim as the API returns it and webhooks carry it: the request (payout masked) plus
/// ids, times, score, determination, deductions and, for health claims, the vetting outcome.
public enum ClaimDocument {
    /// The stored result part of a score.
    public static func result(_ score: ScoreResult, claimType: ClaimType) -> JSONObject {
        var result = JSONObject()
        result["deductions"] = .array(
            score.deductions.map {
                .object(
                    JSONObject([
                        ("code", .string($0.code.rawValue)), ("points", .int(Int64($0.points))),
                        ("detail", .string($0.detail)),
                    ]))
            })
        if claimType == .health { result["items"] = .array(score.items.map(item)) }
        return result
    }

    /// The payload's item fields in its order, then `code` (ours, not the document's).
    static func item(_ item: VettedItem) -> JSONValue {
        .object(
            JSONObject([
                ("ref", text(item.ref)), ("description", text(item.description)),
                ("unit_price_billed", .int(Int64(item.unitPriceBilled))),
                ("unit_price_approved", .int(Int64(item.unitPriceApproved))),
                ("qty_billed", .int(Int64(item.qtyBilled))), ("qty_approved", .int(Int64(item.qtyApproved))),
                ("sub_total_billed", .int(Int64(item.subTotalBilled))),
                ("sub_total_approved", .int(Int64(item.subTotalApproved))),
                ("comments", .array(item.comments.map(JSONValue.string))),
                ("approval_status", item.approvalStatus.map { .int(Int64($0)) } ?? .null), ("code", text(item.code)),
            ]))
    }

    /// The full document of a stored claim.
    public static func build(_ claim: StoredClaim, claimType: ClaimType) -> JSONValue {
        claimType == .health ? health(claim) : settlement(claim)
    }

    private static func settlement(_ claim: StoredClaim) -> JSONValue {
        var document = identity(claim)
        document["case_id"] = .string(claim.caseID)
        document["environment"] = .string(claim.environment.rawValue)
        for entry in claim.request.entries where entry.key != "ref" && entry.key != "items" {
            document[entry.key] = entry.value
        }
        appendScore(claim, to: &document)
        return .object(document)
    }

    /// The fields of the pile payload (`001_5f26067943e05fce.txt`) first, in its order, then the
    /// rest: one shape for the API, `claim.scored` and `claim.pile_vetting_done`.
    private static func health(_ claim: StoredClaim) -> JSONValue {
        var document = identity(claim)
        for key in ["provider", "encounter_date", "enrollee_id", "billed_amount"] {
            document[key] = claim.request[key] ?? .null
        }
        document["approved_amount"] = claim.approvedAmount.map(JSONValue.double) ?? .null
        document["approval_status"] = claim.approvalStatus.map { .int(Int64($0)) } ?? .null
        document["vetted_at"] = time(claim.vettedAt)
        document["diagnoses"] = claim.request["diagnoses"] ?? .array([])
        document["items"] = claim.result?["items"] ?? claim.request["items"] ?? .array([])
        document["case_id"] = .string(claim.caseID)
        document["environment"] = .string(claim.environment.rawValue)
        for entry in claim.request.entries where document[entry.key] == nil {
            document[entry.key] = entry.value
        }
        appendScore(claim, to: &document)
        document["audit_stage"] = claim.auditStage.map { .int(Int64($0)) } ?? .null
        // Why a pile claim could not be vetted (score and determination are then null).
        document["vetting_error"] = text(claim.vettingError)
        return .object(document)
    }

    private static func identity(_ claim: StoredClaim) -> JSONObject {
        var document = JSONObject()
        document["id"] = .int(Int64(claim.id))
        document["pile_id"] = claim.pileID.map { .int(Int64($0)) } ?? .null
        document["ref"] = .string(claim.ref)
        return document
    }

    private static func appendScore(_ claim: StoredClaim, to document: inout JSONObject) {
        document["received_at"] = .string(Timestamp.format(micros: claim.receivedAt))
        document["scored_at"] = time(claim.scoredAt)
        document["score"] = claim.score.map { .int(Int64($0)) } ?? .null
        document["determination"] = claim.determination.map(JSONValue.string) ?? .null
        document["deductions"] = claim.result?["deductions"] ?? .array([])
    }

    private static func time(_ micros: Int64?) -> JSONValue {
        micros.map { .string(Timestamp.format(micros: $0)) } ?? .null
    }

    private static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
}
