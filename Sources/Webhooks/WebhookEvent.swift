import Common
import Foundation
import JSON

/// The body of one delivery: `{"type":…,"timestamp":…,"data":…}`.
///
/// `data` arrives already encoded and is spliced in byte for byte: the claim is encoded once
/// (by the same code as the API response), and the signed bytes are exactly the stored bytes, so
/// a resend or retry carries an identical, still-verifiable body.
public struct WebhookEvent: Sendable {
    /// What happened.
    public let type: WebhookEventType
    /// When it happened; serialised as RFC 3339 UTC with milliseconds.
    public let timestamp: Date
    /// The JSON object that goes under `data`, as encoded bytes.
    public let data: Data

    /// Refuses `data` that is not shaped like a JSON object (first and last non-whitespace bytes
    /// `{` and `}`), which would produce a body receivers cannot parse. It is not a full JSON
    /// check: the encoder that produced `data` is trusted for the rest.
    public init(type: WebhookEventType, timestamp: Date, data: Data) throws(WebhookEventError) {
        let isWhitespace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = data.first(where: { !isWhitespace($0) }), let last = data.last(where: { !isWhitespace($0) }),
            first == UInt8(ascii: "{"), last == UInt8(ascii: "}")
        else { throw .dataIsNotAJSONObject }
        self.type = type
        self.timestamp = timestamp
        self.data = data
    }

    /// The bytes to send and sign.
    public var body: Data {
        var body = Data()
        body.append(contentsOf: Array(#"{"type":""#.utf8))
        body.append(contentsOf: Array(type.rawValue.utf8))
        body.append(contentsOf: Array(#"","timestamp":""#.utf8))
        body.append(contentsOf: Array(RFC3339.format(timestamp).utf8))
        body.append(contentsOf: Array(#"","data":"#.utf8))
        body.append(data)
        body.append(UInt8(ascii: "}"))
        return body
    }
}
