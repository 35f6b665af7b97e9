/// Why a password could not be hashed (the library refused the parameters or ran out of memory).
public enum PasswordHashError: Error, Sendable, Equatable {
    case derivationFailed
}
