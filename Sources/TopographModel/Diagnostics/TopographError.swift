/// The exit statuses every command documents: scripts and CI branch on them, so they are
/// one type rather than integers spelt in each command.
package enum ExitStatus: Int32, Sendable {
    case success = 0
    /// Lint findings, stale docs, drift, a diff with `--exit-code`.
    case findings = 1
    /// Usage or input error: the input, not the architecture, must change.
    case inputError = 2
}

/// What went wrong, as a stable identifier a tool embedding the library can branch on
/// instead of on the Swift type that happened to carry it.
package enum TopographErrorCode: String, Sendable, CaseIterable {
    /// The topology (or standard input) is not a valid topology: positioned diagnostics.
    case invalidInput = "invalid-input"
    /// `--stage` names no stage of the topology.
    case unknownStage = "unknown-stage"
    /// A command-line value the command cannot act on (beyond argument-parser's checks).
    case invalidArgument = "invalid-argument"
    /// The docs tree's inputs or configuration cannot be resolved.
    case invalidDocsInputs = "invalid-docs-inputs"
    /// A runbook template (default or `--templates`) does not parse or render.
    case invalidTemplate = "invalid-template"
    /// A file a person wrote, or a path outside the `-o` directory, would be overwritten.
    case outputRefused = "output-refused"
    /// Standard output cannot take the report (a closed pipe, a full disk).
    case outputUnwritable = "output-unwritable"
    /// The diagram is larger than Graphviz is asked to lay out (`LayoutBudget`).
    case layoutTooLarge = "layout-too-large"
    /// Graphviz refused the DOT or failed to render it.
    case graphviz
    /// The diff cannot be drawn in the asked format.
    case diffNotDrawable = "diff-not-drawable"
    /// The AWS account cannot be read (CLI missing, credentials refused, access denied).
    case awsAccount = "aws-account"
    /// The command ran and found something: lint findings, stale docs, drift, a diff.
    case findings
}

/// Every error Topograph reports conforms, so the CLI maps errors to exit statuses and
/// messages in one place (`TopographCommand.exitMapped`) and a new error type is one
/// conformance, not a new branch there.
package protocol TopographError: Error, CustomStringConvertible, Sendable {
    var code: TopographErrorCode { get }
    /// Default: 2, an input error; only findings exit 1.
    var exitStatus: ExitStatus { get }
    /// Positioned diagnostics, printed as `file:line:column`; empty when `description`
    /// is the whole message (an empty description prints nothing: the command already
    /// reported what it found).
    var diagnostics: [Diagnostic] { get }
}

extension TopographError {
    package var exitStatus: ExitStatus { .inputError }
    package var diagnostics: [Diagnostic] { [] }
}

/// An error with only a message: what a command refuses, found or could not do.
package struct TopographFailure: TopographError {
    package var code: TopographErrorCode
    package var exitStatus: ExitStatus
    package var description: String

    package init(_ code: TopographErrorCode, _ message: String, exitStatus: ExitStatus = .inputError) {
        self.code = code
        self.description = message
        self.exitStatus = exitStatus
    }

    /// A command-line value the command cannot act on (exit 2).
    package static func input(_ message: String) -> TopographFailure { TopographFailure(.invalidArgument, message) }

    /// Findings already reported, with an optional closing line (exit 1).
    package static func findings(_ message: String = "") -> TopographFailure { TopographFailure(.findings, message, exitStatus: .findings) }

    /// Input errors already reported as they were found (exit 2, nothing more to print).
    package static let inputReported = TopographFailure(.invalidInput, "")
}
