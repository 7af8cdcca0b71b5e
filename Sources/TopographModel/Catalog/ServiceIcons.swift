extension ServiceIcons {
    /// Every name `icon:` accepts, to its `diagrams` path: `folder/name`, and the bare name
    /// where the first folder (alphabetically) that has it wins.
    package static let paths: [String: String] = {
        var paths: [String: String] = [:]
        for (folder, names) in folders {
            for name in names {
                let path = "aws/\(folder)/\(name).png"
                paths["\(folder)/\(name)"] = path
                if paths[name] == nil { paths[name] = path }
            }
        }
        return paths
    }()

    /// The names to suggest from: bare names, then kind ids (whose icons `icon:` takes too).
    package static var suggestible: [String] {
        paths.keys.filter { !$0.contains("/") }.sorted() + KindCatalog.ids
    }

    /// The icon `name` stands for: a kind id's icon (`icon: sqs`), else the AWS icon of that
    /// name, tried in a downloaded Asset Package as `Arch_Amazon-<name>` and its variants.
    /// Nil for a name the set does not have.
    package static func icon(_ name: String) -> KindIcon? {
        let key = name.lowercased()
        if let kind = KindIcons.table[KindID(key)], kind.diagrams != nil { return kind }
        guard let path = paths[key] else { return nil }
        let stem = String(key.split(separator: "/").last ?? Substring(key))
        return KindIcon(
            diagrams: path,
            assetPackage: ["Arch_Amazon-\(stem)", "Arch_AWS-\(stem)", "Res_Amazon-\(stem)", "Res_AWS-\(stem)", stem])
    }
}

extension ServiceIcons {
    /// `topograph kinds --icons`: each folder and its names.
    package static func listing() -> String {
        var lines = ["AWS Architecture Icons for `icon:` on a `generic` resource (or any kind id):", ""]
        for (folder, names) in folders {
            lines.append("\(folder):")
            lines.append("  " + names.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
