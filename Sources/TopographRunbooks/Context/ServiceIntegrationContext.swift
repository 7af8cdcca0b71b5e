import TopographModel

/// An HTTP API's AWS service integration (`AWS_PROXY` with a subtype): API Gateway calls
/// the service itself (Kinesis `PutRecord`, SQS `SendMessage`, Step Functions
/// `StartExecution`, EventBridge `PutEvents`) with a role it assumes, and request parameters
/// that say what to send. AWS refuses such an integration without the role or a required
/// parameter; there is no integration URI.
package struct ServiceIntegrationContext: RunbookSectionContext {
    package var isStream: Bool
    package var isQueue: Bool
    package var isStateMachine: Bool
    package var isEventBus: Bool
    package var targetName: ShellWord
    package var stateMachineLookup: ShellWord
    package var subtype: ShellWord
    package var integrationLookup: ShellWord
    package var action: ShellWord
    package var roleName: ShellWord
    package var roleLookup: ShellWord
    package var trustPolicy: ShellWord
    package var source: ShellWord
    package var guardLine: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "isStream": "a Kinesis data stream (`Kinesis-PutRecord`)",
        "isQueue": "an SQS queue (`SQS-SendMessage`)",
        "isStateMachine": "a Step Functions state machine (`StepFunctions-StartExecution`)",
        "isEventBus": "an EventBridge bus (`EventBridge-PutEvents`)",
        "targetName": "the stream, queue or bus name",
        "stateMachineLookup": "the `list-state-machines` query finding the state machine's ARN",
        "subtype": "the integration subtype",
        "integrationLookup": "the `get-integrations` query finding the integration by subtype",
        "action": "the one IAM action the role allows, on the target's ARN",
        "roleName": "the role API Gateway assumes (`<api>-<target>`, at most 64 characters)",
        "roleLookup": "the `list-roles` query finding the role's ARN",
        "trustPolicy": "the role's trust policy (apigateway.amazonaws.com), JSON",
        "source": "EventBridge: the events' `Source` (the API's name)",
        "guardLine": "stops the block when the target was not found",
    ]

    /// The kinds an HTTP API integrates as a service, with their subtype and action.
    static let subtypes: [KindID: (subtype: String, action: String)] = [
        .kinesisStream: ("Kinesis-PutRecord", "kinesis:PutRecord"),
        .sqs: ("SQS-SendMessage", "sqs:SendMessage"),
        .stepFunctions: ("StepFunctions-StartExecution", "states:StartExecution"),
        .eventBridgeBus: ("EventBridge-PutEvents", "events:PutEvents"),
    ]

    /// The integration of `api` with `target`, nil when `target` is no such service.
    static func make(api: Resource, target: Resource, variable: String) -> ServiceIntegrationContext? {
        guard let (subtype, action) = subtypes[target.kind] else { return nil }
        let role = RunbookNames.valid("\(api.name)-\(target.name)", limit: 64)
        let trust = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        return ServiceIntegrationContext(
            isStream: target.kind == .kinesisStream, isQueue: target.kind == .sqs,
            isStateMachine: target.kind == .stepFunctions, isEventBus: target.kind == .eventBridgeBus,
            targetName: ShellWord(target.name),
            stateMachineLookup: RunbookNames.lookup("stateMachines", "name", target.name, select: "stateMachineArn"),
            subtype: ShellWord(subtype),
            integrationLookup: RunbookNames.lookup("Items", "IntegrationSubtype", subtype, select: "IntegrationId"),
            action: ShellWord(action), roleName: ShellWord(role),
            roleLookup: RunbookNames.lookup("Roles", "RoleName", role, select: "Arn"),
            trustPolicy: ShellWord(trust), source: ShellWord(api.name),
            guardLine: ": \"${\(variable)_TARGET:?\(target.id) not found: create it first (a prerequisite)}\"")
    }
}
