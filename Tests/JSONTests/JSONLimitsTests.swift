import Testing

@testable import JSON

/// The parser is linear and capped: a hostile body is refused by a named cap in milliseconds,
/// and big but legal objects parse in linear time.
struct JSONLimitsTests {
    private func object(keys: Int) -> [UInt8] {
        Array(("{" + (0..<keys).map { #""k\#($0)": \#($0)"# }.joined(separator: ",") + "}").utf8)
    }

    private func limit(_ bytes: [UInt8], _ limits: JSONParser.Limits = .request) -> JSONParser.Limit? {
        do {
            _ = try JSONParser.parse(bytes, limits: limits)
            return nil
        } catch {
            return error.limit
        }
    }

    @Test func oneHundredThousandKeysAreRefusedByTheKeysCapQuickly() {
        let body = object(keys: 100_000)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(limit(body) == .keysPerObject)
        let elapsed = clock.now - start
        print("JSON 100,000 keys refused (keys_per_object) in \(elapsed)")
        #expect(elapsed < .seconds(1))
    }

    @Test func largeObjectsParseInLinearTimeWhenTheCapAllowsThem() throws {
        var limits = JSONParser.Limits.request
        limits.keysPerObject = 200_000
        let clock = ContinuousClock()
        var times: [Int: Duration] = [:]
        for keys in [10_000, 20_000, 100_000] {
            let body = object(keys: keys)
            let start = clock.now
            guard case .object(let parsed) = try JSONParser.parse(body, limits: limits) else {
                Issue.record("not an object")
                return
            }
            times[keys] = clock.now - start
            #expect(parsed.count == keys)
            #expect(parsed["k\(keys - 1)"] == .int(Int64(keys - 1)))
            #expect(parsed.keys.first == "k0" && parsed.keys.last == "k\(keys - 1)")
        }
        print("JSON parse with keys indexed: \(times.sorted { $0.key < $1.key })")
        // Linear: ten times the keys should not cost anything like a hundred times the time.
        if let small = times[10_000], let large = times[100_000] {
            #expect(large < small * 40 + .milliseconds(50))
        }
    }

    @Test func duplicateKeysAreStillRefusedInBigObjects() {
        var text = String(decoding: object(keys: 5_000), as: UTF8.self)
        text.removeLast()
        text += #", "k4321": 1}"#
        var limits = JSONParser.Limits.request
        limits.keysPerObject = 10_000
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8), limits: limits) }
        #expect(limit(Array(text.utf8), limits) == nil)
    }

    @Test func eachCapIsNamed() {
        let deep = Array((String(repeating: "[", count: 40) + String(repeating: "]", count: 40)).utf8)
        #expect(limit(deep) == .depth)
        #expect(limit(Array("\"\(String(repeating: "a", count: 70_000))\"".utf8)) == .stringBytes)
        #expect(limit(Array(String(repeating: "1", count: 65).utf8)) == .numberBytes)
        var few = JSONParser.Limits.request
        few.values = 10
        #expect(limit(Array("[1,2,3,4,5,6,7,8,9,10]".utf8), few) == .values)
        #expect(limit(Array("[1,2,3,4,5,6,7,8,9]".utf8), few) == nil)
    }

    @Test func objectsKeepOrderAndLookupsAfterRemovalsAcrossTheIndexThreshold() {
        var object = JSONObject()
        for index in 0..<40 { object["k\(index)"] = .int(Int64(index)) }
        object["k3"] = nil
        object["k30"] = nil
        #expect(object.count == 38)
        #expect(object["k3"] == nil && object["k31"] == .int(31) && object["k39"] == .int(39))
        #expect(object.keys.prefix(4) == ["k0", "k1", "k2", "k4"])
        for index in 0..<30 where index != 3 { object["k\(index)"] = nil }
        #expect(object.keys == (31..<40).map { "k\($0)" })
        #expect(object["k35"] == .int(35))
        object["new"] = .null
        #expect(object.keys.last == "new" && object["new"] == .null)
        #expect(JSONObject([("a", .int(1)), ("b", .int(2))]) != JSONObject([("b", .int(2)), ("a", .int(1))]))
    }
}
