/// One JSON object of a settings file: lenient about key spelling (`review_threshold`,
/// `reviewThreshold`), strict about unknown keys and types, so errors name the exact field.
struct SettingsObject {
    let container: KeyedDecodingContainer<SettingsKey>
    let path: String
    private let keys: [String: SettingsKey]

    /// `allowed` lists the snake_case names; nil accepts any key (maps such as `tariff`).
    init(_ container: KeyedDecodingContainer<SettingsKey>, path: String, allowed: [String]?) throws {
        self.container = container
        self.path = path
        var keys: [String: SettingsKey] = [:]
        let allowedSet = allowed.map { Set($0.map(Self.fold)) }
        for key in container.allKeys {
            let folded = Self.fold(key.stringValue)
            if let allowedSet, !allowedSet.contains(folded) {
                throw CaseSettingsError.unknownField(Self.join(path, key.stringValue))
            }
            keys[folded] = key
        }
        self.keys = keys
    }

    /// Whether `name` is present, even as null.
    func contains(_ name: String) -> Bool { keys[Self.fold(name)] != nil }

    /// The keys as written, for maps.
    var allKeys: [SettingsKey] { container.allKeys }

    /// The value under `name`, nil when absent or null; a wrong type names the field.
    func value<T: Decodable>(_ name: String, _ type: T.Type, expected: String) throws -> T? {
        guard let key = keys[Self.fold(name)] else { return nil }
        return try value(at: key, type, expected: expected)
    }

    func value<T: Decodable>(at key: SettingsKey, _ type: T.Type, expected: String) throws -> T? {
        if try container.decodeNil(forKey: key) { return nil }
        do {
            return try container.decode(type, forKey: key)
        } catch let error as DecodingError {
            switch error {
            case .typeMismatch, .valueNotFound, .dataCorrupted:
                throw CaseSettingsError.wrongType(field: Self.join(path, key.stringValue), expected: expected)
            default:
                throw error
            }
        }
    }

    /// The nested object under `name`, nil when absent or null.
    func object(_ name: String, allowed: [String]?) throws -> SettingsObject? {
        guard let key = keys[Self.fold(name)] else { return nil }
        return try object(at: key, allowed: allowed)
    }

    func object(at key: SettingsKey, allowed: [String]?) throws -> SettingsObject? {
        if try container.decodeNil(forKey: key) { return nil }
        let nestedPath = Self.join(path, key.stringValue)
        do {
            let nested = try container.nestedContainer(keyedBy: SettingsKey.self, forKey: key)
            return try SettingsObject(nested, path: nestedPath, allowed: allowed)
        } catch let error as DecodingError {
            if case .typeMismatch = error {
                throw CaseSettingsError.wrongType(field: nestedPath, expected: "an object")
            }
            throw error
        }
    }

    /// Case and separators do not matter: `window_seconds`, `windowSeconds`, `window-seconds`.
    static func fold(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" })
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}
