import Crypto
import Foundation

/// Applies `sql/NNN_name.sql` files in order, once each, and refuses to run when an applied file changed.
public struct Migrator {
    /// A migration file on disk.
    public struct Migration: Sendable, Equatable {
        public let version: Int
        public let name: String
        public let sql: String

        public init(version: Int, name: String, sql: String) {
            self.version = version
            self.name = name
            self.sql = sql
        }

        public var checksum: String {
            SHA256.hash(data: Data(sql.utf8)).map { String(format: "%02x", $0) }.joined()
        }
    }

    private let connection: Connection

    /// `connection` must be opened with `multiStatements: true`.
    public init(connection: Connection) {
        self.connection = connection
    }

    /// The `NNN_*.sql` files of a directory, sorted by number; two files with one number are an error.
    public static func load(directory: String) throws -> [Migration] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        var migrations: [Migration] = []
        for name in names where name.hasSuffix(".sql") {
            let digits = name.prefix { $0.isNumber }
            guard digits.count == 3, name.dropFirst(3).hasPrefix("_"), let version = Int(digits) else { continue }
            let sql = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            migrations.append(Migration(version: version, name: name, sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (first, second) in zip(migrations, migrations.dropFirst()) where first.version == second.version {
            throw DatabaseError.migrationFailed(name: second.name, message: "duplicate version \(second.version)")
        }
        return migrations
    }

    /// Applies what is pending; returns the names applied. Serialised across processes by a named lock.
    @discardableResult
    public func migrate(_ migrations: [Migration]) throws(DatabaseError) -> [String] {
        try connection.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
              version INT NOT NULL PRIMARY KEY,
              name VARCHAR(255) NOT NULL,
              checksum CHAR(64) NOT NULL,
              applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
            """)
        let locked = try connection.first("SELECT GET_LOCK('claimscore_migrate', 60) AS locked")
        guard try locked?.decode("locked", as: Int?.self) == 1 else {
            throw .migrationFailed(name: "-", message: "another process holds the migration lock")
        }
        defer { _ = try? connection.query("SELECT RELEASE_LOCK('claimscore_migrate')") }
        var applied: [Int: String] = [:]
        for row in try connection.query("SELECT version, checksum FROM schema_migrations") {
            applied[try row.decode("version", as: Int.self)] = try row.decode("checksum", as: String.self)
        }
        for migration in migrations {
            if let checksum = applied[migration.version], checksum != migration.checksum {
                throw .migrationChanged(name: migration.name)
            }
        }
        var done: [String] = []
        for migration in migrations where applied[migration.version] == nil {
            do {
                try connection.executeScript(migration.sql)
            } catch {
                throw .migrationFailed(name: migration.name, message: error.description)
            }
            try connection.execute(
                """
                INSERT INTO schema_migrations (version, name, checksum)
                VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                """)
            done.append(migration.name)
        }
        return done
    }
}
