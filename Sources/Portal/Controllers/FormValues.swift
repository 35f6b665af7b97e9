import Foundation
import HTTP
import Tenancy

/// What a create or edit form sent, trimmed, with one message per field that failed; nothing is
/// stored while `errors` is not empty.
struct FormValues: Sendable {
    var name = ""
    var description = ""
    var url = ""
    var environment = ""
    var errors: [String: String] = [:]

    static let nameLimit = 100
    static let descriptionLimit = 500

    init() {}

    /// Reads and checks name and description (and environment when `needsEnvironment`).
    init(form: QueryItems, nameLabel: String, needsEnvironment: Bool) {
        name = Self.trimmed(form["name"])
        description = Self.trimmed(form["description"])
        url = Self.trimmed(form["url"])
        environment = form["environment"] ?? ""
        if name.isEmpty {
            errors["name"] = "\(nameLabel) is required."
        } else if name.unicodeScalars.count > Self.nameLimit {
            errors["name"] = "\(nameLabel) must be at most \(Self.nameLimit) characters."
        } else if Self.hasControlCharacters(name) {
            errors["name"] = "\(nameLabel) must be a single line of text."
        }
        if description.unicodeScalars.count > Self.descriptionLimit {
            errors["description"] = "Description must be at most \(Self.descriptionLimit) characters."
        } else if Self.hasControlCharacters(description, allowingNewlines: true) {
            errors["description"] = "Description contains characters that are not allowed."
        }
        if needsEnvironment, Environment(rawValue: environment) == nil {
            errors["environment"] = "Choose Production or Sandbox."
        }
    }

    var isValid: Bool { errors.isEmpty }

    /// The chosen environment (only meaningful when valid).
    var chosenEnvironment: Environment { Environment(rawValue: environment) ?? .sandbox }

    private static func trimmed(_ value: String?) -> String {
        (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func hasControlCharacters(_ text: String, allowingNewlines: Bool = false) -> Bool {
        text.unicodeScalars.contains { scalar in
            if allowingNewlines, scalar == "\n" || scalar == "\r" || scalar == "\t" { return false }
            return scalar.value < 0x20 || scalar.value == 0x7F
        }
    }
}
