import Foundation
import JSON
import Testing

@testable import HTTP

struct ProblemTests {
    private func object(_ response: Response) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test func problemJSONCarriesTypeTitleStatusDetailAndContentType() throws {
        let response = HTTPError.notFound("No such case.").response
        #expect(response.status == 404)
        #expect(response.headers["content-type"] == "application/problem+json")
        let body = try object(response)
        #expect(body["type"] as? String == "urn:claimscore:problem:not-found")
        #expect(body["title"] as? String == "Not found")
        #expect(body["status"] as? Int == 404)
        #expect(body["detail"] as? String == "No such case.")
        #expect(body["errors"] == nil)
    }

    @Test func validationProblemListsFieldErrors() throws {
        let error = HTTPError.unprocessable([.init(field: "items[2].qty_billed", message: "must be a positive integer")]
        )
        let body = try object(error.response)
        #expect(body["status"] as? Int == 422)
        let errors = try #require(body["errors"] as? [[String: String]])
        #expect(errors == [["field": "items[2].qty_billed", "message": "must be a positive integer"]])
    }

    @Test func rateLimitProblemSetsRetryAfter() {
        #expect(HTTPError.tooManyRequests(retryAfter: 7).response.headers["retry-after"] == "7")
    }

    @Test func internalErrorSaysNothingInternal() throws {
        let text = String(decoding: HTTPError.internalError.response.body, as: UTF8.self)
        #expect(!text.contains("SQL"))
        #expect(!text.contains("/"))
        #expect(HTTPError.internalError.response.status == 500)
    }

    @Test func jsonDecodingMapsSyntaxTo400AndTypesTo422WithPath() throws {
        struct Item: Decodable { let qty: Int }
        struct Body: Decodable { let items: [Item] }
        var request = Request(method: "POST", path: "/")
        request.headers.set("content-type", "application/json")
        request.body = Array("{\"items\": [".utf8)
        #expect(throws: HTTPError.badRequest("The body is not valid JSON.")) {
            try JSONBody.decode(Body.self, from: request)
        }
        request.body = Array("{\"items\": [{\"qty\": 1}, {\"qty\": \"x\"}]}".utf8)
        do {
            _ = try JSONBody.decode(Body.self, from: request)
            Issue.record("expected 422")
        } catch {
            #expect(error.status == 422)
            #expect(error.errors.first?.field == "items[1].qty")
        }
    }

    @Test func jsonDecodingRejectsWrongContentType() {
        var request = Request(method: "POST", path: "/")
        request.headers.set("content-type", "text/plain")
        request.body = Array("{}".utf8)
        struct Body: Decodable {}
        #expect(throws: HTTPError.self) { try JSONBody.decode(Body.self, from: request) }
    }

    @Test func aJSONLimitIsA413NamingTheCap() {
        let failure = JSONParser.Failure(message: "more than 1000 keys in one object", offset: 9, limit: .keysPerObject)
        let error = HTTPError.jsonLimit(failure)
        #expect(error.status == 413 && error.detail.contains("keys_per_object"))
    }
}
