import Claims
import HTTP
import JSON
import Scoring

/// The OpenAPI 3.1 document: the data file in Resources, with the deduction-code catalogue
/// filled in from the engine so the two can never disagree.
public enum OpenAPIDocument {
    public static func render() -> [UInt8] {
        guard case .object(var root) = (try? JSONParser.parse(PackageResources.openapi_json, limits: .trusted)) ?? .null
        else { return PackageResources.openapi_json }
        let codes = DeductionCode.allCases.map { JSONValue.string($0.rawValue) }
        let catalogue = DeductionCode.allCases.map {
            "\($0.rawValue) (\($0.claimType.rawValue), default \($0.defaultPoints) points): \($0.summary)"
        }.joined(separator: "\n")
        root = replacing(root, marker: "__DEDUCTION_CODES__", with: .array(codes))
        root = replacing(root, marker: "__DEDUCTION_CATALOGUE__", with: .string(catalogue))
        return JSONWriter.bytes(.object(root))
    }

    private static func replacing(_ object: JSONObject, marker: String, with value: JSONValue) -> JSONObject {
        var result = JSONObject()
        for (key, entry) in object.entries { result[key] = replacing(entry, marker: marker, with: value) }
        return result
    }

    private static func replacing(_ value: JSONValue, marker: String, with replacement: JSONValue) -> JSONValue {
        switch value {
        case .string(marker): replacement
        case .object(let object): .object(replacing(object, marker: marker, with: replacement))
        case .array(let elements): .array(elements.map { replacing($0, marker: marker, with: replacement) })
        default: value
        }
    }
}
