import Database
import Testing

@testable import Webhooks

struct FanOutBatchTests {
    private func sizes(_ count: Int) -> (Int, Set<Int>) {
        let ids = Array(1...count)
        let padded = DeliveryStore.padded(ids).map { value -> Int in
            if case .int(let number) = value.databaseValue { return Int(number) }
            return -1
        }
        return (padded.count, Set(padded))
    }

    @Test func idListsArePaddedToAFewSizesWithTheirOwnIDs() {
        #expect(sizes(1).0 == 1)
        #expect(sizes(2).0 == 4)
        #expect(sizes(16).0 == 16)
        #expect(sizes(17).0 == 64)
        #expect(sizes(200).0 == 256)
        #expect(sizes(300).0 == 512)
        for count in [1, 3, 17, 200, 300] {
            #expect(sizes(count).1 == Set(1...count), "padding repeats ids, never adds others")
        }
    }
}
