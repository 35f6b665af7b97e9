import ArgumentParser
import Database
import Portal

/// Turns a refused input or a taken address into a clean `ValidationError` message.
enum CommandFailure {
    static func report<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ProvisioningError {
            throw ValidationError(error.description)
        } catch DatabaseError.duplicateKey(let key) {
            throw ValidationError("already exists (\(key))")
        }
    }
}
