import Foundation
import Testing
@testable import TopographModel
@testable import TopographInput
@testable import TopographImport

/// A database's instance class: validated as AWS names it, imported from CloudFormation
/// (an Aurora cluster takes its instances' class), and compared by drift.
@Suite("DB instance classes")
struct InstanceClassTests {
    static let template = """
        Resources:
          Cluster:
            Type: AWS::RDS::DBCluster
            Properties: { DBClusterIdentifier: orders, Engine: aurora-postgresql }
          Writer:
            Type: AWS::RDS::DBInstance
            Properties: { DBClusterIdentifier: !Ref Cluster, DBInstanceClass: db.r6g.large, Engine: aurora-postgresql }
          Reader:
            Type: AWS::RDS::DBInstance
            Properties: { DBClusterIdentifier: !Ref Cluster, DBInstanceClass: db.r6g.large, Engine: aurora-postgresql }
          Reports:
            Type: AWS::RDS::DBInstance
            Properties: { DBInstanceIdentifier: reports, Engine: postgres, DBInstanceClass: db.t4g.micro }
        """

    @Test(arguments: ["db.t4g.micro", "db.r6g.2xlarge", "db.serverless"])
    func classesAWSNamesAreValid(value: String) {
        #expect(AWSValueRules.instanceClass.problem(value) == nil)
    }

    @Test(arguments: ["t3.micro", "db", "DB.T3.MICRO", "db.t3 micro"])
    func otherValuesAreRefused(value: String) {
        #expect(AWSValueRules.instanceClass.problem(value) != nil)
    }

    @Test func importReadsTheClassAndDriftComparesIt() throws {
        let scratch = try TemplateScratch()
        defer { scratch.remove() }
        let path = try scratch.write("db.yaml", Self.template)
        let (result, yaml) = try TopologyImport(source: .cloudFormation, region: "us-east-1").run([path])
        let topology = result.topology(name: "db")
        #expect(topology.resources.first { $0.kind == .aurora }?.string("instance_class") == "db.r6g.large")
        #expect(topology.resources.first { $0.kind == .rds }?.string("instance_class") == "db.t4g.micro")

        let documented = yaml.replacingOccurrences(of: "instance_class: db.t4g.micro", with: "instance_class: db.t4g.small")
        #expect(documented != yaml)
        let loaded = try TopologyLoader().load(text: documented, file: "db-topology.yaml")
        let report = DriftChecker().check(loaded, stage: loaded.stages[0], model: try IaCSources.load([path], region: "us-east-1"))
        #expect(report.findings.map(\.subject).contains { $0.hasSuffix(".instance_class") }, "\(report.findings.map(\.message))")
        let clean = try TopologyLoader().load(text: yaml, file: "db-topology.yaml")
        #expect(DriftChecker().check(clean, stage: clean.stages[0], model: try IaCSources.load([path], region: "us-east-1")).findings.isEmpty)
    }

    /// `module.asg["ex_1"]`'s resources are configured under `module.asg.`.
    @Test func moduleInstanceKeysAreDroppedForConfiguration() {
        #expect(TerraformPlanReader.moduleKey(#"module.asg["ex_1"].module.lt[0]."#) == "module.asg.module.lt.")
        #expect(TerraformPlanReader.moduleKey("module.vpc.") == "module.vpc.")
        #expect(TerraformPlanReader.moduleKey(#"module.a["x.]y"]."#) == "module.a.")
    }
}
