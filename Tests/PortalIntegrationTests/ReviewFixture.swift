import Database
import Foundation
import Portal
import Tenancy
import TestSupport
import Testing

/// A health case with a pile in audit, made straight in SQL as the pile worker would leave it:
/// every claim vetted, waiting at level 1 of `levels`, its items both in `claim_items` and in
/// `result_json["items"]`, and the pile's counters to match.
enum ReviewFixture {
    struct Audit {
        let tenant: PortalFixture.Tenant
        let pileID: Int
        let claimIDs: [Int]
        let environment: String

        var base: String { tenant.base }
        func claim(_ index: Int) -> String { "\(base)/claims/\(claimIDs[index])" + query }
        func claimAction(_ index: Int, _ action: String) -> String {
            "\(base)/claims/\(claimIDs[index])/\(action)" + query
        }
        func itemAction(_ index: Int, item: Int, _ action: String) -> String {
            "\(base)/claims/\(claimIDs[index])/items/\(item)/\(action)" + query
        }
        private var query: String { environment == "sandbox" ? "?env=sandbox" : "" }
    }

    /// Item 0: DRG-0042 billed 2 × 2500, approved 2 × 2000 (price cut to tariff), approved.
    /// Item 1: LAB-0001 billed 1 × 1500, approved as billed, pending (the claim is in review).
    /// Approved amount 5500.
    static let items = """
        [{"ref":"it-1","description":"Artemether/Lumefantrine 80/480","code":"DRG-0042","unit_price_billed":2500,\
        "unit_price_approved":2000,"qty_billed":2,"qty_approved":2,"sub_total_billed":5000,"sub_total_approved":4000,\
        "comments":["unit price reduced to tariff 2000"],"approval_status":1},\
        {"ref":"it-2","description":"Malaria test","code":"LAB-0001","unit_price_billed":1500,\
        "unit_price_approved":1500,"qty_billed":1,"qty_approved":1,"sub_total_billed":1500,"sub_total_approved":1500,\
        "comments":[],"approval_status":null}]
        """

    static func audit(
        claims count: Int = 3, levels: Int = 2, environment: String = "production", ref: String = "PILE-1",
        description: String = "Artemether/Lumefantrine 80/480"
    ) throws -> Audit {
        let db = TestDatabase.connect()
        let tenants = TenantStore(db: db)
        let org = try tenants.createOrganization(name: "Payer \(UUID().uuidString.prefix(6))")
        let caseRecord = try tenants.createCase(
            orgID: org.id, name: "Health Programme", claimType: .health, settingsJSON: "{\"audit_levels\": \(levels)}")
        let pileID = try db.fixtureExecute(
            """
            INSERT INTO piles (org_id, case_id, environment, ref, status, audit_levels, claims_received, claims_vetted,
              claims_awaiting_audit, created_at, submitted_at, vetted_at)
            VALUES (?, ?, ?, ?, 'in_audit', ?, ?, ?, ?, NOW(6), NOW(6), NOW(6))
            """, org.id, caseRecord.id, environment, ref, levels, count, count, count
        ).lastInsertID
        var ids: [Int] = []
        for index in 0..<count {
            ids.append(
                try claim(
                    db, orgID: org.id, caseID: caseRecord.id, environment: environment, pileID: pileID,
                    ref: "\(ref)-C\(index + 1)", description: description))
        }
        return Audit(
            tenant: PortalFixture.Tenant(org: org, caseRecord: caseRecord), pileID: pileID, claimIDs: ids,
            environment: environment)
    }

