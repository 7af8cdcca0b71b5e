import TopographModel

package struct HTTPAPIContext: RunbookSectionContext {
    package var id: ShellWord
    package var label: ProseText
    package var name: ShellWord
    package var variable: String
    package var lookupQuery: ShellWord
    package var stageName: ShellWord
    package var stageLookup: ShellWord
    package var hasVpcLink: Bool
    package var vpcLinkName: ShellWord
    package var vpcLinkVariable: String
    package var vpcLinkLookup: ShellWord
    package var vpcLinkSubnetWords: String
    package var vpcLinkSecurityGroupVariable: String
    package var integration: IntegrationContext?
    package var hasIntegration: Bool
    package var hasAuthorizer: Bool
    package var isJWT: Bool
    package var authorizerName: ShellWord
    package var authorizerLookup: ShellWord
    package var userPoolVariable: String
    package var userPoolClientVariable: String
    package var poolLookup: ShellWord
    package var routes: [RouteContext]

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the API's id in the topology",
        "label": "its label",
        "name": "its AWS name",
        "variable": "the prefix of its shell variables (`<V>_ID`, `<V>_INTEGRATION`)",
        "lookupQuery": "the `get-apis` query finding it by name",
        "stageName": "the stage (`$default` unless declared)",
        "stageLookup": "the `get-stages` query finding the stage",
        "hasVpcLink": "whether it reaches private resources through a VPC link (v2)",
        "vpcLinkName": "the VPC link's name",
        "vpcLinkVariable": "the prefix of the VPC link's variables",
        "vpcLinkLookup": "the `get-vpc-links` query finding the link by name",
        "vpcLinkSubnetWords": "the link's subnets, as quoted shell words",
        "vpcLinkSecurityGroupVariable": "the variable of the link's security group",
        "integration": "the integration: Cloud Map service, ALB/NLB listener or Lambda (absent for other targets)",
        "hasIntegration": "whether the runbook creates the integration (routes then target it)",
        "hasAuthorizer": "whether routes are authorized",
        "isJWT": "a Cognito JWT authorizer, else a Lambda REQUEST authorizer",
        "authorizerName": "the authorizer's name",
        "authorizerLookup": "the `get-authorizers` query finding it by name",
        "userPoolVariable": "JWT: the variable of the user pool id",
        "userPoolClientVariable": "JWT: the variable of the app client id",
        "poolLookup": "JWT: the `list-user-pools` query finding the pool",
        "routes": "the declared routes, each a `create-route` when missing",
    ]
}

/// Where an API's requests go: a Cloud Map service, a load balancer listener, a Lambda, or
/// an AWS service API Gateway calls itself.
package struct IntegrationContext: RunbookSectionContext {
    package var isCloudMap: Bool
    package var isListener: Bool
    package var isLambda: Bool
    package var cloudMapLookup: ShellWord
    package var listenerLoadBalancer: String
    package var listenerLookup: ShellWord
    package var listenerPort: String
    package var lambdaName: ShellWord
    package var requestParameters: ShellWord
    package var hasPathMapping: Bool
    package var pathMapping: ShellWord
    package var targetLabel: ShellWord
    package var service: ServiceIntegrationContext?

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "isCloudMap": "the integration URI is a Cloud Map service's ARN",
        "isListener": "the integration URI is a load balancer listener's ARN",
        "isLambda": "a Lambda proxy integration",
        "cloudMapLookup": "the `list-services` query finding the Cloud Map service",
        "listenerLoadBalancer": "the variable prefix of the load balancer whose listener is the target",
        "listenerLookup": "the `describe-load-balancers` query finding that load balancer",
        "listenerPort": "the listener's port",
        "lambdaName": "the Lambda function's name",
        "requestParameters": "the `overwrite:path` request parameter (single-quoted: it holds `$request`)",
        "hasPathMapping": "whether a path mapping is declared",
        "pathMapping": "the path mapping",
        "targetLabel": "what the integration reaches (a resource id)",
        "service": "an AWS service integration (Kinesis, SQS, Step Functions, EventBridge), absent otherwise",
    ]
}

package struct RouteContext: RunbookSectionContext {
    package var routeKey: ShellWord
    package var lookupQuery: ShellWord
    package var method: ShellWord
    package var samplePath: String
    package var curlMethod: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "routeKey": "the route key `METHOD /path`",
        "lookupQuery": "the `get-routes` query finding the route",
        "method": "the method",
        "samplePath": "a path the smoke test calls (parameters and greedy segments filled in), URL-safe",
        "curlMethod": "the method curl sends (`GET` for `ANY`)",
    ]
}

