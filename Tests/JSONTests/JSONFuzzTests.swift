import TestSupport
import Testing

@testable import JSON

/// Random and adversarial documents, from a fixed seed so a failure repeats: the parser returns
/// or throws, never traps, and never takes long.
struct JSONFuzzTests {
    static let seeds: [[UInt8]] = [
        #"{"ref": "A-1", "items": [{"unit_price_billed": 2500, "qty_billed": 2}], "n": -0.5e-3, "b": [true, false, null]}"#,
        #"["\ud83d\ude80", "\u00e9", "\\", "\/", 1e308, -9223372036854775808, 9223372036854775807]"#,
        #"{"a": {"b": {"c": {"d": [[[[]]]]}}}}"#,
    ].map { Array($0.utf8) }

    static let adversarial: [String] = [
        String(repeating: "[", count: 100_000), String(repeating: "{\"a\":", count: 50_000),
        "\"" + String(repeating: "\\u0000", count: 20_000) + "\"", "\"\\ud800\\u0041\"", "\"\\udc00\"",
        String(repeating: "9", count: 10_000), "-", "1e", "1e+", "0.", "-0", "1E400", "-1e-400", "[1,]", "{\"a\"}",
        "nul", "tru", "\u{FEFF}{}", "{\"\u{0}\": 1}", "[" + String(repeating: "0,", count: 100_000) + "0]",
        "9223372036854775808", "-9223372036854775809",
    ]

    private func parseQuietly(_ bytes: [UInt8]) {
        _ = try? JSONParser.parse(bytes)
    }

    @Test func randomMutationsOfValidDocumentsNeverTrap() {
        var random = SplitMix64(seed: 0xC1A1_5C0E)
        let alphabet = Array(#"{}[]":,\ 0123456789-+.eEtrufalsn"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xFF]
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<5_000 {
            var bytes = Self.seeds[Int(random.next() % UInt64(Self.seeds.count))]
            for _ in 0..<Int(1 + random.next() % 8) {
                let position = Int(random.next() % UInt64(bytes.count + 1))
                switch random.next() % 3 {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1 where position < bytes.count: bytes[position] = alphabet.randomElement(using: &random) ?? 0
                default: bytes.insert(alphabet.randomElement(using: &random) ?? 0, at: position)
                }
            }
            parseQuietly(bytes)
        }
        for _ in 0..<2_000 {
            let count = Int(random.next() % 64)
            parseQuietly((0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        }
        #expect(clock.now - start < .seconds(10))
    }

    @Test(arguments: adversarial)
    func adversarialDocumentsAreAnsweredQuickly(_ text: String) {
        let clock = ContinuousClock()
        let start = clock.now
        parseQuietly(Array(text.utf8))
        #expect(clock.now - start < .seconds(1))
    }
}
