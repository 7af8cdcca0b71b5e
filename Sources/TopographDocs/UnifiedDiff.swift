import TopographModel
import TopographInput
import TopographDiagram
import TopographLint
import TopographRunbooks
import TopographDiff

/// A unified diff (`diff -u` style, 3 lines of context) of two texts, from the standard
/// library's `CollectionDifference` (Myers' algorithm), for `topograph check`.
package enum UnifiedDiff {
    package static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = b.difference(from: a)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both sides together, producing (kind, text, oldIndex, newIndex) rows.
        enum Kind { case same, removed, added }
        var rows: [(Kind, String, Int, Int)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                rows.append((.removed, a[i], i, j))
                i += 1
            } else if j < b.count, inserted.contains(j) {
                rows.append((.added, b[j], i, j))
                j += 1
            } else {
                if i < a.count, j < b.count { rows.append((.same, a[i], i, j)) }
                i += 1
                j += 1
            }
        }
        let changed = rows.indices.filter { rows[$0].0 != .same }
        guard !changed.isEmpty else { return "" }
        var output = ["--- \(oldName)", "+++ \(newName)"]
        var start = 0
        while start < changed.count {
            var end = start
            while end + 1 < changed.count, changed[end + 1] - changed[end] <= 2 * context + 1 { end += 1 }
            let lower = max(0, changed[start] - context)
            let upper = min(rows.count - 1, changed[end] + context)
            let hunk = rows[lower...upper]
            let oldCount = hunk.filter { $0.0 != .added }.count
            let newCount = hunk.filter { $0.0 != .removed }.count
            let oldStart = (hunk.first { $0.0 != .added }?.2 ?? rows[lower].2) + (oldCount == 0 ? 0 : 1)
            let newStart = (hunk.first { $0.0 != .removed }?.3 ?? rows[lower].3) + (newCount == 0 ? 0 : 1)
            output.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
            for row in hunk {
                switch row.0 {
                case .same: output.append(" " + row.1)
                case .removed: output.append("-" + row.1)
                case .added: output.append("+" + row.1)
                }
            }
            start = end + 1
        }
        return output.joined(separator: "\n") + "\n"
    }
}
