import TopographModel
import TopographInput
import TopographDiff
import Foundation

/// A `cdk synth` output directory (`cdk.out`): `manifest.json` lists each stack's artifact
/// and its template file; nested stacks are read through their parents.
enum CDKAssembly {
    /// The part of `manifest.json` (the cloud assembly schema) import reads; other
    /// artifact types (assets, trees) decode with what they have and are skipped.
    struct Manifest: Decodable {
        var artifacts: [String: Artifact]
    }

    struct Artifact: Decodable {
        var type: String
        var displayName: String?
        var properties: Properties?
    }

    struct Properties: Decodable {
        var templateFile: String?
        var stackName: String?
    }

    /// Every stack's template, each inside the assembly (`containment` may trust more folders).
    static func stackTemplates(in directory: String, containment: ReadContainment = ReadContainment()) throws -> [(path: String, stackName: String?)] {
        let manifestPath = directory + "/manifest.json"
        if FileKind.of(manifestPath) == .other { throw TopologyInputError([FileKind.refusal(manifestPath)]) }
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw TopologyInputError([Diagnostic(
                .error, code: .notACloudAssembly, "\(directory): a directory must be a cdk.out cloud assembly with a manifest.json", at: nil,
                help: "run `cdk synth`, or pass the template files themselves")])
        }
        guard let artifacts = (try? JSONDecoder().decode(Manifest.self, from: data))?.artifacts else {
            throw TopologyInputError([Diagnostic(.error, code: .notACloudAssembly, "\(manifestPath): not a cloud assembly manifest (no `artifacts`)", at: nil, help: "run `cdk synth` again")])
        }
        var result: [(String, String?)] = []
        for name in artifacts.keys.sorted() {
            guard let artifact = artifacts[name], artifact.type == "aws:cloudformation:stack",
                  let file = artifact.properties?.templateFile else { continue }
            let stackName = artifact.displayName.flatMap { $0.split(separator: "/").last.map(String.init) } ?? name
            let path = directory + "/" + file
            if FileKind.of(path) != .missing, containment.resolve(path, inside: directory) == nil {
                throw TopologyInputError([Diagnostic(
                    .error, code: .outsideProject, "\(manifestPath): stack \(name)'s templateFile \(file) resolves outside the assembly", at: SourceLocation(file: manifestPath, line: 1, column: 1),
                    help: "a cdk.out names files inside itself; synthesize again, or pass --allow-outside FOLDER to trust the folder")])
            }
            result.append((path, artifact.properties?.stackName ?? stackName))
        }
        if result.isEmpty {
            throw TopologyInputError([Diagnostic(.error, code: .notACloudAssembly, "\(manifestPath): lists no CloudFormation stack", at: nil, help: "run `cdk synth` in the app's directory")])
        }
        return result
    }

    /// `App/Stack/Vpc/PrivateSubnet1/Subnet` -> `Vpc-PrivateSubnet1-Subnet`: the construct
    /// path without the stack and CDK's own `Resource`/`Default` leaf, which reads far better
    /// than a logical id with a hash suffix.
    static func idHint(fromPath path: String) -> String {
        var parts = path.split(separator: "/").map(String.init)
        if parts.count > 1 { parts.removeFirst() }
        while parts.count > 1, let last = parts.last, last == "Resource" || last == "Default" { parts.removeLast() }
        return parts.joined(separator: "-")
    }
}
