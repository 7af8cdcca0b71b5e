import TopographModel

package struct DatabaseContext: RunbookSectionContext {
    package var id: ShellWord
    package var label: ProseText
    package var name: ShellWord
    package var variable: String
    package var isAurora: Bool
    package var isPostgres: Bool
    package var port: String
    package var client: String
    package var lookupQuery: ShellWord
    package var hasBastion: Bool
    package var bastionName: ShellWord
    package var bastionFilter: ShellWord
    package var bastionVariable: String
    package var hasShellService: Bool
    package var shellService: ServiceRef

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the database's id in the topology",
        "label": "its label",
        "name": "its identifier",
        "variable": "the prefix of its variables (`<V>_HOST`)",
        "isAurora": "an Aurora cluster (else an RDS instance)",
        "isPostgres": "PostgreSQL (`psql`), else MySQL (`mysql`)",
        "port": "5432 or 3306",
        "client": "`psql` or `mysql`",
        "lookupQuery": "the describe query that prints its endpoint",
        "hasBastion": "whether a bastion (an `ec2` with a connection to it) reaches it",
        "bastionName": "the bastion's Name tag",
        "bastionFilter": "the `describe-instances` filter finding the bastion",
        "bastionVariable": "the variable of the bastion's instance id",
        "hasShellService": "whether an ECS service reaches it (psql through ECS Exec)",
        "shellService": "that service",
    ]
}

/// An ECS service another section execs into.
package struct ServiceRef: RunbookSectionContext {
    package var name: ShellWord
    package var cluster: ShellWord
    package var container: ShellWord
    package var variable: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "name": "the service's name",
        "cluster": "its cluster",
        "container": "the container to exec into",
        "variable": "the prefix of its variables (`<V>_TASK`)",
    ]
}

package struct SessionStoreContext: RunbookSectionContext {
    package var id: ShellWord
    package var label: ProseText
    package var name: ShellWord
    package var variable: String
    package var pattern: ShellWord
    package var tls: Bool
    package var tlsFlag: String
    package var redisPort: String
    package var isSessionStore: Bool
    package var hasLocalContainer: Bool
    package var localContainer: ShellWord
    package var hasShellService: Bool
    package var shellService: ServiceRef
    package var hasOtherService: Bool
    package var otherService: ServiceRef
    package var rolledService: ServiceRef
    package var hasRolledService: Bool

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the store's id in the topology",
        "label": "its label",
        "name": "its replication group id",
        "variable": "the prefix of its variables",
        "pattern": "the key pattern (`session:*`), quoted so the shell does not glob it",
        "tls": "in-transit encryption on",
        "tlsFlag": "`--tls ` when TLS is on, else empty",
        "redisPort": "the port (6379 unless declared)",
        "isSessionStore": "`role: session-store`",
        "hasLocalContainer": "whether a local Docker container is named",
        "localContainer": "that container's name",
        "hasShellService": "whether an ECS service talks to it (the shell to run redis-cli in)",
        "shellService": "that service",
        "hasOtherService": "whether a second service talks to it (it survives the first one's rollout)",
        "otherService": "that second service",
        "rolledService": "the service whose rolling update the session check exercises",
        "hasRolledService": "whether there is one",
    ]
}

package struct SmokeTestContext: RunbookSectionContext {
    package var label: ProseText
    package var method: ShellWord
    package var url: String
    package var authorization: String
    package var expect: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "label": "what is called",
        "method": "the HTTP method",
        "url": "the URL, double-quoted, built from shell variables and URL-safe path text",
        "authorization": "the `-H` option with the token or cookie when the route is authorized, else empty",
        "expect": "the status codes that mean the route works",
    ]
}

package struct LoadTestContext: RunbookSectionContext {
    package var targets: [LoadTestTarget]
    package var requests: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "targets": "vegeta target lines (method, URL, header) from the entry points",
        "requests": "rate x duration",
    ]
}

package struct LoadTestTarget: RunbookSectionContext {
    package var line: String
    package var header: String
    package var hasHeader: Bool

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "line": "`METHOD URL`, with shell variables the unquoted heredoc expands",
        "header": "the authorization header line of an authorized route",
        "hasHeader": "whether the route needs one",
    ]
}

/// The migration runbook between two consecutive stages.
package struct MigrationContext: RunbookSectionContext {
    package var marker: String
    package var title: ProseText
    package var fromStage: ProseText
    package var toStage: ProseText
    package var fromTitle: ProseText
    package var toTitle: ProseText
    package var toDescription: String
    package var summary: String
    package var source: ShellWord
    package var create: StageContext
    package var hasCreates: Bool
    package var createdList: [ProseText]
    package var changes: [MigrationChange]
    package var hasChanges: Bool
    package var removals: [MigrationRemoval]
    package var hasRemovals: Bool
    package var hasAnything: Bool
    package var blockPrefix: String
    package var rollback: [MigrationRemoval]
    package var hasRollback: Bool
    package var confirmValue: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "marker": "the generated-file marker comment",
        "title": "the topology's title",
        "fromStage": "the stage migrated from",
        "toStage": "the stage migrated to",
        "fromTitle": "its title",
        "toTitle": "the new stage's title",
        "toDescription": "the new stage's Markdown description",
        "summary": "the diff in one line (added, changed, removed counts)",
        "source": "the topology file",
        "create": "the new stage's sections, restricted to what the migration adds or changes (same partials as the stage runbook)",
        "hasCreates": "whether anything is added",
        "createdList": "the added resources, in creation order",
        "changes": "changed resources with their update command",
        "hasChanges": "whether anything changed",
        "removals": "removed resources, dependents first, each with its delete commands",
        "hasRemovals": "whether anything is removed",
        "hasAnything": "whether the stages differ at all",
        "blockPrefix": "the prefix of the runbook's block names (`v2-to-v3-`)",
        "rollback": "the reverse path: what the migration added, dependents first, each with its delete commands",
        "hasRollback": "whether the migration added anything to remove on the way back",
        "confirmValue": "the value `CONFIRM_REMOVE` must have for the removal blocks to run (`V2-to-V3`)",
    ]
}

package struct MigrationChange: RunbookSectionContext {
    package var id: ProseText
    package var kind: String
    package var details: String
    package var command: String
    package var hasCommand: Bool

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the changed resource's id",
        "kind": "its kind",
        "details": "what changed (from the diff)",
        "command": "the command that applies it (ECS services), made of quoted words",
        "hasCommand": "whether there is one",
    ]
}

package struct MigrationRemoval: RunbookSectionContext {
    package var id: ProseText
    package var kindTitle: String
    package var commands: String
    package var hasCommands: Bool
    package var blockName: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the removed resource's id",
        "kindTitle": "its kind's title",
        "commands": "the look-up and delete commands, made of quoted words",
        "hasCommands": "whether Topograph knows how to delete the kind (else a note)",
        "blockName": "the removal block's name without the prefix (`remove-<id>`)",
    ]
}
