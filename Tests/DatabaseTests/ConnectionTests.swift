import Database
import Foundation
import TestSupport
import Testing

/// Runs against the live MariaDB of `.ci/test`; each test works in its own table.
@Suite(.enabled(if: TestEnvironment.hasDatabase, "needs the test MariaDB (.ci/test)"))
struct ConnectionTests {
    private func table(_ db: Connection) throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try db.fixtureExecute(
            """
            CREATE TABLE \(name) (
              id BIGINT AUTO_INCREMENT PRIMARY KEY, i BIGINT NULL, u BIGINT UNSIGNED NULL, d DOUBLE NULL,
              dec_value DECIMAL(12,2) NULL, t TEXT NULL, v VARCHAR(40) NULL, b BLOB NULL, dt DATETIME(6) NULL,
              flag TINYINT(1) NULL, big LONGTEXT NULL, UNIQUE KEY uniq_v (v)
            ) ENGINE=InnoDB
            """)
        return name
    }

    @Test func bindsAndReadsEveryTypeIncludingNull() throws {
        let db = TestDatabase.connect()
        let name = try table(db)
        let insert = try db.fixtureExecute(
            "INSERT INTO \(name) (i, u, d, dec_value, t, v, b, dt, flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Int64.min + 1, 42, 3.25, "1234.50", "text", "v1", [UInt8]([0, 255, 10, 13]), "2026-11-22 10:04:10.120000",
            true)
        #expect(insert.affectedRows == 1)
        #expect(insert.lastInsertID > 0)
        let row = try #require(try db.fixtureFirst("SELECT * FROM \(name) WHERE id = ?", insert.lastInsertID))
        #expect(try row.int("i") == Int(Int64.min + 1))
        #expect(try row.int("u") == 42)
        #expect(try row.double("d") == 3.25)
        #expect(try row.string("dec_value") == "1234.50")
        #expect(try row.string("t") == "text")
        #expect(row.bytes("b") == [0, 255, 10, 13])
        #expect(try row.string("dt") == "2026-11-22 10:04:10.120000")
        #expect(try row.bool("flag"))
        let nulls = try db.fixtureExecute(
            "INSERT INTO \(name) (i, t, b) VALUES (?, ?, ?)", Int?.none, String?.none, Value.null)
        let nullRow = try #require(
            try db.fixtureFirst("SELECT i, t, b, d FROM \(name) WHERE id = ?", nulls.lastInsertID))
        #expect(nullRow.isNull("i"))
        #expect(nullRow.isNull("t"))
        #expect(nullRow.isNull("b"))
        #expect(nullRow.optionalDouble("d") == nil)
    }

    @Test func unicodeSurvivesTheRoundTrip() throws {
        let db = TestDatabase.connect()
        let name = try table(db)
        let text = "Ada Òbí — 東京 🚀 \u{0301}\"<script>"
        let id = try db.fixtureExecute("INSERT INTO \(name) (t) VALUES (?)", text).lastInsertID
        #expect(try db.fixtureFirst("SELECT t FROM \(name) WHERE id = ?", id)?.string("t") == text)
        #expect(try db.fixtureFirst("SELECT id FROM \(name) WHERE t = ?", text)?.int("id") == id)
    }

    @Test func largeTextIsReadInFull() throws {
        let db = TestDatabase.connect()
        let name = try table(db)
        let big = String(repeating: "0123456789abcdef", count: 200_000)
        let id = try db.fixtureExecute("INSERT INTO \(name) (big) VALUES (?)", big).lastInsertID
        let read = try db.fixtureFirst("SELECT big FROM \(name) WHERE id = ?", id)?.string("big")
        #expect(read?.count == big.count)
        #expect(read == big)
    }

    @Test func valuesNeverBecomeSQL() throws {
        let db = TestDatabase.connect()
        let name = try table(db)
        let hostile = "x'); DROP TABLE \(name); --"
        try db.fixtureExecute("INSERT INTO \(name) (t) VALUES (?)", hostile)
        #expect(try db.fixtureQuery("SELECT t FROM \(name)").map { try $0.string("t") } == [hostile])
    }

    @Test func transactionRollsBackWhenTheBodyThrows() throws {
        struct Boom: Error {}
        let db = TestDatabase.connect()
        let name = try table(db)
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.fixtureExecute("INSERT INTO \(name) (t) VALUES (?)", "gone")
                throw Boom()
            }
        }
        #expect(try db.fixtureQuery("SELECT id FROM \(name)").isEmpty)
        try db.transaction { try db.fixtureExecute("INSERT INTO \(name) (t) VALUES (?)", "kept") }
        #expect(try db.fixtureQuery("SELECT id FROM \(name)").count == 1)
    }

    @Test func duplicateKeyIsATypedErrorNamingTheIndex() throws {
        let db = TestDatabase.connect()
        let name = try table(db)
        try db.fixtureExecute("INSERT INTO \(name) (v) VALUES (?)", "same")
        do {
            try db.fixtureExecute("INSERT INTO \(name) (v) VALUES (?)", "same")
            Issue.record("expected a duplicate key error")
        } catch DatabaseError.duplicateKey(let key) {
            #expect(key == "uniq_v")
        }
    }

    @Test func wrongBindCountIsAnErrorNotACrash() throws {
        let db = TestDatabase.connect()
        #expect(throws: DatabaseError.self) { try db.fixtureQuery("SELECT ? + ?", 1) }
    }

    @Test func killedConnectionReconnectsOnNextUseAndRebuildsStatements() throws {
        let db = TestDatabase.connect()
        let admin = TestDatabase.connect()
        let id = try #require(try db.fixtureFirst("SELECT CONNECTION_ID() AS id")?.int("id"))
        #expect(db.connectCount == 1)
        try admin.fixtureExecute("KILL ?", id)
        // An idle connection the server closed is noticed before use (at worst by one failed call).
        let newID = try #require(
            (try? db.fixtureFirst("SELECT CONNECTION_ID() AS id")?.int("id"))
                ?? db.fixtureFirst("SELECT CONNECTION_ID() AS id")?
                .int("id"))
        #expect(newID != id)
        #expect(db.connectCount == 2)
    }
}