    private static func claim(
        _ db: Connection, orgID: String, caseID: String, environment: String, pileID: Int, ref: String,
        description: String
    ) throws -> Int {
        let items = Self.items.replacingOccurrences(
            of: "Artemether/Lumefantrine 80/480", with: jsonEscaped(description))
        let request = """
            {"ref":"\(jsonEscaped(ref))","provider":{"id":17,"name":"St. Luke Clinic","code":"SLC-017"},\
            "enrollee_id":99812,"encounter_date":"2026-11-01T00:00:00Z","billed_amount":6500,\
            "diagnoses":[{"name":"Malaria","icd_code":"B54"}],"items":\(items)}
            """
        let result = """
            {"deductions":[{"code":"ITEM_PRICE_ABOVE_TARIFF","points":25,"detail":"1 item priced above tariff: it-1"}],\
            "items":\(items)}
            """
        let id = try db.fixtureExecute(
            """
            INSERT INTO claims (org_id, case_id, environment, pile_id, ref, content_hash, received_at, scored_at, score,
              determination, approved_amount, approval_status, vetted_at, audit_stage, request_json, result_json)
            VALUES (?, ?, ?, ?, ?, ?, NOW(6), NOW(6), 975, 'review', 5500, NULL, NOW(6), 1, ?, ?)
            """, orgID, caseID, environment, pileID, ref, Array(UUID().uuidString.utf8.prefix(32)), request, result
        ).lastInsertID
        try db.fixtureExecute(
            """
            INSERT INTO claim_items (claim_id, position, ref, description, code, unit_price_billed, unit_price_approved,
              qty_billed, qty_approved, approval_status, comments)
            VALUES (?, 0, 'it-1', ?, 'DRG-0042', 2500, 2000, 2, 2, 1, '["unit price reduced to tariff 2000"]'),
                   (?, 1, 'it-2', 'Malaria test', 'LAB-0001', 1500, 1500, 1, 1, NULL, '[]')
            """, id, description, id)
        return id
    }

    /// A member with `role` and, when given, a review level, signed in.
    static func client(_ role: Role, level: Int?, in tenant: PortalFixture.Tenant) throws -> PortalClient {
        let user = try PortalFixture.user(role, in: tenant)
        try setLevel(user, level, in: tenant)
        return try PortalFixture.client(for: user)
    }

    static func setLevel(_ user: PortalUser, _ level: Int?, in tenant: PortalFixture.Tenant) throws {
        try UserStore(db: TestDatabase.connect()).setReviewLevel(userID: user.id, orgID: tenant.org.id, level: level)
    }

    /// The claim row's review columns, its items as stored in both places, and its history count.
    struct Snapshot: Equatable {
        let stage: Int?
        let approvalStatus: Int?
        let approvedAmount: Double?
        let resultJSON: String
        let itemRows: [String]
        let history: Int
        let audits: Int
        let events: Int
    }

    static func snapshot(_ claimID: Int) throws -> Snapshot {
        let db = TestDatabase.connect()
        let row = try db.fixtureFirst(
            "SELECT audit_stage, approval_status, approved_amount, result_json FROM claims WHERE id = ?", claimID)
        let items = try db.fixtureQuery(
            """
            SELECT CONCAT_WS('|', position, unit_price_approved, qty_approved, IFNULL(approval_status, 'null'), comments)
              AS line FROM claim_items WHERE claim_id = ? ORDER BY position
            """, claimID)
        return Snapshot(
            stage: row?.optionalInt("audit_stage"), approvalStatus: row?.optionalInt("approval_status"),
            approvedAmount: row?.optionalDouble("approved_amount"),
            resultJSON: row?.optionalString("result_json") ?? "",
            itemRows: try items.map { try $0.string("line") },
            history: try PortalFixture.count("SELECT COUNT(*) AS n FROM claim_history WHERE claim_id = ?", claimID),
            audits: try PortalFixture.count("SELECT COUNT(*) AS n FROM claim_audits WHERE claim_id = ?", claimID),
            events: try PortalFixture.count(
                "SELECT COUNT(*) AS n FROM webhook_events WHERE claim_id = ? AND type = 'claim.reviewed'", claimID))
    }

    /// `result_json["items"]` of a claim, parsed.
    static func resultItems(_ claimID: Int) throws -> [[String: Any]] {
        let text = try TestDatabase.connect().fixtureFirst("SELECT result_json FROM claims WHERE id = ?", claimID)?
            .string("result_json")
        let object = try JSONSerialization.jsonObject(with: Data((text ?? "{}").utf8)) as? [String: Any]
        return object?["items"] as? [[String: Any]] ?? []
    }

    static func pileCounts(_ pileID: Int) throws -> (status: String, awaiting: Int, approved: Int, rejected: Int) {
        let row = try #require(
            try TestDatabase.connect().fixtureFirst(
                "SELECT status, claims_awaiting_audit, claims_approved, claims_rejected FROM piles WHERE id = ?", pileID
            ))
        return (
            try row.string("status"), try row.int("claims_awaiting_audit"), try row.int("claims_approved"),
            try row.int("claims_rejected")
        )
    }

    /// Scalar by scalar: a `"` followed by a combining mark is one `Character`, which
    /// `replacingOccurrences` would not see.
    private static func jsonEscaped(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { output.append("\\") }
            output.append(scalar)
        }
        return String(output)
    }
}
