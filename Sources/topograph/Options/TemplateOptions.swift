import ArgumentParser
import TopographCore

/// What a CloudFormation template leaves to the deployment, as `import` and `drift` take it:
/// parameter values (which also decide its `Conditions`), the stack name, and the folders
/// besides the project its nested templates may be read from.
struct TemplateOptions: ParsableArguments {
    @Option(name: .customLong("parameter"), help: ArgumentHelp("A template parameter's value, overriding its Default and deciding the Conditions that depend on it (repeatable).", valueName: "key=value"))
    var parameters: [String] = []

    @Option(help: ArgumentHelp("The stack name for ${AWS::StackName} and the exports built from it; NAME for every template, or TEMPLATE=NAME (repeatable). Default: the template's file stem (import), a placeholder (drift, so a renamed file is no drift).", valueName: "name"))
    var stackName: [String] = []

    @Option(name: .customLong("allow-outside"), help: ArgumentHelp("Also read nested templates and assembly entries from this folder (by default only inside the git repository holding the template, else the working directory; repeatable).", valueName: "path"))
    var allowOutside: [String] = []

    func parameterValues() throws -> [String: String] {
        var values: [String: String] = [:]
        for pair in parameters {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw TopographFailure.input("--parameter '\(pair)' is not KEY=VALUE")
            }
            values[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return values
    }

    /// Template path -> stack name; `""` names every template.
    func stackNames() throws -> [String: String] {
        var names: [String: String] = [:]
        for entry in stackName {
            if let equals = entry.lastIndex(of: "=") {
                names[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
            } else {
                names[""] = entry
            }
        }
        for name in names.values where name.range(of: "^[A-Za-z][A-Za-z0-9-]{0,127}$", options: .regularExpression) == nil {
            throw TopographFailure.input("--stack-name '\(name)' is not a stack name CloudFormation accepts (a letter, then letters, digits and hyphens, at most 128)")
        }
        return names
    }
}
