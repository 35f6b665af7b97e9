/// Why a claim body was refused: every bad field with its JSON path, so the client fixes them
/// all at once. The API answers it as a 422 `validation-failed` problem listing `errors`; the pile
/// worker, which re-validates stored claims, logs it and marks the claim not analysable.
public struct ClaimValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One refused field: its JSON path (`claimant.email`, `items[2].qty_billed`) and what is wrong.
    public struct FieldError: Sendable, Equatable {
        public let field: String
        public let message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// At most 100, in the order the fields were read.
    public let errors: [FieldError]

    public init(_ errors: [FieldError]) { self.errors = errors }

    public var description: String {
        "the claim failed validation: " + errors.map { "\($0.field) \($0.message)" }.joined(separator: "; ")
    }
}
