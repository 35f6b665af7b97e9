import Foundation
import JSON
import Testing
import Webhooks

@Suite struct WebhookEventTests {
    static let claim = Data(#"{"id":5012,"score":850,"determination":"pass","amount":25.10}"#.utf8)
    // 2026-11-22T10:04:10.120Z
    static let scoredAt = Date(timeIntervalSince1970: 1_795_341_850.120)

    @Test func bodyCarriesTypeTimestampAndTheClaimBytesUnchanged() throws {
        let event = try WebhookEvent(type: .claimScored, timestamp: Self.scoredAt, data: Self.claim)
        let expected =
            #"{"type":"claim.scored","timestamp":"2026-11-22T10:04:10.120Z","data":"#
            + String(decoding: Self.claim, as: UTF8.self) + "}"
        #expect(String(decoding: event.body, as: UTF8.self) == expected)
    }

    @Test func dataIsSplicedByteForByteWithoutReencoding() throws {
        // Whitespace, key order, escapes and number spelling would all change if re-encoded.
        let data = Data("{ \"b\" : 1.50 ,\n \"a\": \"\\u00e9\\/\" }".utf8)
        let body = try WebhookEvent(type: .claimReviewed, timestamp: Self.scoredAt, data: data).body
        #expect(body.range(of: data) != nil)
        #expect(body.suffix(data.count + 1) == data + Data("}".utf8))
    }

    @Test func bodyIsValidJSONWithTheExpectedFields() throws {
        let body = try WebhookEvent(type: .claimPileVettingDone, timestamp: Self.scoredAt, data: Self.claim).body
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(object["type"] as? String == "claim.pile_vetting_done")
        #expect(object["timestamp"] as? String == "2026-11-22T10:04:10.120Z")
        #expect((object["data"] as? [String: Any])?["id"] as? Int == 5012)
        #expect(object.count == 3)
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (0.001, "1970-01-01T00:00:00.001Z"),
        (-0.001, "1969-12-31T23:59:59.999Z"),
        (951_782_400, "2000-02-29T00:00:00.000Z"),
        (1_614_265_330.5, "2021-02-25T15:02:10.500Z"),
        (1_795_341_850.12, "2026-11-22T10:04:10.120Z"),
        (1_795_341_850.9999, "2026-11-22T10:04:11.000Z"),
        (4_107_542_399.999, "2100-02-28T23:59:59.999Z"),
        (253_402_300_799, "9999-12-31T23:59:59.000Z"),
    ])
    func timestampIsRFC3339UTCWithMilliseconds(seconds: Double, text: String) throws {
        let timestamp = Date(timeIntervalSince1970: seconds)
        let event = try WebhookEvent(type: .webhookTest, timestamp: timestamp, data: Data("{}".utf8))
        #expect(String(decoding: event.body, as: UTF8.self).contains(#""timestamp":"\#(text)""#))
    }

    @Test(arguments: ["", "   ", "[1,2]", "null", "\"claim\"", "{\"a\":1", "1}"])
    func dataThatIsNotAnObjectIsRefused(text: String) {
        #expect(throws: WebhookEventError.dataIsNotAJSONObject) {
            try WebhookEvent(type: .claimScored, timestamp: Self.scoredAt, data: Data(text.utf8))
        }
    }

    @Test func eventTypesAreTheDocumentedNames() {
        #expect(
            WebhookEventType.allCases.map(\.rawValue) == [
                "claim.scored", "claim.pile_vetting_done", "claim.reviewed", "pile.failed", "webhook.test",
            ])
    }
}
