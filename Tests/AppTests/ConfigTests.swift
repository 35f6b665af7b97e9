import Foundation
import Testing

@testable import App

struct ConfigTests {
    private func file(_ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "claimscore-config-\(UUID().uuidString).conf"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultsAreDocumentedValues() {
        let config = Config()
        #expect(config.socketPath == "var/run/claimscore.sock")
        #expect(config.processes == ProcessInfo.processInfo.activeProcessorCount)
        #expect(config.threads == 4)
        #expect(config.portalThreads == 2)
        #expect(config.portalSocketPath == "var/run/claimscore-portal.sock")
        #expect(config.requestTimeout == 10)
        #expect(config.bodyLimit == 8 << 20)
        #expect(config.database.name == "claimscore")
        #expect(config.logLevel == .info)
    }

    @Test func fileValuesOverrideDefaultsAndEnvironmentOverridesFile() throws {
        let path = try file(
            """
            # comment
            threads = 6
            db_socket = /tmp/db.sock
            db_password = "with spaces"
            socket_mode = 0660
            log_level = debug
            """)
        let config = try Config.load(file: path, environment: ["CLAIMSCORE_THREADS": "3", "OTHER": "x"])
        #expect(config.threads == 3)
        #expect(config.database.socket == "/tmp/db.sock")
        #expect(config.database.password == "with spaces")
        #expect(config.socketMode == 0o660)
        #expect(config.logLevel == .debug)
    }

    @Test func unknownKeyIsRejectedByName() throws {
        let path = try file("thread = 4\n")
        #expect(throws: ConfigError.unknownKey("thread")) { try Config.load(file: path, environment: [:]) }
    }

    @Test func lineWithoutEqualsIsASyntaxErrorWithItsNumber() throws {
        let path = try file("threads = 2\nnonsense\n")
        #expect(throws: ConfigError.syntax(line: 2)) { try Config.load(file: path, environment: [:]) }
    }

    @Test func outOfRangeValuesAreRejected() {
        #expect(throws: ConfigError.self) { try Config.load(file: nil, environment: ["CLAIMSCORE_THREADS": "0"]) }
        #expect(throws: ConfigError.self) { try Config.load(file: nil, environment: ["CLAIMSCORE_DB_PORT": "70000"]) }
        #expect(throws: ConfigError.self) {
            try Config.load(file: nil, environment: ["CLAIMSCORE_SOCKET_MODE": "999"])
        }
        #expect(throws: ConfigError.self) {
            try Config.load(file: nil, environment: ["CLAIMSCORE_PUBLIC_URL": "ftp://x"])
        }
        #expect(throws: ConfigError.self) {
            try Config.load(file: nil, environment: ["CLAIMSCORE_LOG_LEVEL": "loud"])
        }
    }

    @Test func missingFileIsReported() {
        #expect(throws: ConfigError.unreadable("/nonexistent/claimscore.conf")) {
            try Config.load(file: "/nonexistent/claimscore.conf", environment: [:])
        }
    }

    @Test func publicURLLosesTrailingSlashAndDecidesSecureCookies() throws {
        let config = try Config.load(file: nil, environment: ["CLAIMSCORE_PUBLIC_URL": "https://claims.example.com/"])
        #expect(config.publicURL == "https://claims.example.com")
        #expect(config.isHTTPS)
    }
}

struct ConfigSecretTests {
    @Test func secretKeyMustBe32BytesOfBase64AndIsNeverEchoed() throws {
        let good = String(repeating: "A", count: 43) + "="
        #expect(try Config.load(file: nil, environment: ["CLAIMSCORE_SECRET_KEY": good]).secretKey == good)
        do {
            _ = try Config.load(file: nil, environment: ["CLAIMSCORE_SECRET_KEY": "c2hvcnQ="])
            Issue.record("a short key must be refused")
        } catch {
            #expect(!error.description.contains("c2hvcnQ="))
        }
    }

    @Test func allowNetworksSplitOnCommas() throws {
        let config = try Config.load(
            file: nil, environment: ["CLAIMSCORE_WEBHOOK_ALLOW_NETWORKS": "127.0.0.0/8, ::1/128,"])
        #expect(config.webhookAllowNetworks == ["127.0.0.0/8", "::1/128"])
    }
}
