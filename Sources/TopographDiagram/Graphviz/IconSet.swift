import Foundation
import TopographModel

/// Where Graphviz diagrams take their icons from. Finding a folder on this machine when
/// the user names none (an environment variable, a Python package beside the binary) is
/// the application's job, not the diagram layer's: the CLI's `InstalledIcons` does it and
/// passes the folder it found.
package enum IconSource: Sendable, Hashable {
    /// Today's coloured shapes.
    case none
    /// A folder: `<kind>.svg`/`.png` of your own, AWS's Asset Package as downloaded
    /// (searched recursively, names mapped through `KindIcons`), or `diagrams`' `resources/`.
    case directory(String)

    /// Whether the folder holds an icon for any kind or frame (else shapes are drawn).
    package var hasIcons: Bool { !IconSet(source: self).isEmpty }
}

/// The icon files a diagram uses, by kind (`kind:<id>`) and frame (`group:<name>`), each
/// a copy `PreparedIcons` made ready for Graphviz. Looked up once per source and process.
struct IconSet {
    private(set) var files: [String: String] = [:]
    /// The file each prepared (downscaled) icon was made from: fingerprints hash these,
    /// whose bytes are pinned by the icon package, not the copies another cairo may encode
    /// differently.
    var originals: [String: String] { PreparedIcons.madeFrom }
    /// The folder the icons came from, nil when there are none.
    private(set) var origin: String?

    private init() {}

    init(source: IconSource) {
        if let known = Self.cache.withLock({ $0[source] }) {
            self = known
        } else {
            // Loaded outside the lock: two threads may both load, and either result is the same.
            self = Self.load(source)
            Self.cache.withLock { [self] in $0[source] = self }
        }
    }

    init(directory: String?) {
        self.init(source: directory.map(IconSource.directory) ?? .none)
    }

    func path(for kind: String) -> String? { files["kind:" + kind] }

    /// A node's icon: the service icon a `generic` resource names, else its kind's.
    func path(for node: DiagramNode) -> String? {
        if let name = node.icon, let path = serviceIcon(name) { return path }
        return path(for: node.kind)
    }

    /// The icon `icon:` names, found in this set's folder and prepared like the kinds'
    /// (looked up when first drawn: the set holds hundreds of services).
    func serviceIcon(_ name: String) -> String? {
        guard let origin, let icon = ServiceIcons.icon(name) else { return nil }
        let key = origin + "\u{0}" + name.lowercased()
        if let known = Self.serviceIcons.withLock({ $0[key] }) { return known }
        let made = Self.resolve(nil, icon, root: origin, index: index).map(PreparedIcons.prepared)
        Self.serviceIcons.withLock { $0[key] = made }
        return made
    }

    private var index = AssetIndex()

    func group(_ name: String) -> String? { files["group:" + name] }

    var all: [String] { Array(Set(files.values)).sorted() }

    /// The icons a laid-out diagram shows (what its SVG embeds and its fingerprint covers),
    /// in the order of the files they were made from: a prepared copy's name hashes the
    /// original's modification time, so ordering by it would number the SVG's symbols
    /// differently on every machine.
    func used(by diagram: Diagram) -> [String] {
        var paths: Set<String> = []
        for node in diagram.allNodes { if let path = path(for: node) { paths.insert(path) } }
        for container in diagram.allContainers {
            if let path = GraphvizRenderer.groupIcon(container, icons: self) { paths.insert(path) }
        }
        let sources = originals  // one copy of the registry, not one per comparison
        return paths.sorted { (sources[$0] ?? $0, $0) < (sources[$1] ?? $1, $1) }
    }

    var isEmpty: Bool { files.isEmpty }

    private static func load(_ source: IconSource) -> IconSet {
        var set = IconSet()
        guard case .directory(let folder) = source else { return set }
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        // diagrams' resources/ holds thousands of other vendors' icons: its files are
        // found by path, so only other folders are walked for Asset Package names.
        let isDiagrams = ["aws/compute/ec2.png", "compute/ec2.png", "resources/aws/compute/ec2.png"].contains {
            FileManager.default.fileExists(atPath: (root as NSString).appendingPathComponent($0))
        }
        let index = isDiagrams ? AssetIndex() : AssetIndex(root: root)
        set.index = index
        for spec in KindCatalog.all {
            if let path = resolve(spec.id.rawValue, KindIcons.table[spec.id], root: root, index: index) {
                set.files["kind:" + spec.id.rawValue] = PreparedIcons.prepared(path)
            }
        }
        for (name, icon) in KindIcons.groups {
            if let path = resolve(nil, icon, root: root, index: index) {
                set.files["group:" + name] = PreparedIcons.prepared(path)
            }
        }
        if !set.files.isEmpty { set.origin = root }
        return set
    }

    /// The file for a kind in `root`: `<kind>.svg`/`.png` of your own, an Asset Package
    /// name, or `diagrams`' path.
    private static func resolve(_ own: String?, _ icon: KindIcon?, root: String, index: AssetIndex) -> String? {
        if let own {
            for ext in ["svg", "png"] {
                let path = (root as NSString).appendingPathComponent("\(own).\(ext)")
                if FileManager.default.fileExists(atPath: path) { return path }
            }
        }
        guard let icon else { return nil }
        for name in icon.assetPackage { if let path = index.best(name) { return path } }
        if let relative = icon.diagrams {
            let stripped = relative.hasPrefix("aws/") ? String(relative.dropFirst(4)) : relative
            for candidate in [relative, "resources/" + relative, stripped] {
                let path = (root as NSString).appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: path) { return path }
            }
        }
        return nil
    }

    /// One lookup per icon source and process (a downloaded Asset Package holds thousands
    /// of files; every stage of every render asks).
    private static let cache = Locked<[IconSource: IconSet]>([:])
    /// Service icons resolved so far, by folder and name; nil answers are kept too.
    private static let serviceIcons = Locked<[String: String?]>([:])
}

/// The files of an icon folder by normalised base name: `Arch_Amazon-API-Gateway_48.svg`
/// and `Arch_Amazon-API-Gateway_64@5x.png` both answer to `Arch_Amazon-API-Gateway`; the
/// best is an SVG, else the PNG nearest 64 px, light-background variants first.
private struct AssetIndex {
    var entries: [String: [(path: String, rank: Int)]] = [:]

    init() {}

    init(root: String) {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return }
        var seen = 0
        while let relative = walker.nextObject() as? String, seen < 50_000 {
            seen += 1
            let lower = relative.lowercased()
            guard lower.hasSuffix(".svg") || lower.hasSuffix(".png") else { continue }
            let name = ((relative as NSString).lastPathComponent as NSString).deletingPathExtension
            var parts = name.split(separator: "_").map(String.init)
            var size = 48
            var dark = false
            while let last = parts.last, parts.count > 1 {
                let token = last.lowercased()
                if token == "light" || token == "dark" {
                    dark = token == "dark"
                    parts.removeLast()
                } else if let number = Int(token.split(separator: "@").first ?? "") {
                    size = number
                    parts.removeLast()
                } else {
                    break
                }
            }
            let key = Self.normalised(parts.joined(separator: "_"))
            let rank = (lower.hasSuffix(".svg") ? 0 : 1000) + abs(size - 64) + (dark ? 500 : 0)
            entries[key, default: []].append(((root as NSString).appendingPathComponent(relative), rank))
        }
    }

    func best(_ name: String) -> String? {
        entries[Self.normalised(name)]?.min { ($0.rank, $0.path) < ($1.rank, $1.path) }?.path
    }

    static func normalised(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }
}
