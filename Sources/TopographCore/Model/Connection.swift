/// A directed edge between two resources (or a resource and a container).
public struct Connection: Hashable, Sendable {
    public var from: String
    public var to: String
    public var label: String?
    public var port: Int?
    public var `protocol`: String?
    /// How the traffic travels (`service-connect`, `vpc-link`, `cloud-map`, ...).
    public var via: String?
    /// Extension: free Markdown, as on resources.
    public var notes: String?
    public var location: SourceLocation
    public var fromLocation: SourceLocation
    public var toLocation: SourceLocation

    public init(
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
    public var displayLabel: String? {
        if let label, !label.isEmpty { return label }
        let parts = [`protocol`?.uppercased(), port.map(String.init)].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// `from -> to`, the way a user writes it.
    public var endpoints: String { "\(from) -> \(to)" }

    /// Two connections are the same edge when every written property matches; positions
    /// and the short/long form do not matter.
    public static func == (lhs: Connection, rhs: Connection) -> Bool {
        lhs.from == rhs.from && lhs.to == rhs.to && lhs.label == rhs.label && lhs.port == rhs.port
            && lhs.protocol == rhs.protocol && lhs.via == rhs.via && lhs.notes == rhs.notes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(from)
        hasher.combine(to)
        hasher.combine(label)
        hasher.combine(port)
        hasher.combine(`protocol`)
        hasher.combine(via)
    }
}
