import Foundation
import TopographCore

/// The AWS icons this machine has when `--icons` names no folder: `TOPOGRAPH_ICONS`, else
/// the `resources/` folder of the pinned PyPI `diagrams` package `scripts/setup.sh`
/// installs. Where a machine keeps them (an environment variable, a virtualenv beside the
/// binary's checkout) is the application's knowledge, so it lives here and the diagram
/// layer draws from the folder it is given.
enum InstalledIcons {
    /// The folder to draw from, nil when the machine has none (shapes are drawn).
    static func folder() -> String? {
        if let configured = ProcessInfo.processInfo.environment["TOPOGRAPH_ICONS"], !configured.isEmpty {
            return configured
        }
        return diagramsResources()
    }

    /// The `resources/` folder of PyPI's `diagrams`, in the virtualenv the set-up makes
    /// (beside the binary's checkout or the working directory) or a system site-packages.
    private static func diagramsResources() -> String? {
        var bases: [String] = []
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            bases.append(directory.appendingPathComponent(".venv/lib").path)
            directory.deleteLastPathComponent()
        }
        bases.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".venv/lib").path)
        bases += ["/usr/local/lib", "/usr/lib", (NSHomeDirectory() as NSString).appendingPathComponent(".local/lib")]
        for base in bases {
            guard let pythons = try? FileManager.default.contentsOfDirectory(atPath: base) else { continue }
            for python in pythons.sorted().reversed() where python.hasPrefix("python3") {
                for packages in ["site-packages", "dist-packages"] {
                    let resources = [base, python, packages, "resources"].joined(separator: "/")
                    if FileManager.default.fileExists(atPath: resources + "/aws/compute/ec2.png") { return resources }
                }
            }
        }
        return nil
    }
}
