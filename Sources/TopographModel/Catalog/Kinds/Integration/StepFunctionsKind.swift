extension KindID {
    package static let stepFunctions = KindID("step-functions")
}

extension KindSpec {
    /// AWS Step Functions state machine.
    static let stepFunctions = KindSpec(
        .stepFunctions, .integration, title: "Step Functions state machine",
        summary: "A workflow of states that calls functions and services, with retries and error handling; Standard for long runs, Express for high-volume short ones.",
        attributes: [
            AttributeSpec("type", .oneOf(["STANDARD", "EXPRESS"]), "Standard (up to a year, exactly-once, history kept 90 days) or Express (up to 5 minutes)."),
            AttributeSpec("logging", .oneOf(["ALL", "ERROR", "FATAL", "OFF"]), "Log level to CloudWatch Logs (Express needs logging to see executions)."),
            AttributeSpec("tracing", .bool, "X-Ray tracing."),
            AttributeSpec("definition", .string, "Path of the Amazon States Language file, for readers."),
            AttributeSpec("timeout", .int, "TimeoutSeconds of the whole execution.", range: 1...31_536_000),
            .kmsKey,
        ],
        example: "checkout-flow: { kind: step-functions, type: STANDARD, logging: ERROR, definition: statemachine/checkout.asl.json }",
        scope: .regional,
        icon: KindIcon(diagrams: "aws/integration/step-functions.png", assetPackage: ["Arch_AWS-Step-Functions"]),
        iacTypes: KindIaCTypes(
            cloudFormation: ["AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"], terraform: ["aws_sfn_state_machine"]),
        diffTraits: KindDiffTraits(key: ["type", "logging"]),
        nameRule: AWSValueRule(
            "a state machine name", "1 to 80 letters, digits, hyphens and underscores", pattern: "[A-Za-z0-9_-]+", maxLength: 80),
        createdAfter: .lambda, connectionMeaning: "calls",
        idWords: ["state", "machine", "statemachine", "sfn", "workflow"], isExtension: true)
}
