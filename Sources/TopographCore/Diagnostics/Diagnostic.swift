public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in a topology file. `code` is a stable slug (`unknown-kind`,
/// `duplicate-connection`, ...) so tools and tests can match on it without parsing prose.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var code: String
    public var message: String
    public var location: SourceLocation?
    /// How to fix it; a did-you-mean when a close name exists.
    public var help: String?

    public init(_ severity: Severity, code: String, _ message: String, at location: SourceLocation?, help: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.help = help
    }

    /// `file:line:col: error: message [code]`, then an indented `help:` line.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message) [\(code)]"
        if let help { text += "\n  help: \(help)" }
        return text
    }

    /// Orders diagnostics by position so output never depends on discovery order.
    public static func sortKey(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let l = lhs.location ?? SourceLocation(file: "", line: 0, column: 0)
        let r = rhs.location ?? SourceLocation(file: "", line: 0, column: 0)
        if l != r { return l < r }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.message < rhs.message
    }
}

/// Collects diagnostics from every stage of the pipeline; identical diagnostics (the same
/// base resource checked once per stage) are kept once.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        for diagnostic in other { append(diagnostic) }
    }

    public mutating func error(_ code: String, _ message: String, at location: SourceLocation?, help: String? = nil) {
        append(Diagnostic(.error, code: code, message, at: location, help: help))
    }

    public mutating func warning(_ code: String, _ message: String, at location: SourceLocation?, help: String? = nil) {
        append(Diagnostic(.warning, code: code, message, at: location, help: help))
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public var sorted: [Diagnostic] { diagnostics.sorted(by: Diagnostic.sortKey) }
}

/// Thrown when input cannot become a valid topology. Carries every error found, not just
/// the first, so a user fixes a file in one round.
public struct TopologyInputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted(by: Diagnostic.sortKey)
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
