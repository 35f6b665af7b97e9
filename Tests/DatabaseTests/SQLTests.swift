import Database
import TestSupport
import Testing

private enum Colour: String, SQLEnum { case red, green }
private enum Shade: String { case light, dark }

private struct Paint: RowDecodable {
    static let columns: SQLColumns = ["id", "colour", "shade", "note"]
    let id: Int
    let colour: Colour
    let shade: Shade
    let note: String?

    init(row: Row) throws {
        id = try row.decode("id")
        colour = try row.decode("colour")
        shade = try row.decode("shade", as: Shade.self)
        note = try row.decode("note")
    }
}

/// The statement text and values an interpolation builds, without a server.
struct SQLTests {
    @Test func interpolatedValuesBecomePlaceholdersAndNeverText() {
        let hostile = "x'; DROP TABLE claims; --"
        let sql: SQL = "SELECT id FROM claims WHERE ref = \(hostile) AND id > \(42) AND colour = \(Colour.red)"
        #expect(sql.text == "SELECT id FROM claims WHERE ref = ? AND id > ? AND colour = ?")
        #expect(sql.values == [.text(hostile), .int(42), .text("red")])
    }

    @Test func optionalsBindNullAndEnumsFromOtherModulesBindTheirRawValue() {
        let none: Int? = nil
        let shade: Shade? = nil
        let sql: SQL = "VALUES (\(none), \(Shade.dark), \(shade))"
        #expect(sql.text == "VALUES (?, ?, ?)")
        #expect(sql.values == [.null, .text("dark"), .null])
    }

    @Test func fragmentsKeepTheirValuesInOrder() {
        let filters: [SQL] = ["a = \(1)", "b = \(2)"]
        let sql: SQL = "SELECT \(Paint.columns) FROM t WHERE \(SQL.joined(filters, separator: " AND ")) LIMIT \(3)"
        #expect(sql.text == "SELECT id, colour, shade, note FROM t WHERE a = ? AND b = ? LIMIT ?")
        #expect(sql.values == [.int(1), .int(2), .int(3)])
        #expect(Paint.columns.qualified("p").text == "p.id, p.colour, p.shade, p.note")
    }

    @Test func listsArePaddedToAFewSizesRepeatingTheirLastValue() {
        for (count, size) in [(1, 1), (2, 4), (16, 16), (17, 64), (200, 256), (300, 512)] {
            let sql: SQL = "id IN (\(list: Array(1...count)))"
            #expect(sql.values.count == size)
            #expect(sql.text.split(separator: ",").count == size)
            #expect(Set(sql.values) == Set((1...count).map { Value.int(Int64($0)) }), "padding adds no other value")
            #expect(sql.values.last == .int(Int64(count)))
        }
        let empty: SQL = "id IN (\(list: [Int]()))"
        #expect(empty.text == "id IN (NULL)" && empty.values.isEmpty)
    }

    @Test func rawTextMustBeAskedForByName() {
        let direction = "DESC"
        let sql: SQL = "ORDER BY id \(unsafeRaw: direction)"
        #expect(sql.text == "ORDER BY id DESC" && sql.values.isEmpty)
    }
}

/// Decoding against the live MariaDB of `.ci/test`: a missing column or a wrong type is an error
/// that names the column and the type, never a silent nil.
@Suite(.enabled(if: TestEnvironment.hasDatabase, "needs the test MariaDB (.ci/test)"))
struct RowDecodeTests {
    @Test func aRecordDecodesItsDeclaredColumns() throws {
        let db = TestDatabase.connect()
        let paint = try db.first(
            "SELECT \(1) AS id, \(Colour.green) AS colour, \(Shade.light) AS shade, NULL AS note", as: Paint.self)
        #expect(paint?.id == 1 && paint?.colour == .green && paint?.shade == .light && paint?.note == nil)
    }

    @Test func aMissingColumnThrowsNamingIt() throws {
        let db = TestDatabase.connect()
        let row = try #require(try db.first("SELECT 1 AS id"))
        #expect {
            _ = try row.decode("identifier", as: Int.self)
        } throws: { error in
            guard case DatabaseError.missingColumn(let column) = error else { return false }
            return column == "identifier"
        }
    }

    @Test func aWrongTypeOrUnknownEnumValueThrowsNamingColumnAndType() throws {
        let db = TestDatabase.connect()
        let row = try #require(try db.first("SELECT 'abc' AS n, 'purple' AS colour, NULL AS gone"))
        for (column, check) in [
            ("n", { _ = try row.decode("n", as: Int.self) }),
            ("colour", { _ = try row.decode("colour", as: Colour.self) }),
            ("gone", { _ = try row.decode("gone", as: String.self) }),
        ] as [(String, () throws -> Void)] {
            #expect {
                try check()
            } throws: { error in
                guard case DatabaseError.typeMismatch(let named, let expected, _) = error else { return false }
                return named == column && !expected.isEmpty
            }
        }
        #expect(try row.decode("gone", as: String?.self) == nil, "NULL decodes into an optional")
    }
}
