import Crypto

/// SHA-256 and HMAC helpers in the shapes the API stores.
public enum Hashing {
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }

    public static func hmacHex(key: [UInt8], _ bytes: [UInt8], length: Int) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: bytes, using: SymmetricKey(data: key))
        return String(Array(mac).map { byte in String(byte, radix: 16).leftPadded(2) }.joined().prefix(length))
    }
}

extension String {
    public func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
