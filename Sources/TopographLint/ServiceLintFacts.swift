import TopographModel

/// Facts about messaging and event resources the service rules share: who consumes a queue,
/// what a rule or schedule delivers to. Each reads both what connections draw and what
/// reference attributes say, since a design may write either.
extension StageTopology {
    /// Resources that take messages from `source`: connections out of it, and pipes that
    /// name it as their `source`.
    func consumers(of source: Resource) -> [Resource] {
        var ids = outgoing(source.id).map(\.to)
        ids += resources(ofKind: .eventBridgePipe).filter { $0.string("source") == source.id }.map(\.id)
        return ids.uniqued().compactMap { resource($0) }
    }

    /// Ids a rule, schedule or pipe delivers to: connections out of it plus its `targets:`
    /// / `target:`.
    func deliveryTargets(of resource: Resource) -> [String] {
        (outgoing(resource.id).map(\.to) + resource.strings("targets") + [resource.string("target")].compactMap { $0 }).uniqued()
    }
}

extension Resource {
    /// An SQS queue or SNS topic that is FIFO: `fifo: true`, or a name ending in `.fifo`.
    var isFIFO: Bool { bool("fifo") == true || (string("name")?.hasSuffix(".fifo") ?? false) }

    /// Whether the resource says it is encrypted at rest: `encrypted: true` or a `kms_key`.
    var declaresEncryption: Bool { bool("encrypted") == true || string("kms_key") != nil }
}
