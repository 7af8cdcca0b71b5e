import TopographModel

/// Facts the security and addressing rules share: IPv4 CIDR blocks and `ingress:` rules.

/// An IPv4 CIDR block, `10.0.0.0/16`.
struct IPv4Block: Hashable {
    var network: UInt32
    var prefix: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), (0...32).contains(prefix) else { return nil }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        guard octets.count == 4 else { return nil }
        let address = octets.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        self.prefix = prefix
        self.network = address & Self.mask(prefix)
    }

    static func mask(_ prefix: Int) -> UInt32 { prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix) }

    func contains(_ other: IPv4Block) -> Bool {
        other.prefix >= prefix && other.network & Self.mask(prefix) == network
    }

    func overlaps(_ other: IPv4Block) -> Bool { contains(other) || other.contains(self) }

    /// RFC 1918 space, where VPCs live.
    static let privateRanges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].compactMap(IPv4Block.init)
}

/// One entry of a resource's `ingress:`.
struct IngressRule {
    var from: String
    var port: Int?
    var location: SourceLocation

    /// Whether the rule lets in anyone on the internet.
    var isFromInternet: Bool { ["0.0.0.0/0", "::/0", "internet"].contains(from) }

    /// Whether the rule can admit someone on the internet: anyone, or a public address
    /// block (an office, a partner). Users drawn in the graph come from such addresses.
    var admitsInternetClients: Bool {
        if isFromInternet { return true }
        guard let block = IPv4Block(from) else { return from.contains(":") }
        return !IPv4Block.privateRanges.contains { $0.contains(block) }
    }

    func allows(port other: Int?) -> Bool {
        guard let port, let other else { return true }
        return port == other
    }
}

extension Resource {
    /// The `ingress:` rules, each with the position of its entry.
    var ingressRules: [IngressRule] {
        (fields["ingress"]?.listValue ?? []).enumerated().compactMap { index, entry in
            guard let from = entry["from"]?.scalarText else { return nil }
            return IngressRule(from: from, port: entry["port"]?.intValue, location: location(of: "ingress", element: index))
        }
    }

    /// Whether `ingress:` is written (then it is the whole list of what may come in).
    var declaresIngress: Bool { fields["ingress"] != nil }
}

extension StageTopology {
    /// Whether an ingress rule's `from` admits traffic from `source`: the source itself,
    /// a container it sits in, or a CIDR holding the source's subnet or VPC block.
    func ingressRule(_ rule: IngressRule, admits source: Resource) -> Bool {
        if rule.isFromInternet { return true }
        if isInside(source.id, rule.from) { return true }
        guard let block = IPv4Block(rule.from) else { return false }
        let sourceBlocks = ([source] + ancestors(of: source.id) + placementSubnets(of: source))
            .compactMap { $0.string("cidr").flatMap(IPv4Block.init) }
        return sourceBlocks.contains { block.contains($0) }
    }

    /// Ids of the internet's stand-ins in the graph.
    func isInternetSource(_ id: String) -> Bool {
        guard let kind = resource(id)?.kind else { return false }
        return kind == .user || kind == .internet
    }
}
