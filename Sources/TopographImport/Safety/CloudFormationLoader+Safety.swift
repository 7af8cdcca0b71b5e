import Foundation
import TopographModel
import TopographInput
import Yams

/// The loader's side of `ResolutionGuard` and `ReadContainment`: which nested templates may
/// be opened, and stacks that share logical ids.
extension CloudFormationLoader {
    /// The real path of a nested stack's template when it may be opened: inside the project,
    /// a regular file, not already open above (a stack that includes itself), not too deep,
    /// not one stack too many. Otherwise nil, with the failure kept for `load` to throw.
    func admitNested(_ file: String, entry: CloudFormationStack.Entry, of stack: CloudFormationStack) -> String? {
        let properties = entry.body.field("Properties")
        let pointer = properties?.field("TemplateURL") ?? entry.body.field("Metadata")?.field("aws:asset:path")
        let at = pointer.map { location($0, stack.file) } ?? entry.location
        let written = pointer?.scalar?.string ?? file
        guard let real = containment.resolve(file, inside: stack.readRoot) else {
            bounds.fail(.outsideProject, "nested stack '\(entry.logicalID)': \(written) resolves outside the project (\(stack.readRoot))", at: at,
                        help: "keep nested templates inside the repository, or pass --allow-outside FOLDER to trust the folder that holds them")
            return nil
        }
        guard FileKind.of(real) == .regular else {
            bounds.fail(.notARegularFile, "nested stack '\(entry.logicalID)': \(written) is not a regular file", at: at, help: "point TemplateURL at a template file")
            return nil
        }
        guard !stack.chain.contains(real) else {
            bounds.fail(.nestedStackCycle, "nested stack '\(entry.logicalID)' includes \(written), which is already open above it: the stack includes itself", at: at,
                        help: "a nested stack must name another template; CloudFormation would recurse forever")
            return nil
        }
        guard stack.depth < bounds.limits.maxNestingDepth else {
            bounds.fail(.nestedTooDeep, "nested stack '\(entry.logicalID)': stacks nest more than \(bounds.limits.maxNestingDepth) levels deep here", at: at,
                        help: "CloudFormation's nested stacks rarely go past 3 levels; check for templates that include each other")
            return nil
        }
        return bounds.openStack(at: at) ? real : nil
    }

    /// A stack given after another that uses some of its logical ids (the Dev and Prod stacks
    /// of one `cdk.out`, two copies of one template): its resources are keyed and named by its
    /// stack name (`Prod/Queue`, topology id `prod-queue`), one not yet taken, and a warning
    /// says so.
    func disambiguate(_ stack: CloudFormationStack, taken keys: Set<String>) {
        let base = stack.stackName.isEmpty ? "stack" : stack.stackName
        var name = base
        var counter = 2
        while !keys.isDisjoint(with: stack.logicalIDs.map { name + "/" + $0 }) {
            name = "\(base)-\(counter)"
            counter += 1
        }
        stack.prefix = name + "/"
        stack.idPrefix = name
        let shared = stack.entries.filter { keys.contains($0.logicalID) }
        guard let first = shared.first else { return }
        let sample = shared.prefix(3).map(\.logicalID).joined(separator: ", ") + (shared.count > 3 ? ", ..." : "")
        let others = stacks.filter { !$0.logicalIDs.isDisjoint(with: shared.map(\.logicalID)) }.map(\.stackName)
        warnings.warning(
            .duplicateLogicalID,
            "stack \(stack.stackName) uses \(shared.count) logical id\(shared.count == 1 ? "" : "s") (\(sample)) of \(others.isEmpty ? "another stack" : others.joined(separator: ", ")); its resources are imported as \(stack.prefix)\(first.logicalID), ...",
            at: first.location, help: "import the stacks one at a time for ids without the stack name")
    }

    /// Text a function built, charged to the template; `unknown` past a limit.
    func charged(_ value: IaCValue, at node: Node, in stack: CloudFormationStack) -> IaCValue {
        guard case .text(let text, _) = value.textCarrier else { return value }
        return bounds.charge(text.utf8.count, template: stack.file, at: location(node, stack.file)) ? value : .unknown("too large")
    }
}

extension IaCValue {
    /// Itself as `.text` when it is text of either kind (literal or assembled).
    var textCarrier: IaCValue {
        switch self {
        case .string(let text): .text(text, references: [])
        case .text: self
        default: .null
        }
    }
}
