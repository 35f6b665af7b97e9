import HTTP
import JSON
import Scoring
import Testing

@testable import API
@testable import Claims

struct ClaimValidatorTests {
    private let validator = ClaimValidator(protector: PayoutProtector(key: Array(repeating: 7, count: 32)))

    private func body(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    private func fields(_ text: String, _ type: ClaimType = .settlement) throws -> Set<String> {
        let value = try body(text)
        do {
            _ = try validator.validate(value, claimType: type)
            return []
        } catch {
            return Set(error.errors.map(\.field))
        }
    }

    @Test func settlementClaimIsMappedForTheEngineAndMaskedForEcho() throws {
        let claim = try validator.validate(
            try body(
                #"{"ref": "A", "claimant": {"email": "ada@example.com", "payout": {"method": "ach", "account": "0001-2345-6789"}}, "submission": {"submitted_at": "2026-11-22T10:04:10+01:00"}}"#
            ), claimType: .settlement)
        guard case .settlement(let settlement) = claim.claim else {
            Issue.record("not a settlement claim")
            return
        }
        #expect(settlement.email == "ada@example.com")
        #expect(settlement.payoutAccountHash?.count == 32)
        #expect(settlement.submittedAt == 1_795_338_250)
        let echoed = JSONWriter.string(.object(claim.echo))
        #expect(echoed.contains(#""account":"****6789""#))
        #expect(!echoed.contains("2345"))
        #expect(echoed.contains("2026-11-22T09:04:10.000000Z"))
    }

    @Test func malformedEmailIsKeptForScoringNotRefused() throws {
        #expect(try fields(#"{"ref": "A", "claimant": {"email": "not-an-email", "phone": "12"}}"#).isEmpty)
    }

    @Test func fieldsOfTheOtherClaimTypeAndUnknownFieldsAreRefused() throws {
        #expect(try fields(#"{"ref": "A", "items": []}"#) == ["items"])
        #expect(try fields(#"{"ref": "A", "claimant": {}}"#, .health) == ["claimant"])
        #expect(try fields(#"{"ref": "A", "colour": "red"}"#) == ["colour"])
    }

    @Test func typesRangesAndLengthsAreChecked() throws {
        #expect(try fields(#"{"ref": 5}"#) == ["ref"])
        #expect(try fields(#"{"ref": "A", "amount_claimed": "25"}"#) == ["amount_claimed"])
        #expect(try fields(#"{"ref": "A", "amount_claimed": 1.005}"#) == ["amount_claimed"])
        #expect(try fields(#"{"ref": "A", "amount_claimed": 0.29}"#).isEmpty)
        // Large amounts with cents are exact in decimal even where `x * 100` is not in binary.
        #expect(try fields(#"{"ref": "A", "amount_claimed": 547898793.67}"#).isEmpty)
        #expect(try fields(#"{"ref": "A", "amount_claimed": 25.0}"#).isEmpty)
        #expect(try fields(#"{"ref": "A", "amount_claimed": 0.00001}"#) == ["amount_claimed"])
        #expect(try fields(#"{"ref": "A", "amount_claimed": 547898793.675}"#) == ["amount_claimed"])
        #expect(try fields(#"{"ref": "A", "enrollee_id": -1}"#, .health) == ["enrollee_id"])
        // JSON has one number type: 3.0 is the integer 3 (JSON Schema's "integer" agrees); 3.5 is not.
        #expect(try fields(#"{"ref": "A", "enrollee_id": 3.0}"#, .health).isEmpty)
        #expect(try fields(#"{"ref": "A", "enrollee_id": 3.5}"#, .health) == ["enrollee_id"])
        #expect(try fields(#"{"ref": "A", "enrollee_id": 1e300}"#, .health) == ["enrollee_id"])
        // Lengths count code points, as the columns and JSON Schema's maxLength do.
        #expect(try fields(#"{"ref": "\#(String(repeating: "e\u{301}", count: 51))"}"#) == ["ref"])
        #expect(try fields(#"{"ref": "\#(String(repeating: "x", count: 101))"}"#) == ["ref"])
        #expect(try fields(#"{"ref": "line\nbreak"}"#) == ["ref"])
        #expect(try fields(#"{"ref": "A", "submission": {"ip": "::1"}}"#).isEmpty)
        // The first instant of year 0001 is in range; a moment before it is not.
        #expect(try fields(#"{"ref": "A", "encounter_date": "0001-01-01T00:00:00-00:00"}"#, .health).isEmpty)
        #expect(
            try fields(#"{"ref": "A", "encounter_date": "0001-01-01T00:00:00+00:01"}"#, .health) == ["encounter_date"])
        #expect(try fields(#"{"ref": "A", "submission": {"ip": "10.0.0.256"}}"#) == ["submission.ip"])
    }

    @Test func attributesAreLimitedToFiftyScalars() throws {
        let fifty = (0..<50).map { #""k\#($0)": \#($0)"# }.joined(separator: ",")
        #expect(try fields(#"{"ref": "A", "attributes": {\#(fifty)}}"#).isEmpty)
        #expect(try fields(#"{"ref": "A", "attributes": {\#(fifty), "k50": true}}"#) == ["attributes"])
        #expect(try fields(#"{"ref": "A", "attributes": {"a": [1]}}"#) == ["attributes.a"])
    }

    @Test func contentHashIgnoresKeyOrderButNotContent() throws {
        let a = try validator.validate(
            try body(#"{"ref": "A", "claimant": {"email": "a@x.co", "phone": "1"}, "amount_claimed": 5}"#),
            claimType: .settlement)
        let b = try validator.validate(
            try body(#"{"amount_claimed": 5, "claimant": {"phone": "1", "email": "a@x.co"}, "ref": "A"}"#),
            claimType: .settlement)
        let c = try validator.validate(
            try body(#"{"ref": "A", "claimant": {"email": "a@x.co", "phone": "2"}, "amount_claimed": 5}"#),
            claimType: .settlement)
        #expect(a.contentHash == b.contentHash)
        #expect(a.contentHash != c.contentHash)
    }

    @Test func sameLastFourDigitsOfAnotherAccountChangeTheContentHash() throws {
        let one = try validator.validate(
            try body(#"{"ref": "A", "claimant": {"payout": {"account": "111100006789"}}}"#), claimType: .settlement)
        let two = try validator.validate(
            try body(#"{"ref": "A", "claimant": {"payout": {"account": "222200006789"}}}"#), claimType: .settlement)
        #expect(JSONWriter.string(.object(one.echo)) == JSONWriter.string(.object(two.echo)))
        #expect(one.contentHash != two.contentHash)
    }
}

/// Lengths in code points and amounts bounded so no column overflows (issue 10).
struct ClaimStorageLimitTests {
    private let validator = ClaimValidator(protector: PayoutProtector(key: Array(repeating: 7, count: 32)))

    private func errors(_ text: String, _ type: ClaimType) throws -> [ClaimValidationError.FieldError] {
        let body = try JSONParser.parse(Array(text.utf8))
        do {
            _ = try validator.validate(body, claimType: type)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func lengthsAreCountedInCodePointsTheUnitOfTheColumns() throws {
        let accented = String(repeating: "e\u{301}", count: 100)
        #expect(accented.count == 100 && accented.unicodeScalars.count == 200)
        #expect(try errors(#"{"ref": "\#(accented)"}"#, .settlement).map(\.field) == ["ref"])
        let fifty = String(repeating: "e\u{301}", count: 50)
        #expect(try errors(#"{"ref": "\#(fifty)"}"#, .settlement).isEmpty)
        let item =
            #"{"ref": "r", "items": [{"ref": "R", "description": "D", "code": "C", "unit_price_billed": 1, "qty_billed": 1}]}"#
        for (field, size) in [("ref", 100), ("description", 500), ("code", 50)] {
            let long = String(repeating: "a\u{308}", count: size / 2 + 1)
            let text = item.replacingOccurrences(
                of: #""\#(field)": "\#(field.prefix(1).uppercased())""#, with: #""\#(field)": "\#(long)""#)
            #expect(try errors(text, .health).map(\.field) == ["items[0].\(field)"], "\(field)")
        }
    }

    @Test func itemPricesAndQuantitiesAreBoundedSoNoSubTotalOrSumCanOverflow() throws {
        func claim(_ items: [(Int64, Int64)]) -> String {
            let list = items.map { #"{"unit_price_billed": \#($0.0), "qty_billed": \#($0.1)}"# }
            return #"{"ref": "r", "items": [\#(list.joined(separator: ","))]}"#
        }
        #expect(try errors(claim([(1_000_000_000_000, 100)]), .health).map(\.field) == ["items[0].unit_price_billed"])
        #expect(try errors(claim([(100_000_001, 1)]), .health).map(\.field) == ["items[0].unit_price_billed"])
        #expect(try errors(claim([(1, 1_001)]), .health).map(\.field) == ["items[0].qty_billed"])
        // Every item at both maxima, as many items as allowed: accepted, and the largest possible
        // sum (5 × 10¹³) still fits claims.approved_amount DECIMAL(16,2), whose capacity is 10¹⁴.
        let many = Array(repeating: (Int64(100_000_000), Int64(1_000)), count: ClaimValidator.maxItems)
        #expect(try errors(claim(many), .health).isEmpty)
        #expect(Int64(ClaimValidator.maxItems) * 100_000_000 * 1_000 < 100_000_000_000_000)
    }
}

/// The domain's validation error becomes the API's problem+json exactly as the validator's
/// `HTTPError` did before Claims stopped depending on HTTP (issue 11).
struct ClaimValidationErrorMappingTests {
    private let validator = ClaimValidator(protector: PayoutProtector(key: Array(repeating: 7, count: 32)))

    private func refusal(_ text: String, _ type: ClaimType) throws -> ClaimValidationError? {
        let body = try JSONParser.parse(Array(text.utf8))
        do {
            _ = try validator.validate(body, claimType: type)
            return nil
        } catch {
            return error
        }
    }

    @Test func aRefusedClaimIsA422ValidationProblemListingEveryField() throws {
        let error = try #require(try refusal(#"{"claimant": {"email": 5}, "colour": "red"}"#, .settlement))
        let http = error.httpError()
        #expect(
            http
                == HTTPError.unprocessable([
                    .init(field: "colour", message: "is not a known field"),
                    .init(field: "ref", message: "is required"),
                    .init(field: "claimant.email", message: "must be a string"),
                ]))
        let response = http.response
        #expect(response.status == 422)
        #expect(response.headers["content-type"] == "application/problem+json")
        let body = try JSONParser.parse(response.body)
        #expect(body["type"]?.string == "urn:claimscore:problem:validation-failed")
        #expect(body["title"]?.string == "Validation failed")
        #expect(body["detail"]?.string == "The request failed validation.")
        #expect(body["status"]?.number == 422)
        guard case .array(let errors)? = body["errors"] else {
            Issue.record("no errors array")
            return
        }
        #expect(errors.compactMap { $0["field"]?.string } == ["colour", "ref", "claimant.email"])
        #expect(errors.compactMap { $0["message"]?.string }.first == "is not a known field")
    }

    @Test func aBodyThatIsNoObjectIsRefusedAsBefore() throws {
        let error = try #require(try refusal("[1]", .health))
        #expect(error.errors == [.init(field: "(body)", message: "must be a JSON object")])
        #expect(error.httpError() == .unprocessable([.init(field: "(body)", message: "must be a JSON object")]))
        #expect(error.httpError().slug == "validation-failed" && error.httpError().status == 422)
    }
}
