/// Every input diagnostic Topograph reports, by the stable slug that tools and tests match on.
/// The slug is part of the CLI's contract (`[code]` in text, `code` in JSON): a case may be
/// added, never renamed. `Docs/diagnostics.md` is generated from this list
/// (`topograph diagnostics --markdown`) and a test keeps it fresh.
package enum DiagnosticCode: String, CaseIterable, Sendable, Hashable, Comparable, CustomStringConvertible {
    package var description: String { rawValue }

    // Reading the file
    case unreadableFile = "unreadable-file"
    case unreadableRevision = "unreadable-revision"
    case emptyFile = "empty-file"
    case invalidEncoding = "invalid-encoding"
    case inputTooLarge = "input-too-large"
    case inputTooDeep = "input-too-deep"
    case tooManyResources = "too-many-resources"
    // YAML and document structure
    case yamlSyntax = "yaml-syntax"
    case duplicateKey = "duplicate-key"
    case complexKey = "complex-key"
    case invalidMerge = "invalid-merge"
    case notAMapping = "not-a-mapping"
    case notAList = "not-a-list"
    case invalidType = "invalid-type"
    case missingKey = "missing-key"
    case unknownKey = "unknown-key"
    case invalidKey = "invalid-key"
    case unsupportedVersion = "unsupported-version"
    case invalidName = "invalid-name"
    case invalidID = "invalid-id"
    case missingKind = "missing-kind"
    case invalidConnection = "invalid-connection"
    case unknownOutput = "unknown-output"
    // Stages
    case invalidStageName = "invalid-stage-name"
    case duplicateStage = "duplicate-stage"
    case unknownStageTarget = "unknown-stage-target"
    case duplicateID = "duplicate-id"
    // Validation against the kind catalog
    case unknownKind = "unknown-kind"
    case unknownAttribute = "unknown-attribute"
    case missingAttribute = "missing-attribute"
    case unknownReference = "unknown-reference"
    case wrongReferenceKind = "wrong-reference-kind"
    case unknownParent = "unknown-parent"
    case invalidContainment = "invalid-containment"
    case containmentCycle = "containment-cycle"
    case duplicateContainer = "duplicate-container"
    case unknownEndpoint = "unknown-endpoint"
    case duplicateConnection = "duplicate-connection"

    package static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// What the code means and the usual way out, for `Docs/diagnostics.md`.
    package var explanation: String {
        switch self {
        case .unreadableFile: "The file (or `-`, standard input) cannot be opened or read. Check the path and its permissions."
        case .unreadableRevision: "`REV:path` could not be read from git: the revision or the path does not exist there, or the folder is not a git work tree."
        case .emptyFile: "The file holds nothing. Start from `topograph: 1` and a `resources:` mapping."
        case .invalidEncoding: "The file is not UTF-8. Save it as UTF-8."
        case .inputTooLarge: "The file, or what its aliases expand to, is over the input limits in `format.md`. Split the file or drop alias chains."
        case .inputTooDeep: "Values nest deeper than the limit. Topologies are flat mappings; flatten the value."
        case .tooManyResources: "More resources than the limit. Split the architecture into several files."
        case .yamlSyntax: "The text is not valid YAML; the position is libyaml's. The help line names the usual cause (a tab, an unclosed quote or bracket)."
        case .duplicateKey: "A mapping has the same key twice; YAML keeps only one. Remove or rename one; the message names the first."
        case .complexKey: "A `? key` (complex mapping key). Topologies use plain string keys."
        case .invalidMerge: "A YAML merge key `<<` names something other than a mapping or a list of mappings. Anchor a mapping (`base: &base { kind: ecs-service }`) and merge it with `<<: *base`."
        case .notAMapping: "A value that must be a mapping (`key: value` lines or `{ ... }`) is a list or a scalar."
        case .notAList: "A value that must be a list (`- item` lines or `[ ... ]`) is a mapping or a scalar."
        case .invalidType: "A scalar has the wrong type for its field (text, number, boolean). Quote text that YAML would read as another type."
        case .missingKey: "A required top-level or stage key is missing (`topograph`, `resources`, a stage's `name`)."
        case .unknownKey: "A key the format does not define; the help line suggests the closest one."
        case .invalidKey: "An attribute name is not a plain string."
        case .unsupportedVersion: "`topograph:` names a format version this Topograph does not read. Version 1 is the only one."
        case .invalidName: "The topology's `name` must be a lowercase slug (letters, digits, `-`); it names generated files."
        case .invalidID: "A resource id is not a plain string of letters, digits, `-` and `_`."
        case .missingKind: "A resource has no `kind`. Add one (`topograph kinds` lists them)."
        case .invalidConnection: "A connection is not `from -> to`, optionally with a label (`from -> to: label`)."
        case .unknownOutput: "`outputs:` in topograph.yml names an emitter that does not exist."
        case .invalidStageName: "A stage name may hold letters, digits, `.`, `_` and `-` only; it names generated files."
        case .duplicateStage: "Two stages share a name."
        case .unknownStageTarget: "A stage removes or changes a resource that does not exist in that stage."
        case .duplicateID: "A stage adds a resource whose id already exists in that stage. Use `change:` to edit it."
        case .unknownKind: "`kind` is not in the catalog; the help line suggests the closest kind."
        case .unknownAttribute: "The kind has no such attribute; the help line suggests the closest one. `topograph kinds KIND` lists them."
        case .missingAttribute: "The kind requires this attribute."
        case .unknownReference: "An attribute that names another resource (`subnets`, `target`, `authorizer`, ...) names one that does not exist."
        case .wrongReferenceKind: "An attribute that names another resource names one of the wrong kind."
        case .unknownParent: "`in:` names a resource that does not exist."
        case .invalidContainment: "`in:` names a resource whose kind cannot contain this one (a subnet in an ECS service, say)."
        case .containmentCycle: "`in:` chains lead back to the resource itself."
        case .duplicateContainer: "A service lists the same container name twice."
        case .unknownEndpoint: "A connection names a resource that does not exist (in that stage)."
        case .duplicateConnection: "The same connection is written twice."
        }
    }
}
