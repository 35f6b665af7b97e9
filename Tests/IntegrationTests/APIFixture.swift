import Database
import Foundation
import Tenancy
import TestSupport

/// A fresh organization with a settlement and a health case, keys for both environments, and a
/// second organization, created through the same stores the portal uses.
struct APIFixture {
    let db: Connection
    let org: Organization
    let settlement: CaseRecord
    let health: CaseRecord
    let liveKey: String
    let liveKeyID: Int
    let sandboxKey: String
    let otherOrg: Organization
    let otherCase: CaseRecord
    let otherKey: String

    static let healthSettings = """
        {"tariff": {"DRG-0042": {"unit_price": 2000, "max_qty": 3}, "LAB-0001": {"unit_price": 1500, "max_qty": 1}}}
        """

    init(settlementSettings: String = "{}") throws {
        db = TestDatabase.connect()
        let tenants = TenantStore(db: db)
        let keys = ApiKeyStore(db: db)
        org = try tenants.createOrganization(name: "Fixture \(UUID().uuidString.prefix(6))")
        settlement = try tenants.createCase(
            orgID: org.id, name: "Widgets Settlement", claimType: .settlement, settingsJSON: settlementSettings)
        health = try tenants.createCase(
            orgID: org.id, name: "Payer Programme", claimType: .health, settingsJSON: Self.healthSettings)
        let live = try keys.create(
            orgID: org.id, environment: .production, name: "Production Claim Form", description: "", createdBy: nil)
        liveKey = live.plaintext
        liveKeyID = live.key.id
        sandboxKey = try keys.create(
            orgID: org.id, environment: .sandbox, name: "Sandbox Testing", description: "", createdBy: nil
        ).plaintext
        otherOrg = try tenants.createOrganization(name: "Other \(UUID().uuidString.prefix(6))")
        otherCase = try tenants.createCase(orgID: otherOrg.id, name: "Other", claimType: .settlement)
        otherKey = try keys.create(
            orgID: otherOrg.id, environment: .production, name: "Other", description: "", createdBy: nil
        ).plaintext
    }

    func path(_ record: CaseRecord, _ suffix: String = "") -> String {
        "/api/v1/orgs/\(record.orgID)/cases/\(record.id)\(suffix)"
    }

    func post(_ path: String, key: String, json: String, headers: [String: String] = [:]) throws -> HTTPResult {
        var all = ["Authorization": "Bearer \(key)", "Content-Type": "application/json"]
        all.merge(headers) { $1 }
        return try RawHTTPClient.send("POST", path, headers: all, body: Array(json.utf8))
    }

    /// `post` as a well-behaved client sends it: a 429 waits out its Retry-After (at most 2 s a
    /// time, 10 tries) and tries again. For tests that send more than the per-key burst on purpose.
    func postPaced(_ path: String, key: String, json: String) throws -> HTTPResult {
        var result = try post(path, key: key, json: json)
        for _ in 0..<10 where result.status == 429 {
            let wait = min(2, max(0.1, Double(result.header("Retry-After") ?? "") ?? 1))
            Thread.sleep(forTimeInterval: wait)
            result = try post(path, key: key, json: json)
        }
        return result
    }

    func get(_ path: String, key: String) throws -> HTTPResult {
        try RawHTTPClient.send("GET", path, headers: ["Authorization": "Bearer \(key)"])
    }

    func claimCount(_ record: CaseRecord) throws -> Int {
        try db.fixtureFirst("SELECT COUNT(*) AS n FROM claims WHERE case_id = ?", record.id)?.int("n") ?? -1
    }

    /// A complete, clean settlement claim; `email` and `ip` vary it.
    static func settlementClaim(ref: String, email: String, ip: String = "203.0.113.7", extra: String = "") -> String {
        """
        {"ref": "\(ref)", "claimant": {"first_name": "Ada", "last_name": "Obi", "email": "\(email)",
          "phone": "+15555550123", "address": {"line1": "1 Main St", "line2": "Apt 4", "city": "Springfield",
          "region": "IL", "postal_code": "62701", "country": "US"}, "payout": {"method": "ach", "account": "000123456789"}},
         "submission": {"ip": "\(ip)", "user_agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0",
          "form_started_at": "2026-11-22T10:00:00Z", "submitted_at": "2026-11-22T10:04:10Z",
          "device_id": "d-\(ref)", "source": "email-campaign-3"},
         "amount_claimed": 25.00\(extra)}
        """
    }

    static func healthClaim(ref: String, enrollee: Int = 99812) -> String {
        """
        {"ref": "\(ref)", "provider": {"id": 17, "name": "St. Luke Clinic", "code": "SLC-017"},
         "enrollee_id": \(enrollee), "encounter_date": "2026-11-01T00:00:00Z", "billed_amount": 11000.00,
         "diagnoses": [{"name": "Malaria", "icd_code": "B54"}],
         "items": [{"ref": "it-1", "description": "Artemether/Lumefantrine 80/480", "code": "DRG-0042",
                    "unit_price_billed": 2500, "qty_billed": 2},
                   {"ref": "it-2", "description": "Malaria RDT", "code": "LAB-0001", "unit_price_billed": 1500,
                    "qty_billed": 2},
                   {"ref": "it-3", "description": "Unlisted", "code": "XXX-9", "unit_price_billed": 3000,
                    "qty_billed": 1}]}
        """
    }
}
