import Database
import FastCGI
import Foundation
import Logging
import Webhooks

/// Server configuration: defaults, then a `key = value` file, then `CLAIMSCORE_*` environment variables.
public struct Config: Sendable, Equatable {
    public var socketPath = "var/run/claimscore.sock"
    public var socketMode: UInt32 = 0o660
    /// Worker processes the `serve` master keeps running.
    public var processes = ProcessInfo.processInfo.activeProcessorCount
    /// Request threads per worker process on the API socket.
    public var threads = 4
    /// The portal's own socket; empty means `socket_path` with `-portal` before `.sock`.
    public var portalSocketOverride = ""
    /// Request threads per worker process on the portal socket.
    public var portalThreads = 2
    /// Seconds a request may take before it is rolled back and answered 503.
    public var requestTimeout = 10.0
    public var database = DatabaseConfig()
    public var logLevel: Logger.Level = .info
    public var bodyLimit = 8 << 20
    public var publicURL = "http://127.0.0.1:8080"
    public var migrationsDirectory = "sql"
    /// Base64 of 32 bytes: the AES-GCM key that seals webhook secrets at rest. Required by `serve`.
    public var secretKey = ""
    /// Networks (CIDR, comma-separated) webhooks may reach although they are not public, e.g. `127.0.0.0/8`.
    public var webhookAllowNetworks: [String] = []
    /// Requests one process keeps in flight to one webhook at most.
    public var webhookMaxInFlight = 4
    /// Multiplies every duration of the webhook retry schedule; tests run it in seconds with 0.001.
    public var webhookRetryScale = 1.0
    /// How long a delivery attempt belongs to the process that took it (must outlast the 15 s timeout).
    public var webhookLeaseSeconds = 60
    /// When false, webhooks reach only `webhookAllowNetworks` and host names are not even resolved.
    public var webhookAllowPublic = true
    /// Sustained API requests per second allowed per API key (token bucket, per process).
    public var rateLimit = 50
    /// Burst size of the per-key token bucket.
    public var rateBurst = 100
    /// Portal session lifetime.
    public var sessionHours = 12
    /// Multiplies the pile worker's back-off between failed tries of a pile; tests use 0.001.
    public var pileRetryScale = 1.0

    /// Every key the file and the environment accept, in documentation order.
    public static let keys = [
        "socket_path", "socket_mode", "processes", "threads", "portal_socket_path", "portal_threads",
        "request_timeout", "db_socket", "db_host", "db_port", "db_user", "db_password",
        "db_name", "log_level", "body_limit", "public_url", "migrations_dir", "secret_key", "webhook_allow_networks",
        "webhook_max_in_flight", "webhook_retry_scale", "webhook_lease_seconds", "webhook_allow_public",
        "rate_limit", "rate_burst", "session_hours", "pile_retry_scale",
    ]

    public init() {}

