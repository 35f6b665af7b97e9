import Common
import Testing

struct PageCursorTests {
    @Test func cursorsRoundTripAndForgeriesAreRefused() {
        #expect(PageCursor.decode(PageCursor.encode(after: 5012)) == 5012)
        #expect(!PageCursor.encode(after: 5012).contains("="))
        #expect(PageCursor.decode("5012") == nil)
        #expect(PageCursor.decode("YzE6LTU") == nil)  // "c1:-5"
        #expect(PageCursor.decode(String(repeating: "A", count: 100)) == nil)
    }
}
