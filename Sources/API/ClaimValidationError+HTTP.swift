import Claims
import HTTP

extension ClaimValidationError {
    /// The API's answer to a refused claim: 422 `validation-failed` listing every bad field, with
    /// `detail` saying what was refused (one claim, or the claims of a pile request).
    func httpError(detail: String = "The request failed validation.") -> HTTPError {
        .unprocessable(errors.map { HTTPError.FieldError(field: $0.field, message: $0.message) }, detail: detail)
    }
}
