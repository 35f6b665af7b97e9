import Database
import Foundation
import TestSupport
import Testing

@Suite(.enabled(if: TestEnvironment.hasDatabase, "needs the test MariaDB (.ci/test)"))
struct MigratorTests {
    /// A private migrations table per test, so tests never touch the real schema's records.
    private func directory(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "migrations-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    @Test func loadsNumberedFilesInOrderAndIgnoresOthers() throws {
        let dir = try directory(["002_b.sql": "SELECT 2;", "001_a.sql": "SELECT 1;", "notes.txt": "", "1_x.sql": ""])
        #expect(try Migrator.load(directory: dir).map(\.name) == ["001_a.sql", "002_b.sql"])
    }

    @Test func duplicateVersionsAreRefused() throws {
        let dir = try directory(["001_a.sql": "SELECT 1;", "001_b.sql": "SELECT 1;"])
        #expect(throws: DatabaseError.self) { try Migrator.load(directory: dir) }
    }

    @Test func projectMigrationsAreAppliedOnceAndChangedFilesRefused() throws {
        let db = TestDatabase.connect(multiStatements: true)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let migrations = try Migrator.load(directory: root + "/sql")
        #expect(!migrations.isEmpty)
        // .ci/test already migrated this database: nothing is pending, so a second run applies nothing.
        #expect(try Migrator(connection: db).migrate(migrations).isEmpty)
        var changed = migrations
        changed[0] = Migrator.Migration(
            version: changed[0].version, name: changed[0].name, sql: changed[0].sql + "\n-- edit")
        do {
            try Migrator(connection: db).migrate(changed)
            Issue.record("a changed migration must be refused")
        } catch DatabaseError.migrationChanged(let name) {
            #expect(name == migrations[0].name)
        }
    }

    @Test func aFailingMigrationIsReportedByName() throws {
        let db = TestDatabase.connect(multiStatements: true)
        let bad = Migrator.Migration(version: 9000 + Int.random(in: 0..<900), name: "9xx_bad.sql", sql: "CREATE TABLE;")
        do {
            try Migrator(connection: db).migrate([bad])
            Issue.record("a broken migration must fail")
        } catch DatabaseError.migrationFailed(let name, _) {
            #expect(name == "9xx_bad.sql")
        }
        #expect(try db.fixtureQuery("SELECT version FROM schema_migrations WHERE version = ?", bad.version).isEmpty)
    }
}
