#!/usr/bin/env python3
"""A CloudFormation template of N resources and the topology that documents it, for the
drift benchmark: one VPC, subnets in three zones, and Lambda functions placed in them
(each with its security group), about 1% of them renamed in the topology so drift has
findings to report.

    gen-drift.py N OUTDIR     writes OUTDIR/template.yaml and OUTDIR/topology.yaml
"""
import pathlib
import sys

n = int(sys.argv[1])
out = pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
subnets = max(3, min(250, n // 100))
functions = max(1, (n - 1 - subnets) // 2)
template = ["Resources:", "  Vpc:", "    Type: AWS::EC2::VPC", "    Properties: { CidrBlock: 10.0.0.0/16 }"]
topology = ["topograph: 1", "name: drift-bench", "region: eu-west-1", "resources:", "  vpc: { kind: vpc, cidr: 10.0.0.0/16 }"]
for s in range(subnets):
    template += [f"  Subnet{s}:", "    Type: AWS::EC2::Subnet",
                 f"    Properties: {{ VpcId: !Ref Vpc, CidrBlock: 10.0.{s}.0/24, AvailabilityZone: eu-west-1{'abc'[s % 3]} }}"]
    topology.append(f"  subnet-{s}: {{ kind: subnet, in: vpc, az: eu-west-1{'abc'[s % 3]}, cidr: 10.0.{s}.0/24 }}")
for f in range(functions):
    s = f % subnets
    template += [f"  Group{f}:", "    Type: AWS::EC2::SecurityGroup", "    Properties: { GroupDescription: fn, VpcId: !Ref Vpc }",
                 f"  Function{f}:", "    Type: AWS::Lambda::Function",
                 f"    Properties: {{ FunctionName: fn-{f}, Runtime: python3.12, VpcConfig: {{ SubnetIds: [!Ref Subnet{s}], SecurityGroupIds: [!Ref Group{f}] }} }}"]
    name = f"fn-{f}-renamed" if f % 100 == 7 else f"fn-{f}"
    topology.append(f"  function-{f}: {{ kind: lambda, in: subnet-{s}, name: {name}, runtime: python3.12 }}")
(out / "template.yaml").write_text("\n".join(template) + "\n")
(out / "topology.yaml").write_text("\n".join(topology) + "\n")
print(f"{1 + subnets + 2 * functions} template resources, {1 + subnets + functions} topology resources")
