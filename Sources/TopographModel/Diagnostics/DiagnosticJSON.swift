/// A diagnostic in the JSON outputs (`validate --format json`, lint's `inputErrors`): one
/// shape everywhere, every key always present (null when absent).
package struct DiagnosticJSON: Encodable, Sendable {
    var severity: String
    var code: String
    var message: String
    var file: String?
    var line: Int?
    var column: Int?
    var help: String?

    package init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        code = diagnostic.code.rawValue
        message = diagnostic.message
        file = diagnostic.location?.file
        line = diagnostic.location?.line
        column = diagnostic.location?.column
        help = diagnostic.help
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(help, forKey: .help)
    }

    enum CodingKeys: String, CodingKey {
        case severity, code, message, file, line, column, help
    }
}
