import Database
import Foundation
import Tenancy
import TestSupport

/// Pile helpers over `APIFixture`: bodies, calls, and waiting for the background worker.
extension APIFixture {
    func piles(_ suffix: String = "") -> String { path(health, "/piles\(suffix)") }

    /// `{"ref": ..., "claims": [...]}` with health claims `ref-0 …`; `enrollee` varies per claim
    /// unless `sameEncounter` (then every claim is the same visit: duplicates).
    static func pileBody(ref: String?, claimRefs: [String], sameEncounter: Bool = false) -> String {
        let claims = claimRefs.enumerated().map { index, claimRef in
            healthClaim(ref: claimRef, enrollee: sameEncounter ? 4242 : 100_000 + index)
        }
        let head = ref.map { #""ref": "\#($0)", "# } ?? ""
        return "{\(head)\"claims\": [\(claims.joined(separator: ","))]}"
    }

    /// Creates a pile with `count` claims (in requests of up to 1000) and returns its id.
    func createPile(ref: String, count: Int, key: String? = nil) throws -> Int {
        let key = key ?? liveKey
        let first = min(count, 1000)
        let created = try post(
            piles(), key: key, json: Self.pileBody(ref: ref, claimRefs: (0..<first).map { "\(ref)-\($0)" }))
        guard created.status == 201, let id = created.json["id"] as? Int else {
            throw PileFixtureError.unexpected(created.status, created.text)
        }
        var sent = first
        while sent < count {
            let next = min(count - sent, 1000)
            let added = try post(
                piles("/\(id)/claims"), key: key,
                json: Self.pileBody(ref: nil, claimRefs: (sent..<sent + next).map { "\(ref)-\($0)" }))
            guard added.status == 201 else { throw PileFixtureError.unexpected(added.status, added.text) }
            sent += next
        }
        return id
    }

    /// Polls the pile until `done` says so or `timeout` seconds pass; the last status document.
    func waitForPile(_ id: Int, timeout: Double = 60, until done: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String: Any] = [:]
        while Date() < deadline {
            last = try get(piles("/\(id)"), key: liveKey).json
            if done(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return last
    }

    func setHealthSettings(_ json: String) throws {
        try db.fixtureExecute("UPDATE cases SET settings = ? WHERE id = ?", json, health.id)
        // The API caches cases for up to one second.
        Thread.sleep(forTimeInterval: 1.1)
    }
}

enum PileFixtureError: Error {
    case unexpected(Int, String)
}
