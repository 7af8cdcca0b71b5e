import TopographModel

/// Collects what the account readers translate, and resolves the identifiers AWS uses to
/// point at things (ids, ARNs, names, DNS names, URIs that embed an ARN) to the keys of the
/// resources read. References are written with the raw identifier and resolved once
/// everything is read, so readers need not care about order.
final class AWSModelBuilder {
    var region = ""
    var account = "000000000000"
    private(set) var resources: [IaCResource] = []
    private var keyByIdentifier: [String: String] = [:]
    private var keys: Set<String> = []
    var tagsByIdentifier: [String: [(String, String)]] = [:]

    /// Adds one resource. `identifiers` are every other string AWS uses for it (its ARN,
    /// name, DNS name); `name` is what people call it (ids and messages use it).
    func add(_ key: String, _ type: String, _ properties: [String: IaCValue], name: String, identifiers: [String] = [], tags: [(String, String)]? = nil) {
        guard !key.isEmpty, keys.insert(key).inserted else { return }
        var properties = properties
        let allTags = tags ?? ([key] + identifiers).lazy.compactMap { self.tagsByIdentifier[$0] }.first ?? []
        if !allTags.isEmpty, properties["Tags"] == nil {
            properties["Tags"] = .list(allTags.map { .map([IaCEntry(key: "Key", value: .string($0.0)), IaCEntry(key: "Value", value: .string($0.1))]) })
        }
        let hint = allTags.first { $0.0 == "topograph:id" }?.1 ?? allTags.first { $0.0 == "Name" }?.1 ?? name
        resources.append(IaCResource(
            key: key, logicalID: name, type: type, properties: properties,
            location: SourceLocation(file: "aws:\(key)", line: 1, column: 1), idHint: hint.isEmpty ? key : hint))
        for identifier in identifiers where !identifier.isEmpty && keyByIdentifier[identifier] == nil {
            keyByIdentifier[identifier] = key
        }
    }

    /// Changes the properties of a resource already added.
    func amend(_ key: String, _ change: (inout [String: IaCValue]) -> Void) {
        guard let index = resources.firstIndex(where: { $0.key == key }) else { return }
        change(&resources[index].properties)
    }

    /// A reference to the resource AWS names `identifier` (resolved at the end).
    func ref(_ identifier: String?) -> IaCValue? {
        guard let identifier, !identifier.isEmpty else { return nil }
        return .reference(IaCReference(key: identifier))
    }

    /// A reference to a resource this reader has just named (never empty; `.null` if it is).
    func id(_ identifier: String) -> IaCValue {
        ref(identifier) ?? .null
    }

    func refs(_ identifiers: [String]) -> IaCValue {
        .list(identifiers.compactMap(ref))
    }

    /// Text that may embed identifiers (an integration URI, a JWT issuer): kept as text,
    /// with the resources it names.
    func text(_ value: String?) -> IaCValue? {
        guard let value, !value.isEmpty else { return nil }
        return .text(value, references: [IaCReference(key: value)])
    }

    /// Resources grouped by type in the order the types were first read, by name within a
    /// type: AWS lists come in no promised order, the output must not change between runs.
    func model() -> IaCModel {
        var rank: [String: Int] = [:]
        for resource in resources where rank[resource.type] == nil { rank[resource.type] = rank.count }
        let ordered = resources.sorted { (rank[$0.type] ?? 0, $0.logicalID, $0.key) < (rank[$1.type] ?? 0, $1.logicalID, $1.key) }
        let resolved = ordered.map { resource in
            var copy = resource
            copy.properties = resource.properties.mapValues(resolve)
            return copy
        }
        return IaCModel(resources: resolved, region: region.isEmpty ? nil : region)
    }

    private func resolve(_ value: IaCValue) -> IaCValue {
        switch value {
        case .reference(let reference):
            if let key = key(for: reference.key) { return .reference(IaCReference(key: key)) }
            return .string(reference.key)
        case .text(let text, let references):
            let found = references.compactMap { key(for: $0.key) }
            return found.isEmpty ? .string(text) : .text(text, references: found.map { IaCReference(key: $0) })
        case .list(let items): return .list(items.map(resolve))
        case .map(let entries): return .map(entries.map { IaCEntry(key: $0.key, value: resolve($0.value)) })
        default: return value
        }
    }

    /// The key of what `identifier` names: itself, a registered identifier, or an ARN
    /// inside it (a Lambda integration URI), a user pool at the end of an issuer URL, the
    /// table a stream ARN belongs to, the load balancer behind a DNS name.
    func key(for identifier: String) -> String? {
        if keys.contains(identifier) { return identifier }
        if let key = keyByIdentifier[identifier] { return key }
        let lowered = identifier.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if let key = keyByIdentifier[lowered] { return key }
        if lowered.hasPrefix("dualstack."), let key = keyByIdentifier[String(lowered.dropFirst("dualstack.".count))] { return key }
        if let range = identifier.range(of: ":function:") {
            // arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/arn:aws:lambda:...:function:NAME[:ALIAS]/invocations
            let start = identifier[..<range.lowerBound].range(of: "arn:", options: .backwards)?.lowerBound ?? range.lowerBound
            let name = identifier[range.upperBound...].prefix { $0 != "/" && $0 != ":" }
            let arn = String(identifier[start..<range.lowerBound]) + ":function:" + name
            if let key = keyByIdentifier[arn] ?? (keys.contains(arn) ? arn : nil) { return key }
        }
        if identifier.hasPrefix("https://cognito-idp."), let pool = identifier.split(separator: "/").last, let key = keyByIdentifier[String(pool)] {
            return key
        }
        if let range = identifier.range(of: ":s3:path/") {
            let bucket = identifier[range.upperBound...].prefix { $0 != "/" && $0 != "?" }
            if let key = keyByIdentifier[String(bucket)] { return key }
        }
        if let range = identifier.range(of: "/stream/"), let key = key(for: String(identifier[..<range.lowerBound])) { return key }
        // arn:aws:autoscaling:REGION:ACCOUNT:scalingPolicy:UUID:autoScalingGroupName/NAME:policyName/POLICY acts on the group.
        if let range = identifier.range(of: ":autoScalingGroupName/") {
            let group = identifier[range.upperBound...].prefix { $0 != ":" }
            if let key = keyByIdentifier[String(group)] { return key }
        }
        return nil
    }

    func arn(_ service: String, _ resource: String, region: String? = nil) -> String {
        "arn:aws:\(service):\(region ?? self.region):\(account):\(resource)"
    }
}

import Foundation
