import Crypto

/// `cs_live_` / `cs_test_` + 32 base62 random characters + 6 base62 characters of CRC32 over
/// everything before them, so secret scanners can recognise a real key offline.
public enum ApiKeyFormat {
    public static let randomLength = 32
    public static let checksumLength = 6
    public static let length = 8 + randomLength + checksumLength

    public static func prefix(for environment: Environment) -> String {
        environment == .production ? "cs_live_" : "cs_test_"
    }

    /// A new key for the environment.
    public static func generate(_ environment: Environment) -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(environment, using: &generator)
    }

    public static func generate(_ environment: Environment, using generator: inout some RandomNumberGenerator) -> String
    {
        let body = prefix(for: environment) + Base62.random(count: randomLength, using: &generator)
        return body + Base62.encode(CRC32.checksum(body.utf8), width: checksumLength)
    }

    /// The key's environment when its shape and checksum are right; nil otherwise (no database needed).
    public static func environment(of key: String) -> Environment? {
        let bytes = Array(key.utf8)
        guard bytes.count == length else { return nil }
        let environment: Environment
        if key.hasPrefix("cs_live_") {
            environment = .production
        } else if key.hasPrefix("cs_test_") {
            environment = .sandbox
        } else {
            return nil
        }
        guard bytes[8...].allSatisfy(Base62.isBase62) else { return nil }
        let body = bytes[..<(length - checksumLength)]
        let checksum = String(decoding: bytes[(length - checksumLength)...], as: UTF8.self)
        return Base62.encode(CRC32.checksum(body), width: checksumLength) == checksum ? environment : nil
    }

    /// SHA-256 of the whole key: the only form stored.
    public static func hash(_ key: String) -> [UInt8] { Array(SHA256.hash(data: Array(key.utf8))) }

    /// What the portal shows of a key after creation: its first 12 characters.
    public static func displayPrefix(_ key: String) -> String { String(key.prefix(12)) }
}
