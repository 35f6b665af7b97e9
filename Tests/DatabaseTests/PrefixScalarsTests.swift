import Database
import Testing

@Suite struct PrefixScalarsTests {
    @Test func countsUnicodeScalarsNotCharacters() {
        // 300 Characters of "e" + U+0301 are 600 scalars: a VARCHAR(500) takes only 500.
        let accented = String(repeating: "e\u{301}", count: 300)
        #expect(accented.count == 300)
        let cut = accented.prefixScalars(500)
        #expect(cut.unicodeScalars.count == 500)
        #expect("short".prefixScalars(500) == "short")
    }
}
