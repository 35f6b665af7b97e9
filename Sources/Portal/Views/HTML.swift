/// A fragment of HTML that is safe to send: literal template text is trusted, every interpolated
/// `String` goes through `HTMLEscaper`, and only another `HTML` value is inserted as is.
///
/// This makes escaping the default a page cannot forget: there is no way to interpolate text raw.
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    public private(set) var rendered: String

    public init(stringLiteral value: String) { rendered = value }

    public init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.output }

    /// Escapes `text` (for building fragments in code rather than in a literal).
    public init(text: String) { rendered = HTMLEscaper.escape(text) }

    private init(trusted: String) { rendered = trusted }

    public static let empty = HTML(trusted: "")

    /// Fragments one after another.
    public static func join(_ parts: some Sequence<HTML>, separator: HTML = .empty) -> HTML {
        HTML(trusted: parts.map(\.rendered).joined(separator: separator.rendered))
    }

    public var description: String { rendered }

    /// Builds the markup: literals as written, values escaped.
    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { output += literal }

        public mutating func appendInterpolation(_ text: String) { output += HTMLEscaper.escape(text) }

        public mutating func appendInterpolation(_ text: Substring) { output += HTMLEscaper.escape(String(text)) }

        public mutating func appendInterpolation(_ number: Int) { output += String(number) }

        public mutating func appendInterpolation(_ html: HTML) { output += html.rendered }

        public mutating func appendInterpolation(_ parts: [HTML]) { output += parts.map(\.rendered).joined() }

        /// `html` when `condition` holds, nothing otherwise (for optional attributes and sections).
        public mutating func appendInterpolation(if condition: Bool, _ html: HTML) {
            if condition { output += html.rendered }
        }
    }
}
