import Database
import Foundation
import Portal
import Tenancy
import TestSupport
import Testing

/// Review input that once killed the process or overflowed a column, through nginx: an item
/// position of Int.max (every action) is a 404 that changes nothing and leaves the service up;
/// comments per item are bounded in count and size (422).
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct ReviewInputLimitsTests {
    @Test func anItemPositionOfIntMaxIs404ForEveryActionAndChangesNothing() throws {
        let audit = try ReviewFixture.audit(claims: 1)
        let reviewer = try ReviewFixture.client(.reviewer, level: 1, in: audit.tenant)
        let before = try ReviewFixture.snapshot(audit.claimIDs[0])
        let forms: [(String, [(String, String)])] = [
            ("approve", []), ("reject", []), ("quantity", [("qty_approved", "1")]),
            ("price", [("unit_price_approved", "1")]), ("comment", [("comment", "hello")]),
        ]
        for position in ["9223372036854775807", "9223372036854775808", "500", "2", "-1"] {
            for (action, fields) in forms {
                let path = "\(audit.base)/claims/\(audit.claimIDs[0])/items/\(position)/\(action)"
                let result = try reviewer.post(path, fields)
                #expect(result.status == 404, "\(action) at \(position)")
            }
        }
        #expect(try ReviewFixture.snapshot(audit.claimIDs[0]) == before)
        #expect(
            try PortalFixture.count("SELECT COUNT(*) AS n FROM claim_history WHERE claim_id = ?", audit.claimIDs[0])
                == 0)
        #expect(try RawHTTPClient.send("GET", "/api/v1/health").status == 200)
    }

    /// `commentsPerItem`, `.commentLimit` and `.commentBytesPerItem` (README "Limits").
    private let commentsPerItem = 20
    private let commentLimit = 500
    private let commentBytesPerItem = 16_384

    @Test func commentsPerItemAreBoundedInCountAndSize() throws {
        let audit = try ReviewFixture.audit(claims: 1)
        let reviewer = try ReviewFixture.client(.reviewer, level: 1, in: audit.tenant)
        // Item 0 carries one vetting comment: 19 more reach the bound of 20.
        for index in 1...(commentsPerItem - 1) {
            let result = try reviewer.post(audit.itemAction(0, item: 0, "comment"), [("comment", "note \(index)")])
            #expect(result.status == 303, "comment \(index)")
        }
        let refused = try reviewer.post(audit.itemAction(0, item: 0, "comment"), [("comment", "one too many")])
        #expect(refused.status == 422)
        #expect(refused.text.contains("already has \(commentsPerItem) comments"))
        // Item 1: comments of 500 four-byte scalars (2,000 bytes) until the 16,384-byte bound.
        let long = String(repeating: "😀", count: commentLimit)
        let fit = commentBytesPerItem / long.utf8.count
        for index in 0..<fit {
            #expect(
                try reviewer.post(audit.itemAction(0, item: 1, "comment"), [("comment", long)]).status == 303,
                "\(index)")
        }
        let tooBig = try reviewer.post(audit.itemAction(0, item: 1, "comment"), [("comment", long)])
        #expect(tooBig.status == 422)
        let items = try ReviewFixture.resultItems(audit.claimIDs[0])
        #expect((items[0]["comments"] as? [String])?.count == commentsPerItem)
        #expect((items[1]["comments"] as? [String])?.count == fit)
    }
}
