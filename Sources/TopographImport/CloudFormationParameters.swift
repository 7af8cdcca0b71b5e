import Foundation
import TopographModel
import Yams

/// Parameters and stack identity: a parameter's value is what the parent stack passes,
/// else `--parameter KEY=VALUE`, else its `Default`, else a `<Name>` placeholder; list types
/// (`CommaDelimitedList`, `List<...>`) are lists. The stack name (`${AWS::StackName}`, and
/// so every export built from it) is `--stack-name`, else the template's file stem; drift
/// renders an unnamed stack's name as a placeholder, so renaming the file is no drift.
extension CloudFormationLoader {
    /// Resources that are a nested stack: CloudFormation's, and a SAM application.
    static let nestedStackTypes: Set<String> = ["AWS::CloudFormation::Stack", "AWS::Serverless::Application"]

    /// The stack name of a top-level template.
    func stackName(for path: String, assembly: String?) -> String {
        if let named = stackNames[path] ?? stackNames[""] { return named }
        if let assembly { return assembly }
        return unnamedStackIsPlaceholder ? placeholders.make(Self.stackNamePlaceholderName) : Self.fileStem(path)
    }

    static let stackNamePlaceholderName = "AWS::StackName"

    /// `infra/shop.template.yaml` -> `shop.template`; `stack.json` -> `stack`.
    static func fileStem(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    func bindParameters(of stack: CloudFormationStack, bindings: [String: IaCValue]) {
        for (key, value) in stack.root.field("Parameters")?.fields ?? [] {
            guard let name = key.scalar?.string else { continue }
            let type = value.field("Type")?.scalar?.string
            if let bound = bindings[name] {
                stack.parameters[name] = Self.typed(bound, type: type)
            } else if stack.depth == 0, let given = parameterOverrides[name] {
                usedOverrides.insert(name)
                stack.parameters[name] = Self.typed(.string(given), type: type)
            } else if let fallback = value.field("Default") {
                stack.parameters[name] = Self.typed(resolve(fallback, in: stack), type: type)
            } else {
                stack.parameters[name] = .text(placeholders.make(name), references: [])
            }
        }
    }

    /// A list-typed parameter given as text (`a,b,c`) is the list CloudFormation passes.
    static func typed(_ value: IaCValue, type: String?) -> IaCValue {
        guard let type, type == "CommaDelimitedList" || type.hasPrefix("List<"), case .string(let text) = value else { return value }
        return .list(text.split(separator: ",", omittingEmptySubsequences: false).map { .string($0.trimmingCharacters(in: .whitespaces)) })
    }

    /// `--parameter` names no template declares are most likely misspelt.
    func warnUnusedOverrides() {
        for name in parameterOverrides.keys.sorted() where !usedOverrides.contains(name) {
            warnings.warning(.unresolvedRef, "--parameter \(name): no template given declares a parameter of that name", at: nil, help: "check the spelling against the template's `Parameters:`")
        }
    }

    /// `dir` + `../x/y.yaml`, with `..` folded into the directory as written, so a nested
    /// template's path reads as the user would write it (`stacks/../shared/dlq.yaml` -> `shared/dlq.yaml`).
    static func join(_ directory: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        var parts = directory.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts == ["."] || parts == [""] && !directory.hasPrefix("/") { parts = [] }
        for part in relative.split(separator: "/").map(String.init) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != "..", last != "", last != "." { parts.removeLast() } else { parts.append("..") }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