    /// Loads the file (when given) and applies the environment over it.
    public static func load(file: String?, environment: [String: String]) throws(ConfigError) -> Config {
        var config = Config()
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw .unreadable(file)
            }
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                guard let equals = trimmed.firstIndex(of: "=") else { throw .syntax(line: number + 1) }
                let key = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
                let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                try config.set(key, Self.unquote(value))
            }
        }
        for key in keys {
            if let value = environment["CLAIMSCORE_" + key.uppercased()] { try config.set(key, value) }
        }
        return config
    }

    /// Sets one key, validating its value.
    public mutating func set(_ key: String, _ value: String) throws(ConfigError) {
        switch key {
        case "socket_path": socketPath = try Self.nonEmpty(key, value)
        case "socket_mode":
            guard let mode = UInt32(value, radix: 8), mode <= 0o777 else { throw .invalid(key, value, "an octal mode") }
            socketMode = mode
        case "processes": processes = try Self.integer(key, value, in: 1...256)
        case "threads": threads = try Self.integer(key, value, in: 1...512)
        case "portal_socket_path": portalSocketOverride = value
        case "portal_threads": portalThreads = try Self.integer(key, value, in: 1...512)
        case "request_timeout":
            guard let seconds = Double(value), seconds >= 0.1, seconds <= 3600 else {
                throw .invalid(key, value, "seconds from 0.1 to 3600")
            }
            requestTimeout = seconds
        case "db_socket": database.socket = value
        case "db_host": database.host = try Self.nonEmpty(key, value)
        case "db_port": database.port = UInt32(try Self.integer(key, value, in: 1...65535))
        case "db_user": database.user = try Self.nonEmpty(key, value)
        case "db_password": database.password = value
        case "db_name": database.name = try Self.nonEmpty(key, value)
        case "log_level":
            guard let level = Logger.Level(rawValue: value.lowercased()) else {
                throw .invalid(key, value, "one of trace, debug, info, notice, warning, error, critical")
            }
            logLevel = level
        case "body_limit": bodyLimit = try Self.integer(key, value, in: 1024...(1 << 30))
        case "public_url":
            guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                throw .invalid(key, value, "an http:// or https:// URL")
            }
            publicURL = value.hasSuffix("/") ? String(value.dropLast()) : value
        case "migrations_dir": migrationsDirectory = try Self.nonEmpty(key, value)
        case "secret_key":
            guard let bytes = Data(base64Encoded: value), bytes.count == 32 else {
                throw .invalid(key, "(hidden)", "base64 of exactly 32 bytes (head -c 32 /dev/urandom | base64)")
            }
            secretKey = value
        case "webhook_allow_networks":
            webhookAllowNetworks = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        case "webhook_max_in_flight": webhookMaxInFlight = try Self.integer(key, value, in: 1...64)
        case "webhook_retry_scale":
            guard let scale = Double(value), scale > 0, scale <= 100 else {
                throw .invalid(key, value, "a number greater than 0 and at most 100")
            }
            webhookRetryScale = scale
        case "webhook_lease_seconds": webhookLeaseSeconds = try Self.integer(key, value, in: 20...3600)
        case "webhook_allow_public":
            switch value.lowercased() {
            case "true", "yes", "on", "1": webhookAllowPublic = true
            case "false", "no", "off", "0": webhookAllowPublic = false
            default: throw .invalid(key, value, "true or false")
            }
        case "rate_limit": rateLimit = try Self.integer(key, value, in: 1...1_000_000)
        case "rate_burst": rateBurst = try Self.integer(key, value, in: 1...1_000_000)
        case "session_hours": sessionHours = try Self.integer(key, value, in: 1...720)
        case "pile_retry_scale":
            guard let scale = Double(value), scale > 0, scale <= 100 else {
                throw .invalid(key, value, "a number greater than 0 and at most 100")
            }
            pileRetryScale = scale
        default: throw .unknownKey(key)
        }
    }

    /// Where the portal pool listens: `portal_socket_path`, or `socket_path` with `-portal` before `.sock`.
    public var portalSocketPath: String {
        if !portalSocketOverride.isEmpty { return portalSocketOverride }
        return socketPath.hasSuffix(".sock") ? socketPath.dropLast(5) + "-portal.sock" : socketPath + "-portal"
    }

    /// The API pool's options on a descriptor inherited from the master.
    public func apiServerOptions(descriptor: Int32) -> ServerOptions {
        ServerOptions(
            socketPath: socketPath, socketMode: socketMode, threads: threads, bodyLimit: bodyLimit,
            inheritedDescriptor: descriptor)
    }

    /// The portal pool's options on a descriptor inherited from the master.
    public func portalServerOptions(descriptor: Int32) -> ServerOptions {
        ServerOptions(
            socketPath: portalSocketPath, socketMode: socketMode, threads: portalThreads, bodyLimit: bodyLimit,
            inheritedDescriptor: descriptor)
    }

    /// The AES-GCM box for webhook tokens and flashes; a bad key stops `serve` at startup.
    public func secretBox() throws(ConfigError) -> SecretBox {
        do {
            return try SecretBox(key: secretKey)
        } catch {
            throw .invalid("secret_key", "(hidden)", "base64 of exactly 32 bytes (head -c 32 /dev/urandom | base64)")
        }
    }

    /// The SSRF policy for webhook URLs; a bad allow-list stops `serve` at startup.
    public func addressPolicy() throws(ConfigError) -> AddressPolicy {
        do {
            return try AddressPolicy(allowList: webhookAllowNetworks.joined(separator: ","))
        } catch {
            throw .invalid("webhook_allow_networks", webhookAllowNetworks.joined(separator: ","), error.description)
        }
    }

    /// What the webhook delivery thread needs.
    public func webhookDeliveryOptions() throws(ConfigError) -> DeliveryOptions {
        DeliveryOptions(
            database: database, secretBox: try secretBox(),
            destinations: DestinationGuard(policy: try addressPolicy(), allowPublic: webhookAllowPublic),
            maxInFlightPerWebhook: webhookMaxInFlight, schedule: RetrySchedule.standard.scaled(by: webhookRetryScale),
            breaker: CircuitBreaker.standard.scaled(by: webhookRetryScale),
            leaseDuration: TimeInterval(webhookLeaseSeconds))
    }

    /// True when cookies must carry `Secure`.
    public var isHTTPS: Bool { publicURL.hasPrefix("https://") }

    private static func unquote(_ value: String) -> String {
        if value.count >= 2, value.first == "\"", value.last == "\"" { return String(value.dropFirst().dropLast()) }
        return value
    }

    private static func nonEmpty(_ key: String, _ value: String) throws(ConfigError) -> String {
        guard !value.isEmpty else { throw .invalid(key, value, "a non-empty value") }
        return value
    }

    private static func integer(_ key: String, _ value: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw .invalid(key, value, "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

/// A configuration problem, worded for the person who wrote the file.
public enum ConfigError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case syntax(line: Int)
    case unknownKey(String)
    case invalid(String, String, String)

    public var description: String {
        switch self {
        case .unreadable(let file): "cannot read configuration file \(file)"
        case .syntax(let line): "configuration line \(line): expected key = value"
        case .unknownKey(let key): "unknown configuration key \(key)"
        case .invalid(let key, let value, let expected): "\(key) = \(value): expected \(expected)"
        }
    }
}
