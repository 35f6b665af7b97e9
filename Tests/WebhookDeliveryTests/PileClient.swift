import Database
import Foundation
import HTTP
import Tenancy
import TestSupport

/// A health case of a `DeliveryFixture` driven through nginx with an API key: create, fill and
/// submit piles, read their status, as an integrator would.
struct PileClient {
    let fixture: DeliveryFixture
    let key: String

    init(fixture: DeliveryFixture, settings: String) throws {
        self.fixture = fixture
        try fixture.db.fixtureExecute("UPDATE cases SET settings = ? WHERE id = ?", settings, fixture.caseID)
        key = try ApiKeyStore(db: fixture.db).create(
            orgID: fixture.orgID, environment: .production, name: "Pile test", description: "", createdBy: nil
        ).plaintext
    }

    var base: String { "/api/v1/orgs/\(fixture.orgID)/cases/\(fixture.caseID)/piles" }

    func post(_ path: String, _ json: String) throws -> HTTPResult {
        try RawHTTPClient.send(
            "POST", path, headers: ["Authorization": "Bearer \(key)", "Content-Type": "application/json"],
            body: Array(json.utf8))
    }

    func status(_ pile: Int) throws -> [String: Any] {
        try RawHTTPClient.send("GET", "\(base)/\(pile)", headers: ["Authorization": "Bearer \(key)"]).json
    }

    /// A health claim; `index` varies the enrollee (no duplicate encounters) and the items, so
    /// approvals, reductions and rejections all occur.
    static func claim(ref: String, index: Int) -> String {
        let qty = 1 + index % 5
        return """
            {"ref": "\(ref)", "provider": {"id": \(10 + index % 7), "name": "Clinic \(index % 7)", "code": "CL-\(index % 7)"},
             "enrollee_id": \(500_000 + index), "encounter_date": "2026-11-01T00:00:00Z",
             "billed_amount": \(Double(2500 * qty + 1500)),
             "diagnoses": [{"name": "Malaria", "icd_code": "B54"}],
             "items": [{"ref": "\(ref)-1", "description": "Artemether/Lumefantrine 80/480", "code": "DRG-0042",
                        "unit_price_billed": 2500, "qty_billed": \(qty)},
                       {"ref": "\(ref)-2", "description": "\(index % 3 == 0 ? "Unlisted" : "Malaria RDT")",
                        "code": "\(index % 3 == 0 ? "XXX-9" : "LAB-0001")", "unit_price_billed": 1500, "qty_billed": 1}]}
            """
    }

    /// Creates a pile of `count` claims in requests of 1000 and submits it; returns its id and
    /// the claim ids in the order they were created.
    func submitPile(ref: String, count: Int) throws -> (pile: Int, claims: [Int]) {
        var pile: Int?
        var claims: [Int] = []
        var sent = 0
        while sent < count {
            let next = min(1000, count - sent)
            let bodies = (sent..<sent + next).map { Self.claim(ref: "\(ref)-\($0)", index: $0) }
            let list = "[" + bodies.joined(separator: ",") + "]"
            let answer =
                try pile.map { try post("\(base)/\($0)/claims", #"{"claims": \#(list)}"#) }
                ?? post(base, #"{"ref": "\#(ref)", "claims": \#(list)}"#)
            guard answer.status == 201 else { throw PileClientError.refused(answer.status, answer.text) }
            pile = pile ?? (answer.json["id"] as? Int)
            claims += (answer.json["claims"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
            sent += next
        }
        guard let pile else { throw PileClientError.refused(0, "no pile") }
        let submitted = try post("\(base)/\(pile)/submit", "{}")
        guard submitted.status == 202 else { throw PileClientError.refused(submitted.status, submitted.text) }
        return (pile, claims)
    }

    static let settings = """
        {"audit_levels": %d, "tariff": {"DRG-0042": {"unit_price": 2000, "max_qty": 3},
         "LAB-0001": {"unit_price": 1500, "max_qty": 1}}}
        """
}

enum PileClientError: Error {
    case refused(Int, String)
}
