import TopographModel
import Yams

/// A module input or output is followed once per instance being translated (memoised), and
/// one that leads back to itself (an output feeding the input it comes from) is refused as
/// a cycle instead of followed again: a 626-byte plan with such a loop ran for minutes.
extension TerraformPlanReader {
    func followModule(_ reference: String, in module: String, at node: Node?, _ body: () -> [String]) -> [String] {
        let key = module + "\u{0}" + reference + "\u{0}" + (currentIndex ?? "")
        if let known = moduleMemo[key] { return known }
        let location = SourceLocation(file: currentPath, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
        let found = bounds.visiting(
            key, "module reference \(module)\(reference)", at: location, code: .moduleCycle,
            help: "Terraform refuses modules whose outputs feed their own inputs; check the plan was made by `terraform show -json`",
            otherwise: [String]()) { body() }
        guard !bounds.stopped else { return [] }
        moduleMemo[key] = found
        return found
    }
}
