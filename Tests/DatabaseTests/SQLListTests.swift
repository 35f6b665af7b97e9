import Database
import Testing

struct SQLListTests {
    private func ints(_ list: SQLList) -> [Int] {
        list.values.map { value in
            if case .int(let number) = value.databaseValue { return Int(number) }
            return -1
        }
    }

    @Test func listsArePaddedToAFewSizesRepeatingTheirLastValue() {
        for (count, size) in [(1, 1), (2, 4), (16, 16), (17, 64), (200, 256), (300, 512)] {
            let list = SQLList(Array(1...count).map { $0 as any Bindable })
            #expect(list.values.count == size)
            #expect(list.placeholders.split(separator: ",").count == size)
            #expect(Set(ints(list)) == Set(1...count), "padding repeats values, never adds others")
            #expect(ints(list).last == count)
        }
    }
}
