import TopographModel

/// The `AWS::Serverless-2016-10-31` transform, as far as architecture goes: each
/// `AWS::Serverless::*` resource becomes the CloudFormation resources SAM deploys for it
/// (a function, its event source mappings, subscriptions, rules and API routes; an API with
/// its stage, routes, integrations and authorizers), with `Globals` merged in first, so the
/// rest of the importer reads SAM exactly as it reads what SAM generates. Logical ids of
/// generated resources are SAM's (`ServerlessRestApi`, `<Function><Event>`).
struct SAMTransform {
    /// The stack's resources; converted and generated ones are appended.
    var resources: [IaCResource]
    let prefix: String
    var generated: [IaCResource] = []
    var index: [String: Int] = [:]

    static let implicitRestAPI = "ServerlessRestApi"
    static let implicitHTTPAPI = "ServerlessHttpApi"

    /// Generated logical ids templates may name (`!Ref ServerlessRestApi`, `MyFunctionRole`).
    static func generatedIDs(of entries: [(logicalID: String, type: String, hasRole: Bool)]) -> Set<String> {
        var ids: Set<String> = []
        for entry in entries {
            switch entry.type {
            case "AWS::Serverless::Function", "AWS::Serverless::StateMachine":
                if !entry.hasRole { ids.insert(entry.logicalID + "Role") }
                ids.formUnion([implicitRestAPI, implicitHTTPAPI])
            default: break
            }
        }
        return ids
    }

    static func apply(_ resources: [IaCResource], globals: IaCValue?, prefix: String) -> [IaCResource] {
        guard resources.contains(where: { $0.type.hasPrefix("AWS::Serverless::") }) else { return resources }
        var transform = SAMTransform(resources: resources, prefix: prefix)
        transform.run(globals: globals)
        return transform.resources + transform.generated
    }

    mutating func run(globals: IaCValue?) {
        for (offset, resource) in resources.enumerated() { index[resource.key] = offset }
        let sections = ["AWS::Serverless::Function": "Function", "AWS::Serverless::Api": "Api", "AWS::Serverless::HttpApi": "HttpApi",
                        "AWS::Serverless::SimpleTable": "SimpleTable", "AWS::Serverless::StateMachine": "StateMachine"]
        for offset in resources.indices {
            if let section = sections[resources[offset].type], let defaults = globals?[section] {
                resources[offset].properties = Self.merge(resources[offset].properties, defaults: defaults)
            }
        }
        // APIs first, so events add routes to them.
        for offset in resources.indices where resources[offset].type == "AWS::Serverless::Api" { restAPI(offset) }
        for offset in resources.indices where resources[offset].type == "AWS::Serverless::HttpApi" { httpAPI(offset) }
        for offset in resources.indices {
            let resource = resources[offset]
            switch resource.type {
            case "AWS::Serverless::Function":
                resources[offset].type = "AWS::Lambda::Function"
                events(of: resource, target: .reference(IaCReference(key: resource.key, attribute: "Arn")))
            case "AWS::Serverless::StateMachine":
                resources[offset].type = "AWS::StepFunctions::StateMachine"
                if let name = resource["Name"] { resources[offset].properties["StateMachineName"] = name }
                events(of: resource, target: .reference(IaCReference(key: resource.key)))
            case "AWS::Serverless::SimpleTable":
                resources[offset].type = "AWS::DynamoDB::Table"
            case "AWS::Serverless::LayerVersion":
                resources[offset].type = "AWS::Lambda::LayerVersion"
            default: break
            }
        }
    }

    /// SAM's rule for `Globals`: the resource's own value wins; maps merge key by key; lists
    /// add up (the global entries first).
    static func merge(_ properties: [String: IaCValue], defaults: IaCValue) -> [String: IaCValue] {
        var result = properties
        for entry in defaults.entries {
            result[entry.key] = result[entry.key].map { merged($0, entry.value) } ?? entry.value
        }
        return result
    }

    static func merged(_ own: IaCValue, _ global: IaCValue) -> IaCValue {
        switch (own, global) {
        case (.map(let mine), .map(let theirs)):
            var entries = mine
            for entry in theirs {
                if let at = entries.firstIndex(where: { $0.key == entry.key }) {
                    entries[at].value = merged(entries[at].value, entry.value)
                } else {
                    entries.append(entry)
                }
            }
            return .map(entries)
        case (.list(let mine), .list(let theirs)):
            return .list(theirs + mine.filter { !theirs.contains($0) })
        default:
            return own
        }
    }

    // MARK: - Generated resources

    mutating func add(_ logicalID: String, _ type: String, _ properties: [String: IaCValue], from source: IaCResource, what: String) {
        let key = prefix + logicalID
        guard index[key] == nil, !generated.contains(where: { $0.key == key }) else { return }
        generated.append(IaCResource(
            key: key, logicalID: logicalID, type: type, properties: properties, location: source.location, idHint: logicalID,
            sourceType: "\(type) (SAM \(what))"))
    }

    mutating func update(_ key: String, _ change: (inout IaCResource) -> Void) {
        if let offset = index[key] {
            change(&resources[offset])
        } else if let offset = generated.firstIndex(where: { $0.key == key }) {
            change(&generated[offset])
        }
    }

    func resource(_ key: String) -> IaCResource? {
        index[key].map { resources[$0] } ?? generated.first { $0.key == key }
    }
}
