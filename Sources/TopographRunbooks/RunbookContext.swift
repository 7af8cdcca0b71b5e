import TopographModel
import TopographDiff

/// What a runbook template sees: plain dictionaries and arrays of strings, numbers and
/// booleans (Mustache renders them directly). Built by `RunbookBuilder` from a stage, so
/// templates never compute anything: every name in a command is the topology's own.
package typealias RunbookContext = [String: Any]
