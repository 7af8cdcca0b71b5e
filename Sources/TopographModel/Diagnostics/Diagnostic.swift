package enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
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

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in a topology file. `code` is a stable slug (`unknown-kind`,
/// `duplicate-connection`, ...) so tools and tests can match on it without parsing prose.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package var severity: Severity
    package var code: DiagnosticCode
    package var message: String
    package var location: SourceLocation?
    /// How to fix it; a did-you-mean when a close name exists.
    package var help: String?

    package init(_ severity: Severity, code: DiagnosticCode, _ message: String, at location: SourceLocation?, help: String? = nil) {
        self.severity = severity
        self.code = code
        // Messages quote values from the file; they reach terminals, CI logs and JSON.
        self.message = VisibleText.escaped(message)
        self.location = location
        self.help = help.map(VisibleText.escaped)
    }

    /// `file:line:col: error: message [code]`, then an indented `help:` line.
    package var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message) [\(code)]"
        if let help { text += "\n  help: \(help)" }
        return text
    }

    /// Orders diagnostics by position so output never depends on discovery order.
    package static func sortKey(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
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
package struct DiagnosticBag: Sendable {
    package private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    package init() {}

    package mutating func append(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    package mutating func append(contentsOf other: [Diagnostic]) {
        for diagnostic in other { append(diagnostic) }
    }

    package mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?, help: String? = nil) {
        append(Diagnostic(.error, code: code, message, at: location, help: help))
    }

    package mutating func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?, help: String? = nil) {
        append(Diagnostic(.warning, code: code, message, at: location, help: help))
    }

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    package var sorted: [Diagnostic] { diagnostics.sorted(by: Diagnostic.sortKey) }
}

/// Thrown when input cannot become a valid topology. Carries every error found, not just
/// the first, so a user fixes a file in one round.
package struct TopologyInputError: TopographError {
    package var diagnostics: [Diagnostic]
    package var code: TopographErrorCode { .invalidInput }

    package init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted(by: Diagnostic.sortKey)
    }

    package var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
