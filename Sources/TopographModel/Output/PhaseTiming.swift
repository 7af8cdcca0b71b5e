import Foundation

/// Wall time of the phases of one run, on standard error, when `TOPOGRAPH_TIMING` is set
/// (any value): `timing: graphviz layout 412.3 ms`. For profiling large inputs
/// (`scripts/bench`); off, it costs one environment lookup per process.
package enum PhaseTiming {
    package static let enabled = ProcessInfo.processInfo.environment["TOPOGRAPH_TIMING"].map { !$0.isEmpty } ?? false

    package static func measure<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        guard enabled else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            StandardStream.error("timing: \(phase) \(String(format: "%.1f", milliseconds)) ms\n")
        }
        return try body()
    }
}
