import TopographModel
import Yams

/// CloudFormation's `Conditions`, evaluated with the parameters' values (`--parameter`,
/// else the `Default`): a resource whose `Condition` is false is not deployed, so it is not
/// imported, and `!If` takes the branch its condition picks. A condition that depends on
/// a value no template says (a parameter without a default) stays unknown: the resource is
/// imported and `!If` is unknown unless both branches agree.
extension CloudFormationLoader {
    /// The value of the condition named `name` in `stack`, or nil when unknown.
    func condition(named name: String, in stack: CloudFormationStack) -> Bool? {
        if let cached = stack.conditions[name] { return cached }
        guard !stack.evaluating.contains(name), let node = stack.root.field("Conditions")?.field(name) else { return nil }
        stack.evaluating.insert(name)
        defer { stack.evaluating.remove(name) }
        let value = evaluate(node, in: stack)
        stack.conditions.updateValue(value, forKey: name)
        return value
    }

    /// `!Equals`, `!Not`, `!And`, `!Or` and `!Condition`, in short or long form.
    func evaluate(_ node: Node, in stack: CloudFormationStack) -> Bool? {
        guard let call = Self.function(node) else { return resolve(node, in: stack).bool }
        let (name, argument) = call
        let items = argument.sequence.map(Array.init) ?? []
        switch name {
        case "Fn::Equals":
            guard items.count == 2, let left = resolve(items[0], in: stack).literal, let right = resolve(items[1], in: stack).literal else { return nil }
            return left == right
        case "Fn::Not":
            guard items.count == 1 else { return nil }
            return evaluate(items[0], in: stack).map { !$0 }
        case "Fn::And":
            let values = items.map { evaluate($0, in: stack) }
            if values.contains(false) { return false }
            return values.contains(nil) ? nil : true
        case "Fn::Or":
            let values = items.map { evaluate($0, in: stack) }
            if values.contains(true) { return true }
            return values.contains(nil) ? nil : false
        case "Condition":
            return argument.scalar.flatMap { condition(named: $0.string, in: stack) }
        default:
            return nil
        }
    }

    /// A resource is deployed unless its `Condition` is known to be false.
    func isDeployed(_ entry: CloudFormationStack.Entry, in stack: CloudFormationStack) -> Bool {
        guard let name = entry.body.field("Condition")?.scalar?.string else { return true }
        return condition(named: name, in: stack) != false
    }

    /// The function a node calls: a short-form tag (`!Equals`) or a one-key mapping (`Fn::Equals`).
    static func function(_ node: Node) -> (String, Node)? {
        let tag = node.tag.rawValue
        if tag.hasPrefix("!"), !tag.hasPrefix("!!"), tag.count > 1 {
            let name = String(tag.dropFirst())
            var argument = node
            switch argument {
            case .scalar(var scalar): scalar.tag = .implicit; argument = .scalar(scalar)
            case .sequence(var sequence): sequence.tag = .implicit; argument = .sequence(sequence)
            case .mapping(var mapping): mapping.tag = .implicit; argument = .mapping(mapping)
            case .alias: break
            }
            return (name == "Ref" || name == "Condition" ? name : "Fn::" + name, argument)
        }
        if case .mapping(let mapping) = node, mapping.count == 1, let first = mapping.first, let name = first.key.scalar?.string,
           name == "Condition" || name.hasPrefix("Fn::") {
            return (name, first.value)
        }
        return nil
    }
}
