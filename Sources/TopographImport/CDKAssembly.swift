import TopographModel
import TopographInput
import TopographDiff
import Foundation

/// A `cdk synth` output directory (`cdk.out`): `manifest.json` lists each stack's artifact
/// and its template file; nested stacks are read through their parents.
enum CDKAssembly {
    static func stackTemplates(in directory: String) throws -> [(path: String, stackName: String?)] {
        let manifestPath = directory + "/manifest.json"
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw TopologyInputError([Diagnostic(
                .error, code: .notACloudAssembly, "\(directory): a directory must be a cdk.out cloud assembly with a manifest.json", at: nil,
                help: "run `cdk synth`, or pass the template files themselves")])
        }
        guard let manifest = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let artifacts = manifest["artifacts"] as? [String: Any] else {
            throw TopologyInputError([Diagnostic(.error, code: .notACloudAssembly, "\(manifestPath): not a cloud assembly manifest (no `artifacts`)", at: nil, help: "run `cdk synth` again")])
        }
        var result: [(String, String?)] = []
        for name in artifacts.keys.sorted() {
            guard let artifact = artifacts[name] as? [String: Any], artifact["type"] as? String == "aws:cloudformation:stack",
                  let properties = artifact["properties"] as? [String: Any], let file = properties["templateFile"] as? String else { continue }
            let stackName = (artifact["displayName"] as? String).flatMap { $0.split(separator: "/").last.map(String.init) } ?? name
            result.append((directory + "/" + file, (properties["stackName"] as? String) ?? stackName))
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
