/// A command-line input the provisioning refused, worded for the operator.
public enum ProvisioningError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let message): message
        }
    }
}
