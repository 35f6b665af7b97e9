import Testing

@testable import Claims

/// Review numbers and comments that came straight from a URL or a form.
struct ReviewLimitsTests {
    @Test func itemNumbersOfExtremePositionsDoNotOverflow() {
        #expect(ReviewError.itemNumber(0) == "#1")
        #expect(ReviewError.itemNumber(Int.max) == "#9223372036854775808")
        #expect(ReviewError.itemNumber(Int.min) == "#-9223372036854775807")
        #expect(ReviewError.itemNotFound(position: Int.max).message.contains("#9223372036854775808"))
        #expect(ReviewError.itemNotFound(position: Int.max).status == 404)
    }

    @Test func aCommentNeedsRoomInCountAndBytes() throws {
        let twenty = Array(repeating: "x", count: ReviewError.commentsPerItem)
        #expect(throws: ReviewError.self) { try ReviewState.checkRoom(for: "y", in: twenty, position: 0) }
        #expect(throws: Never.self) { try ReviewState.checkRoom(for: "y", in: Array(twenty.dropLast()), position: 0) }
        let big = String(repeating: "é", count: ReviewError.commentBytesPerItem / 2)
        #expect(throws: ReviewError.self) { try ReviewState.checkRoom(for: "y", in: [big], position: 0) }
        #expect(throws: Never.self) { try ReviewState.checkRoom(for: "", in: [big], position: 0) }
    }
}
