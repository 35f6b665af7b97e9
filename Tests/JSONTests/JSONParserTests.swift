import Testing

@testable import JSON

struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func keepsIntegersFloatsAndBooleansApart() throws {
        let value = try parse(#"{"i": 2, "f": 2.0, "e": 1e3, "b": true, "n": null, "neg": -7}"#)
        #expect(value["i"] == .int(2))
        #expect(value["f"] == .double(2.0))
        #expect(value["e"] == .double(1000))
        #expect(value["b"] == .bool(true))
        #expect(value["n"] == .null)
        #expect(value["neg"] == .int(-7))
    }

    @Test func keepsObjectKeyOrder() throws {
        guard case .object(let object) = try parse(#"{"z": 1, "a": 2, "m": 3}"#) else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["z", "a", "m"])
    }

    @Test func decodesEscapesIncludingSurrogatePairs() throws {
        #expect(try parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude80""#) == .string("a\"b\\c/d\né🚀"))
    }

    @Test func refusesMalformedDocuments() {
        for text in [
            "", "{", #"{"a" 1}"#, #"{"a": 1,}"#, "[1,]", "01", "1.", ".5", "+1", "tru", #""\x""#, #""\ud800""#,
            "{} {}", #"{"a": 1, "a": 2}"#, "\"tab\there\"", "1e999",
        ] {
            #expect(throws: JSONParser.Failure.self, "\(text)") { try parse(text) }
        }
    }

    @Test func refusesInvalidUTF8InStrings() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test func refusesNestingBeyondTheLimit() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(throws: JSONParser.Failure.self) { try parse(deep) }
        let ok = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        #expect(throws: Never.self) { try parse(ok) }
    }

    @Test func hugeIntegersBecomeDoubles() throws {
        #expect(try parse("123456789012345678901234567890") == .double(1.2345678901234568e29))
    }

    @Test func writerEscapesAndRoundTrips() throws {
        let value = JSONValue.object(
            JSONObject([
                ("text", .string("quote \" backslash \\ newline \n bell \u{07} é")), ("n", .double(12500)),
                ("list", .array([.int(1), .bool(false), .null])),
            ]))
        let text = JSONWriter.string(value)
        #expect(text.contains(#"\u0007"#))
        #expect(text.contains("12500.0"))
        #expect(try JSONParser.parse(Array(text.utf8)) == value)
    }

    @Test func sortedKeysGiveOneCanonicalForm() throws {
        let a = try parse(#"{"b": 1, "a": {"d": 2, "c": 3}}"#)
        let b = try parse(#"{"a": {"c": 3, "d": 2}, "b": 1}"#)
        #expect(JSONWriter.string(a, sortedKeys: true) == JSONWriter.string(b, sortedKeys: true))
        #expect(JSONWriter.string(a) != JSONWriter.string(b))
    }
}
