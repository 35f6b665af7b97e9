import Database

/// A connection to the live test MariaDB that `.ci/test` started.
public enum TestDatabase {
    public static var config: DatabaseConfig {
        DatabaseConfig(
            socket: TestEnvironment.dbSocket ?? "", user: TestEnvironment.dbUser, password: TestEnvironment.dbPassword,
            name: TestEnvironment.dbName)
    }

    public static func connect(multiStatements: Bool = false) -> Connection {
        Connection(config: config, multiStatements: multiStatements)
    }
}
