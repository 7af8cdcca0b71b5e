/// Did-you-mean suggestions: the closest candidate by edit distance, if it is close enough
/// to be a plausible typo rather than a different word.
package enum Suggestions {
    package static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        // One edit per three characters, at least one, at most three: `albb` -> `alb`,
        // but `s3` never "suggests" `rds`.
        let allowed = min(3, max(1, target.count / 3))
        var best: (String, Int)?
        for candidate in candidates {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            // A length gap over the allowance is already too far: skipping it keeps a hostile
            // 200 KB value (YAML aliases) from costing seconds of edit distance per candidate.
            guard abs(scalars.count - target.count) <= allowed else { continue }
            let distance = editDistance(target, scalars)
            if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        guard let (candidate, distance) = best else { return nil }
        return distance <= allowed ? candidate : nil
    }

    /// "; did you mean `x`?" or nothing, ready to append to a help text.
    package static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Damerau-Levenshtein (optimal string alignment): a swapped pair counts as one typo.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            previousPrevious = previous
            previous = current
        }
        return previous[b.count]
    }
}
