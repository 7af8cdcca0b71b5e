import Foundation
import Yams
import TopographModel

/// A large file composed and read in pieces, one per core (see `DocumentSplitter`). The
/// result is the document the file reads to in one piece, or nil whenever it might not be:
/// any piece Yams refuses, any problem a reader reports, a resource id in two pieces, or
/// budgets that only the pieces together exceed. The caller then reads the file in one
/// piece, so every error and its position are exactly what one piece reports.
extension TopologyParser {
    /// What a reader of one piece found, with the budgets it spent.
    private struct PieceReading: Sendable {
        var document: TopologyDocument?
        var resources: [Resource] = []
        var connections: [Connection] = []
        var visitedNodes = 0
        var producedBytes = 0
        var resourceCount = 0
    }

    func readInPieces(_ text: String, file: String, pieces count: Int) -> TopologyDocument? {
        guard let pieces = DocumentSplitter.pieces(of: text, count: count) else { return nil }
        let sourceBytes = text.utf8.count
        let readings = Locked([PieceReading?](repeating: nil, count: pieces.count))
        DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
            // The piece's tree is built, read and freed on this thread.
            guard let root = try? Yams.compose(yaml: pieces[index], Self.resolver) else { return }
            var reader = DocumentReader(file: file, limits: limits, sourceBytes: sourceBytes)
            var reading = PieceReading()
            if index == 0 {
                reading.document = reader.read(root)
            } else if let bulk = reader.readBulk(root) {
                (reading.resources, reading.connections) = bulk
            }
            guard !reader.bag.hasErrors, index > 0 || reading.document != nil else { return }
            reading.visitedNodes = reader.visitedNodes
            reading.producedBytes = reader.producedBytes
            reading.resourceCount = reader.resourceCount
            readings.withLock { $0[index] = reading }
        }
        let all = readings.withLock { $0 }.compactMap { $0 }
        guard all.count == pieces.count, var document = all[0].document else { return nil }

        let budget = DocumentReader(file: file, limits: limits, sourceBytes: sourceBytes)
        guard all.map(\.visitedNodes).reduce(0, +) <= budget.maxVisitedNodes,
              all.map(\.producedBytes).reduce(0, +) <= budget.maxProducedBytes,
              all.map(\.resourceCount).reduce(0, +) <= limits.maxResources else { return nil }
        var ids = Set(document.resources.map(\.id))
        for reading in all.dropFirst() {
            for resource in reading.resources where !ids.insert(resource.id).inserted { return nil }
            document.resources += reading.resources
            document.connections += reading.connections
        }
        return document
    }
}

extension DocumentReader {
    /// The bulk sections of a piece other than the first: nothing else is in it.
    mutating func readBulk(_ root: Node) -> (resources: [Resource], connections: [Connection])? {
        guard case .mapping(let mapping) = root else { return nil }
        var resources: [Resource] = []
        var connections: [Connection] = []
        for (key, value) in mapping {
            switch key.string {
            case "resources": resources = readResources(value, context: "resources")
            case "connections": connections = readConnections(value)
            default: return nil
            }
        }
        return (resources, connections)
    }
}
