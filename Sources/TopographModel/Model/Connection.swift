/// A directed edge between two resources (or a resource and a container).
package struct Connection: Hashable, Sendable {
    package var from: String
    package var to: String
    package var label: String?
    package var port: Int?
    package var `protocol`: String?
    /// How the traffic travels (`service-connect`, `vpc-link`, `cloud-map`, ...).
    package var via: String?
    /// Extension: free Markdown, as on resources.
    package var notes: String?
    package var location: SourceLocation
    package var fromLocation: SourceLocation
    package var toLocation: SourceLocation

    package init(
        from: String, to: String, label: String? = nil, port: Int? = nil, protocol: String? = nil,
        via: String? = nil, notes: String? = nil,
        location: SourceLocation, fromLocation: SourceLocation? = nil, toLocation: SourceLocation? = nil
    ) {
        self.from = from
        self.to = to
        self.label = label
        self.port = port
        self.protocol = `protocol`
        self.via = via
        self.notes = notes
        self.location = location
        self.fromLocation = fromLocation ?? location
        self.toLocation = toLocation ?? location
    }

    /// The text a diagram shows on the edge: the label, else protocol and port.
    package var displayLabel: String? {
        if let label, !label.isEmpty { return label }
        let parts = [`protocol`?.uppercased(), port.map(String.init)].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// `from -> to`, the way a user writes it.
    package var endpoints: String { "\(from) -> \(to)" }

    /// A label that is a path (`ialb -> orders: /orders/*`) is an ALB listener rule: the
    /// pattern it routes (`/orders` routes `/orders*`). The runbooks create the rule; the
    /// `http-api-path-mapping` lint reads it like a `path_rules` entry.
    package var pathRule: String? {
        guard let label, label.hasPrefix("/"), label != "/*",
              label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/-_.*?~".contains($0)) }) else { return nil }
        return label.hasSuffix("*") ? label : label + "*"
    }

    /// Two connections are the same edge when every written property matches; positions
    /// and the short/long form do not matter.
    package static func == (lhs: Connection, rhs: Connection) -> Bool {
        lhs.from == rhs.from && lhs.to == rhs.to && lhs.label == rhs.label && lhs.port == rhs.port
            && lhs.protocol == rhs.protocol && lhs.via == rhs.via && lhs.notes == rhs.notes
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(from)
        hasher.combine(to)
        hasher.combine(label)
        hasher.combine(port)
        hasher.combine(`protocol`)
        hasher.combine(via)
    }
}
