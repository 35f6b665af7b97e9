/// One diagnosis on a health claim; its ICD-10 code is checked for shape, not looked up.
public struct Diagnosis: Sendable, Codable, Equatable, Hashable {
    public var name: String?
    /// Checked for shape (case-insensitive); nil or blank is not judged.
    public var icdCode: String?

    public init(name: String? = nil, icdCode: String? = nil) {
        self.name = name
        self.icdCode = icdCode
    }

    enum CodingKeys: String, CodingKey {
        case name
        case icdCode = "icd_code"
    }
}
