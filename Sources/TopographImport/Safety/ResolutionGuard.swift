import TopographModel
import TopographInput

/// Keeps resolving a template bounded: the depth of nested functions, the text they build
/// (per value and per template), and cycles (a `!FindInMap` that reaches itself, a
/// condition naming itself, a module output feeding its own input) detected instead of
/// recursed. The resolver asks before each step; the first limit crossed is kept as an
/// error at the template's position, every later step returns at once, and the loader
/// throws it when it finishes (exit 2), so a hostile template costs milliseconds.
///
/// A class: the loader's recursive resolution and the lazily opened nested stacks share one.
package final class ResolutionGuard {
    package let limits: ImportLimits
    /// The first limit crossed.
    package private(set) var failure: Diagnostic?
    private var depth = 0
    private var active: Set<String> = []
    private var templateBytes: [String: Int] = [:]
    private var stacksOpened = 0

    package init(limits: ImportLimits = .default) {
        self.limits = limits
    }

    package var stopped: Bool { failure != nil }

    package func fail(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?, help: String) {
        guard failure == nil else { return }
        failure = Diagnostic(.error, code: code, message, at: location, help: help)
    }

    /// Throws the first limit crossed, if any.
    package func check() throws {
        if let failure { throw TopologyInputError([failure]) }
    }

    /// One more nested function; false (and the failure kept) past the limit.
    package func enter(_ function: String, at location: SourceLocation) -> Bool {
        guard !stopped else { return false }
        depth += 1
        guard depth <= limits.maxFunctionDepth else {
            depth -= 1
            fail(.functionsTooDeep, "\(function): functions nest more than \(limits.maxFunctionDepth) deep here", at: location,
                 help: "real templates nest a handful of functions; look for a `!FindInMap` or `!Sub` chain that builds on itself")
            return false
        }
        return true
    }

    package func leave() { depth = max(0, depth - 1) }

    /// Runs `body` unless `key` is already being resolved (a cycle: kept as the failure).
    package func visiting<T>(
        _ key: String, _ what: String, at location: SourceLocation, code: DiagnosticCode = .referenceCycle,
        help: String = "CloudFormation refuses a template whose values refer to themselves; break the cycle",
        otherwise fallback: T, _ body: () -> T
    ) -> T {
        guard !stopped else { return fallback }
        guard active.insert(key).inserted else {
            fail(code, "\(what) reaches itself again while it is resolved", at: location, help: help)
            return fallback
        }
        defer { active.remove(key) }
        return body()
    }

    /// Charges the text a function built to its template; false past either limit.
    package func charge(_ bytes: Int, template: String, at location: SourceLocation) -> Bool {
        guard !stopped else { return false }
        guard bytes <= limits.maxValueBytes else {
            fail(.valueTooLarge, "a function here builds \(bytes) bytes of text; one value is limited to \(limits.maxValueBytes)", at: location,
                 help: "CloudFormation accepts no template over 1 MB; look for values that double at every level")
            return false
        }
        let total = templateBytes[template, default: 0] + bytes
        templateBytes[template] = total
        guard total <= limits.maxTemplateBytes else {
            fail(.templateTooLarge, "the template's functions build more than \(limits.maxTemplateBytes) bytes of text in all", at: location,
                 help: "look for a large value reused and doubled many times")
            return false
        }
        return true
    }

    /// One more stack opened; false past the limit.
    package func openStack(at location: SourceLocation?) -> Bool {
        guard !stopped else { return false }
        stacksOpened += 1
        guard stacksOpened <= limits.maxStacks else {
            fail(.tooManyStacks, "more than \(limits.maxStacks) stacks (nested ones included) in one import", at: location,
                 help: "import the parts separately")
            return false
        }
        return true
    }
}
