import ArgumentParser
import Foundation
import TopographCore

/// The help of `--icons`/`--no-icons` and the note when no icons are installed, in a
/// command's words: see `StageWording` for why the words are a type.
protocol IconWording {
    static var icons: String { get }
    static var noIcons: String { get }
    /// What the command does without icons, after "no AWS icons found (...); ".
    static var withoutIcons: String { get }
}

/// `--icons DIR` and `--no-icons`: where the Graphviz diagrams' AWS icons come from.
struct IconOptions<Wording: IconWording>: ParsableArguments {
    @Option(help: ArgumentHelp(Wording.icons, valueName: "dir"))
    var icons: String?

    @Flag(help: ArgumentHelp(Wording.noIcons))
    var noIcons = false

    /// The source, after checking that `--icons` names a folder; without `--icons`, the
    /// machine's installed icons (`InstalledIcons`), the same for every command so that
    /// `generate` and `check` agree on the tree. When there are none and `needed` (a
    /// Graphviz drawing will be made), a note says the drawings use shapes and how to
    /// install the icons.
    func checkedSource(needed: Bool) throws -> IconSource {
        if let icons {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: icons, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw TopographFailure.input("--icons \(icons): not a directory")
            }
        }
        if noIcons { return .none }
        if let icons { return .directory(icons) }
        let installed = InstalledIcons.folder().map(IconSource.directory) ?? .none
        if needed, !PhaseTiming.measure("icons", { installed.hasIcons }) {
            DiagnosticPrinter.standardError.printNote("no AWS icons found (TOPOGRAPH_ICONS unset, PyPI diagrams not installed: scripts/setup.sh installs it); \(Wording.withoutIcons)")
        }
        return installed
    }
}