package struct RESTAPIContext: RunbookSectionContext {
    package var id: ShellWord
    package var label: ProseText
    package var name: ShellWord
    package var variable: String
    package var lookupQuery: ShellWord
    package var isPrivate: Bool
    package var endpointType: ShellWord
    package var endpointVariable: String
    package var stageName: ShellWord
    package var hasVpcLink: Bool
    package var vpcLinkName: ShellWord
    package var vpcLinkVariable: String
    package var vpcLinkLookup: ShellWord
    package var nlbVariable: String
    package var nlbLookup: ShellWord
    package var resourcePolicy: String
    package var hasAuthorizer: Bool
    package var authorizerType: ShellWord
    package var authorizerName: ShellWord
    package var authorizerLookup: ShellWord
    package var isCognito: Bool
    package var poolLookup: ShellWord
    package var userPoolVariable: String
    package var lambdaName: ShellWord
    package var identitySource: ShellWord
    package var methodAuthorization: ShellWord
    package var resources: [RESTResourceContext]
    package var methods: [RESTMethodContext]
    package var hasWaf: Bool
    package var wafName: ShellWord
    package var wafLookup: ShellWord
    package var successCodes: [SuccessCode]
    package var hasSuccessCodes: Bool

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the API's id in the topology",
        "label": "its label",
        "name": "its AWS name",
        "variable": "the prefix of its shell variables (`<V>_ID`, `<V>_ROOT`)",
        "lookupQuery": "the `get-rest-apis` query finding it by name",
        "isPrivate": "a private API (execute-api endpoint and resource policy)",
        "endpointType": "`REGIONAL`, `PRIVATE` or `EDGE`",
        "endpointVariable": "private: the variable of the execute-api endpoint's id",
        "stageName": "the stage",
        "hasVpcLink": "whether it reaches an NLB through a VPC link (v1)",
        "vpcLinkName": "the VPC link's name",
        "vpcLinkVariable": "the prefix of the VPC link's variables",
        "vpcLinkLookup": "the `get-vpc-links` query finding it",
        "nlbVariable": "the variable prefix of the NLB the link targets",
        "nlbLookup": "the `describe-load-balancers` query finding that NLB",
        "resourcePolicy": "private: the resource policy JSON (written by a quoted heredoc)",
        "hasAuthorizer": "whether the methods are authorized",
        "authorizerType": "`COGNITO_USER_POOLS` or `REQUEST` (Lambda)",
        "authorizerName": "the authorizer's name",
        "authorizerLookup": "the `get-authorizers` query finding it",
        "isCognito": "a Cognito user pool authorizer",
        "poolLookup": "the `list-user-pools` query finding the pool's id",
        "userPoolVariable": "Cognito: the variable of the user pool's ARN",
        "lambdaName": "Lambda: the function's name",
        "identitySource": "where the token is read from",
        "methodAuthorization": "`--authorization-type` of the methods",
        "resources": "the resource tree the routes need, parents first",
        "methods": "one method and integration per declared route",
        "hasWaf": "whether a WAF web ACL sits in front (associated with the stage)",
        "wafName": "the web ACL's name",
        "wafLookup": "the `list-web-acls` query finding it",
        "successCodes": "success codes other than 200 (method and integration responses)",
        "hasSuccessCodes": "whether there are any",
    ]
}

package struct RESTResourceContext: RunbookSectionContext {
    package var apiVariable: String
    package var variable: String
    package var parentVariable: String
    package var pathPart: ShellWord
    package var path: ShellWord
    package var lookupQuery: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "apiVariable": "the prefix of the API's variables",
        "variable": "the shell variable that holds the resource id",
        "parentVariable": "the variable of its parent resource",
        "pathPart": "its path part (`orders`, `{id}`, `{proxy+}`)",
        "path": "its full path",
        "lookupQuery": "the `get-resources` query finding it by path",
    ]
}

package struct RESTMethodContext: RunbookSectionContext {
    package var apiVariable: String
    package var resourceVariable: String
    package var httpMethod: ShellWord
    package var routeKey: ShellWord
    package var requestParameters: ShellWord
    package var hasRequestParameters: Bool
    package var integrationType: ShellWord
    package var isVpcLink: Bool
    package var isS3: Bool
    package var isLambda: Bool
    package var integrationMethod: ShellWord
    package var uriSuffix: ShellWord
    package var integrationParameters: ShellWord
    package var hasIntegrationParameters: Bool
    package var bucket: ShellWord
    package var lambdaName: ShellWord
    package var samplePath: String
    package var curlMethod: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "apiVariable": "the prefix of the API's variables",
        "resourceVariable": "the variable of the method's resource",
        "httpMethod": "the HTTP method",
        "routeKey": "the declared route",
        "requestParameters": "method request parameters (path parameters, declared headers)",
        "hasRequestParameters": "whether there are any",
        "integrationType": "`HTTP_PROXY` (VPC link), `AWS` (S3) or `AWS_PROXY` (Lambda)",
        "isVpcLink": "integrated through the VPC link to the NLB",
        "isS3": "integrated with S3 (a connection to an `s3` labelled with the route's path)",
        "isLambda": "integrated with a Lambda function",
        "integrationMethod": "the integration's HTTP method",
        "uriSuffix": "VPC link: the path after the NLB's DNS name (`{proxy}` for greedy routes)",
        "integrationParameters": "path parameters mapped to the integration",
        "hasIntegrationParameters": "whether there are any",
        "bucket": "S3: the bucket",
        "lambdaName": "Lambda: the function",
        "samplePath": "a path the smoke test calls, URL-safe",
        "curlMethod": "the method curl sends",
    ]
}

package struct SuccessCode: RunbookSectionContext {
    package var code: String
    package var resourceVariable: String
    package var httpMethod: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "code": "the status code",
        "resourceVariable": "the resource of the method that returns it",
        "httpMethod": "its method",
    ]
}
