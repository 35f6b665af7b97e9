import Testing

@testable import Portal

struct HTMLEscaperTests {
    @Test func escapesTheFiveSpecialCharactersAndBacktick() {
        #expect(
            HTMLEscaper.escape("<a href=\"x\">Tom & 'Jerry'`</a>")
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&#96;&lt;/a&gt;")
    }

    @Test func quoteFollowedByCombiningMarkIsStillEscaped() {
        // `"` + U+0301 is one Character; a grapheme-level escaper sees no quote and leaves it raw.
        let attack = "x\"\u{0301} onmouseover=alert(1) data-x=\"\u{0301}"
        let escaped = HTMLEscaper.escape(attack)
        #expect(!escaped.utf8.contains(UInt8(ascii: "\"")))
        #expect(escaped.unicodeScalars.contains("\u{0301}"))
        #expect(escaped.hasPrefix("x&quot;\u{0301} onmouseover"))
    }

    @Test func quoteWithCombiningMarkCannotLeaveAnAttributeOfARenderedTemplate() {
        let value = "\"\u{0301}><script>alert(1)</script>"
        let html: HTML = "<button data-copy=\"\(value)\">Copy</button>"
        let bytes = Array(html.rendered.utf8)
        // Exactly the two quotes of the template remain; everything from the value is inert.
        #expect(bytes.filter { $0 == UInt8(ascii: "\"") }.count == 2)
        #expect(!html.rendered.contains("<script>"))
        #expect(html.rendered.hasPrefix("<button data-copy=\"&quot;\u{0301}&gt;&lt;script&gt;"))
    }

    @Test func singleQuoteWithCombiningMarkIsEscapedToo() {
        #expect(HTMLEscaper.escape("'\u{0301}") == "&#39;\u{0301}")
    }

    @Test func controlCharactersBecomeReplacementCharacter() {
        #expect(HTMLEscaper.escape("a\u{0}b\u{1B}c\td\n") == "a\u{FFFD}b\u{FFFD}c\td\n")
    }

    @Test func plainTextIsUnchanged() {
        let text = "Production Claim Form — naïve café 日本"
        #expect(HTMLEscaper.escape(text) == text)
    }

    @Test func htmlInterpolationEscapesStringsButNotFragments() {
        let inner: HTML = "<b>\("<i>")</b>"
        let outer: HTML = "<p>\(inner)\("&")\(42)</p>"
        #expect(outer.rendered == "<p><b>&lt;i&gt;</b>&amp;42</p>")
    }

    @Test func conditionalFragmentsAppearOnlyWhenTrue() {
        let yes: HTML = "<a\(if: true, " class=\"on\"")>"
        let no: HTML = "<a\(if: false, " class=\"on\"")>"
        #expect(yes.rendered == "<a class=\"on\">")
        #expect(no.rendered == "<a>")
    }
}
