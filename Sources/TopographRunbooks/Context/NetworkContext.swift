import TopographModel

package struct IngressRuleContext: RunbookSectionContext {
    package var groupVariable: String
    package var port: String
    package var source: String
    package var label: ProseText

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "groupVariable": "the variable of the callee's security group",
        "port": "the TCP port the callee listens on",
        "source": "the caller's group variable (double-quoted) or `0.0.0.0/0` for users and the internet",
        "label": "the connection (`caller -> callee`)",
    ]
}

package struct GroupAttachmentContext: RunbookSectionContext {
    package var id: ShellWord
    package var name: ShellWord
    package var groupVariable: String
    package var currentVariable: String
    package var isRDS: Bool
    package var isAurora: Bool
    package var isRedis: Bool
    package var isEC2: Bool
    package var instanceVariable: String
    package var nameFilter: ShellWord
    package var groupsQuery: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the resource's id in the topology",
        "name": "its AWS name (DB identifier, replication group id, Name tag)",
        "groupVariable": "the variable of the group made for it",
        "currentVariable": "the variable holding the groups it has now",
        "isRDS": "an RDS instance",
        "isAurora": "an Aurora cluster",
        "isRedis": "an ElastiCache Redis replication group",
        "isEC2": "an EC2 instance found by its Name tag",
        "instanceVariable": "EC2: the variable of its instance id",
        "nameFilter": "EC2: the `describe-instances` filter on the Name tag",
        "groupsQuery": "Redis: the `describe-cache-clusters` query printing the groups of the replication group's first node",
    ]
}
