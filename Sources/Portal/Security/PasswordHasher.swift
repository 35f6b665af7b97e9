import Crypto
import Foundation
import _CryptoExtras

/// scrypt password hashing in a self-describing format, `scrypt$N$r$p$salt_b64$hash_b64`, so the
/// cost can be raised later while old hashes still verify with the parameters they were made with.
public struct PasswordHasher: Sendable {
    /// CPU/memory cost (a power of two). 2^15 with r = 8 uses 32 MiB and about 0.1 s per hash.
    public let rounds: Int
    public let blockSize: Int
    public let parallelism: Int

    static let saltByteCount = 16
    static let hashByteCount = 32
    /// Upper bounds on stored parameters, so a tampered row cannot make one sign-in eat the machine.
    static let maximumRounds = 1 << 20
    static let maximumBlockSize = 16
    static let maximumParallelism = 16

    /// The production cost.
    public static let standard = PasswordHasher(rounds: 1 << 15, blockSize: 8, parallelism: 1)

    public init(rounds: Int, blockSize: Int, parallelism: Int) {
        precondition(rounds > 1 && rounds & (rounds - 1) == 0, "scrypt N must be a power of two")
        self.rounds = rounds
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// A new stored hash with a fresh random salt.
    public func hash(_ password: String) throws(PasswordHashError) -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltByteCount).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let derived = try Self.derive(
            password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        return [
            "scrypt", String(rounds), String(blockSize), String(parallelism), Data(salt).base64EncodedString(),
            Data(derived).base64EncodedString(),
        ].joined(separator: "$")
    }

    /// True when `password` matches `stored`; a malformed stored value never matches. The
    /// comparison takes the same time wherever the first differing byte is.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt", let rounds = Int(parts[1]), let blockSize = Int(parts[2]),
            let parallelism = Int(parts[3]), (2...maximumRounds).contains(rounds), rounds & (rounds - 1) == 0,
            (1...maximumBlockSize).contains(blockSize), (1...maximumParallelism).contains(parallelism),
            let salt = Data(base64Encoded: String(parts[4])), let expected = Data(base64Encoded: String(parts[5])),
            !salt.isEmpty, !expected.isEmpty
        else { return false }
        guard
            let derived = try? derive(
                password, salt: Array(salt), rounds: rounds, blockSize: blockSize, parallelism: parallelism,
                length: expected.count)
        else { return false }
        return ConstantTime.equal(derived, Array(expected))
    }

    /// Burns the same time as a real check, for an unknown e-mail address, so response time does
    /// not reveal which addresses have accounts.
    public func verifyNothing(_ password: String) {
        _ = try? Self.derive(
            password, salt: [UInt8](repeating: 0, count: Self.saltByteCount), rounds: rounds,
            blockSize: blockSize, parallelism: parallelism)
    }

    private static func derive(
        _ password: String, salt: [UInt8], rounds: Int, blockSize: Int, parallelism: Int, length: Int = hashByteCount
    ) throws(PasswordHashError) -> [UInt8] {
        do {
            let key = try KDF.Scrypt.deriveKey(
                from: Array(password.utf8), salt: salt, outputByteCount: length, rounds: rounds, blockSize: blockSize,
                parallelism: parallelism)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .derivationFailed
        }
    }
}
