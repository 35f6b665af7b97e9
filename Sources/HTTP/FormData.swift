/// Decodes an HTML form post (`application/x-www-form-urlencoded`).
public enum FormData {
    /// The fields of a form body; any other content type is a 400 so a form cannot be smuggled as JSON.
    public static func decode(_ request: Request) throws(HTTPError) -> QueryItems {
        guard request.mediaType == "application/x-www-form-urlencoded" else {
            throw .badRequest("Expected a form submission (application/x-www-form-urlencoded).")
        }
        guard let text = String(validating: request.body, as: UTF8.self) else {
            throw .badRequest("The form contains invalid UTF-8.")
        }
        return try QueryItems(parsing: text)
    }
}
