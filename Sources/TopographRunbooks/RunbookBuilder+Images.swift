import Foundation
import TopographModel

/// Images that exist: each service's image is built and pushed to the ECR repository its
/// `image:` names (its own repository, or its own tag), and the task definition names
/// exactly that URI, expanded by the shell from the repository the runbook looked up. An
/// `image:` from another registry is used as declared and never built.
extension RunbookBuilder {
    /// Where a service's image comes from: an ECR repository and tag, or an external image.
    static func imageSource(of service: Resource) -> (repository: String, tag: String, external: String?) {
        let first = service["containers"]?.listValue?.first
        guard let image = first?["image"]?.scalarText, !image.isEmpty else { return (service.name, "latest", nil) }
        guard image.contains(".dkr.ecr."), let slash = image.firstIndex(of: "/") else { return ("", "", image) }
        let path = image[image.index(after: slash)...]
        let parts = path.split(separator: ":", maxSplits: 1).map(String.init)
        let tag = parts.count == 2 ? parts[1] : "latest"
        let safe = tag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
        return (parts.first ?? service.name, safe ? tag : "latest", nil)
    }

    /// The placeholder the JSON encoder writes where the image goes; replaced by `%s`.
    static let imageSlot = "TOPOGRAPH-IMAGE-SLOT"

    static func imageVariable(of service: Resource) -> String { RunbookNames.variable(service.id) + "_IMAGE" }

    static func repositoryVariable(_ repository: String) -> String { RunbookNames.variable(repository) + "_REPO_URI" }

    func images(in stage: StageTopology) -> [ImageContext] {
        var order: [String] = stage.resources(ofKind: .ecr).filter(includes).map(\.name)
        var pushes: [String: [ImagePush]] = [:]
        for service in stage.resources(ofKind: .ecsService).filter(includes) {
            let source = Self.imageSource(of: service)
            guard source.external == nil else { continue }
            if !order.contains(source.repository) { order.append(source.repository) }
            let variable = Self.repositoryVariable(source.repository)
            pushes[source.repository, default: []].append(ImagePush(
                local: ShellWord("\(source.repository):\(source.tag)"), tag: source.tag,
                service: ProseText(service.id), imageVariable: Self.imageVariable(of: service),
                sourceVariable: RunbookNames.variable(service.id) + "_SOURCE", uri: "\"$\(variable):\(source.tag)\"",
                sourceWord: "\"${\(RunbookNames.variable(service.id))_SOURCE:=.}\""))
        }
        return order.map { repository in
            ImageContext(
                repository: ShellWord(repository), variable: Self.repositoryVariable(repository),
                lookupQuery: RunbookNames.lookup("repositories", "repositoryName", repository, select: "repositoryUri"),
                images: pushes[repository] ?? [], hasImages: !(pushes[repository] ?? []).isEmpty)
        }
    }
}
