import Foundation
import JSON

/// JSON request and response helpers with the API's error rules.
public enum JSONBody {
    /// Decodes a JSON body: wrong content type or malformed JSON is a 400; the caller validates content.
    public static func decode<T: Decodable>(_ type: T.Type, from request: Request) throws(HTTPError) -> T {
        guard request.mediaType == "application/json" else {
            throw .badRequest("Expected Content-Type: application/json.")
        }
        do {
            return try JSONDecoder().decode(type, from: Data(request.body))
        } catch let error as DecodingError {
            throw JSONBody.problem(for: error)
        } catch {
            throw .badRequest("The body is not valid JSON.")
        }
    }

    /// A 2xx JSON response.
    public static func response<T: Encodable>(_ value: T, status: Int = 200) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = (try? encoder.encode(value)).map(Array.init) ?? Array("null".utf8)
        var response = Response(status: status, body: bytes)
        response.headers.set("content-type", "application/json")
        response.headers.set("cache-control", "no-store")
        return response
    }

    /// Maps a decoding failure: syntax errors are 400, type and shape errors 422 naming the field.
    public static func problem(for error: DecodingError) -> HTTPError {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return .badRequest("The body is not valid JSON.")
        case .dataCorrupted(let context):
            return .unprocessable([.init(field: path(context.codingPath), message: "is malformed")])
        case .typeMismatch(let type, let context):
            return .unprocessable([
                .init(field: path(context.codingPath), message: "must be \(describe(type))")
            ])
        case .valueNotFound(let type, let context):
            return .unprocessable([
                .init(field: path(context.codingPath), message: "must be \(describe(type)), not null")
            ])
        case .keyNotFound(let key, let context):
            return .unprocessable([.init(field: path(context.codingPath + [key]), message: "is required")])
        @unknown default:
            return .badRequest("The body could not be decoded.")
        }
    }

    /// `items[2].qty_billed` from a coding path.
    public static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result.isEmpty ? "(body)" : result
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default: "of type \(type)"
        }
    }
}

extension JSONBody {
    /// A response whose JSON is already encoded.
    public static func raw(_ body: [UInt8], status: Int = 200) -> Response {
        var response = Response(status: status, body: body)
        response.headers.set("content-type", "application/json")
        response.headers.set("cache-control", "no-store")
        return response
    }

    /// A `JSONValue` response.
    public static func value(_ value: JSONValue, status: Int = 200) -> Response {
        raw(JSONWriter.bytes(value), status: status)
    }
}
