import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographDiagram

@Suite("Service icons (`generic` with `icon:`)")
struct ServiceIconTests {
    func diagnostics(_ icon: String) -> [Diagnostic] {
        let yaml = "topograph: 1\nname: t\nresources:\n  training: { kind: generic, category: compute, icon: \(icon) }\n"
        do {
            _ = try TopologyLoader().load(text: yaml, file: "t.yaml")
            return []
        } catch let error as TopologyInputError {
            return error.diagnostics
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }

    @Test func aServiceAFolderQualifiedNameAndAKindIdAreAccepted() {
        #expect(diagnostics("sagemaker").isEmpty)
        #expect(diagnostics("ml/sagemaker").isEmpty)
        #expect(diagnostics("sqs").isEmpty)
        #expect(ServiceIcons.icon("glue")?.diagrams == "aws/analytics/glue.png")
        #expect(ServiceIcons.icon("sqs") == KindIcons.table[.sqs])
    }

    @Test func aTypoIsRefusedWithTheClosestName() throws {
        let found = diagnostics("sagemakr")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.code == .unknownIcon)
        #expect(diagnostic.message.contains("'sagemakr'"))
        #expect(diagnostic.help == "did you mean 'sagemaker'?")
        #expect(diagnostic.location?.line == 4)
    }

    /// Every icon import gives a box without a kind of its own is in the set.
    @Test func genericImportDrawingsNameKnownIcons() {
        for (type, drawing) in GenericIaCTypes.cloudFormation.merging(GenericIaCTypes.terraform, uniquingKeysWith: { $1 }) {
            #expect(ServiceIcons.icon(drawing.icon) != nil, "\(type): icon \(drawing.icon) is not in the set")
        }
    }

    /// A downloaded Asset Package folder answers a service name by AWS's file name.
    @Test func theAssetPackageFileIsFoundAndDrawn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("service-icons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Arch_ML/48"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"48\" height=\"48\"><rect width=\"48\" height=\"48\" fill=\"#01A88D\"/></svg>"
        try svg.write(to: directory.appendingPathComponent("Arch_ML/48/Arch_Amazon-SageMaker_48.svg"), atomically: true, encoding: .utf8)
        try svg.write(to: directory.appendingPathComponent("Arch_ML/48/Arch_AWS-Lambda_48.svg"), atomically: true, encoding: .utf8)
        let icons = IconSet(source: .directory(directory.path))
        let node = DiagramNode(id: "training", label: "Training", caption: "generic", kind: "generic", category: .compute, shape: .box, icon: "sagemaker")
        let path = try #require(icons.path(for: node))
        #expect(path.hasSuffix(".svg"))
        #expect(icons.serviceIcon("no-such-service") == nil)
    }
}
