import TopographModel

struct S3UploadThroughAPIGatewayRule: LintRule {
    static let description = LintRuleDescription(
        id: "s3-upload-through-api-gateway", name: "File uploads proxied through API Gateway to S3", category: .reliability, severity: .warning,
        summary: "An API Gateway API proxies uploads straight into an S3 bucket",
        rationale: """
            Seed 003 integrates its `/upload` resource with S3. API Gateway caps a request \
            payload at 10 MB and an integration at 29 seconds by default, so larger documents \
            or slow clients fail with 413 or 504, and every byte is billed twice. The usual \
            design has the API hand out a presigned S3 URL and the client upload to S3 \
            directly. An API connected to a bucket counts as an upload proxy when a route \
            writes (POST, PUT, ANY) or says `upload`, or the connection says `upload`.
            """,
        fix: "Return a presigned URL from the API (a Lambda behind it) and upload to S3 directly; draw `users -> bucket` for the upload.",
        references: ["https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/PresignedUrlUploadObject.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  api: { kind: api-gateway-rest, routes: ["POST /upload"] }
                  docs: { kind: s3 }
                connections:
                  - api -> ↓docs
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                resources:
                  users: { kind: user }
                  api: { kind: api-gateway-rest, routes: ["GET /upload-url"] }
                  signer: { kind: lambda }
                  docs: { kind: s3 }
                  reports: { kind: api-gateway-http, routes: ["GET /reports/{id}"] }
                connections:
                  - api -> signer
                  - users -> docs: presigned PUT
                  - reports -> docs
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        topology.connections.compactMap { connection in
            guard let api = topology.resource(connection.from), [.httpAPI, .restAPI].contains(api.kind),
                  let bucket = topology.resource(connection.to), bucket.kind == .s3 else { return nil }
            let writes = api.strings("routes").contains { route in
                let method = route.split(separator: " ").first.map { $0.uppercased() } ?? ""
                return ["POST", "PUT", "ANY"].contains(method) || route.lowercased().contains("upload")
            }
            let says = (connection.label ?? "").lowercased().contains("upload")
            guard writes || says else { return nil }
            return LintViolation(
                at: connection.toLocation,
                "'\(api.id)' proxies uploads into S3 bucket '\(bucket.id)': API Gateway stops at 10 MB and 29 s; hand out presigned URLs instead",
                resource: api.id)
        }
    }
}
