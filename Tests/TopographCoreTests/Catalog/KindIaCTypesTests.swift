import Testing
@testable import TopographModel

@Suite("Kind IaC types")
struct KindIaCTypesTests {
    /// The table is keyed by kind id: a kind added to the catalog without an entry fails here.
    @Test func everyKindHasAnEntry() {
        #expect(Set(KindIaCTypes.byKind.keys) == Set(KindCatalog.ids))
    }

    /// Every kind a template can declare names at least one type of each tool.
    @Test("mappable kinds name CloudFormation and Terraform types", arguments: KindCatalog.ids)
    func mappableKindsNameTypes(_ id: String) throws {
        let types = try #require(KindIaCTypes.types(of: id))
        // `generic` stands for no type: every type that is a box has a kind of its own.
        if KindIaCTypes.notInTemplates.contains(KindID(id)) || [KindID.availabilityZone, .generic].contains(KindID(id)) {
            #expect(types.cloudFormation.isEmpty && types.terraform.isEmpty)
            return
        }
        #expect(!types.cloudFormation.isEmpty, "\(id) has no CloudFormation type")
        #expect(!types.terraform.isEmpty, "\(id) has no Terraform type")
        for type in types.cloudFormation {
            let parts = type.components(separatedBy: "::")
            #expect(parts.count == 3 && parts[0] == "AWS" && parts.allSatisfy { !$0.isEmpty }, "\(type)")
        }
        for type in types.terraform {
            #expect(type.hasPrefix("aws_") && type == type.lowercased(), "\(type)")
        }
    }

    /// Only the two load balancers and the two ApiGatewayV2 protocols share a type (import
    /// reads `Type` / `ProtocolType`); any other overlap would make import guess.
    @Test func onlyLoadBalancersShareATypeAcrossKinds() {
        var owners: [String: Set<String>] = [:]
        for (kind, types) in KindIaCTypes.byKind {
            for type in types.cloudFormation + types.terraform { owners[type, default: []].insert(kind) }
        }
        let shared = owners.filter { $0.value.count > 1 }
        #expect(Set(shared.keys) == ["AWS::ElasticLoadBalancingV2::LoadBalancer", "aws_lb", "AWS::ApiGatewayV2::Api", "aws_apigatewayv2_api"])
        for (type, kinds) in shared {
            #expect(kinds == ["alb", "nlb"] || kinds == ["api-gateway-http", "api-gateway-websocket"], "\(type): \(kinds)")
        }
    }
}
