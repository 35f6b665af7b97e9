/// The opaque `next_cursor` of a keyset-paginated list: base64url of `c1:<id>`, the last id of the
/// page. Clients pass it back unchanged; anything this did not produce reads as nil.
public enum PageCursor {
    public static func encode(after id: Int) -> String { Base64URL.encode(Array("c1:\(id)".utf8)) }

    /// The id, or nil for text this did not produce (at most 40 characters, a positive id).
    public static func decode(_ text: String) -> Int? {
        guard text.utf8.count <= 40, let bytes = Base64URL.decode(text),
            let decoded = String(validating: bytes, as: UTF8.self), decoded.hasPrefix("c1:"),
            let id = Int(decoded.dropFirst(3)), id > 0
        else { return nil }
        return id
    }
}
