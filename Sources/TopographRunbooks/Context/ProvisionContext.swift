import TopographModel

/// One resource of the messaging, event, key, secret, storage and alarm kinds the runbook
/// creates: a look-up by its declared name, a create when the look-up finds nothing, then
/// the declared attributes set (each call idempotent, so a rerun changes nothing). The
/// commands are built by `RunbookBuilder+Provision` with every value quoted as one shell
/// word (`ShellQuote.word`); AWS-assigned values are shell variables the block assigns.
package struct ProvisionContext: RunbookSectionContext {
    package var kindTitle: String
    package var label: ProseText
    package var name: ShellWord
    package var blockName: String
    /// What the block sets beyond the name, for the prose (`visibility timeout 180 s, ...`).
    package var declared: ProseText
    package var commands: String
    /// A second block an operator runs on purpose (a secret's value from a file), else empty.
    package var operatorBlock: String
    package var hasOperatorBlock: Bool
    package var operatorBlockName: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "kindTitle": "the kind's title (`SQS queue`)", "label": "the resource's id", "name": "its AWS name (or alias)",
        "blockName": "the block's name after the prefix (`create-order-queue`)",
        "declared": "the declared attributes the block sets, as prose",
        "commands": "look-up, create when missing, set the declared attributes (values quoted)",
        "operatorBlock": "commands an operator runs on purpose with an input of theirs (a secret value from a file)",
        "hasOperatorBlock": "whether there is such a block", "operatorBlockName": "its block name",
    ]
}

/// A resource the stage declares and the runbook does not create (it takes an IAM role, a
/// definition, a launch template or tens of minutes of provisioning that belong to the
/// team's infrastructure code): the command that finds it by its declared name, and a guard
/// that stops the block with what is missing.
package struct FoundResourceContext: RunbookSectionContext {
    package var kindTitle: String
    package var label: ProseText
    package var name: ShellWord
    package var variable: String
    package var lookup: String
    package var guardLine: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "kindTitle": "the kind's title", "label": "the resource's id", "name": "its AWS name",
        "variable": "the shell variable the look-up assigns", "lookup": "the command that finds it (prints `None` when absent)",
        "guardLine": "`: \"${X:?...}\"`: stops the block, naming what to create",
    ]
}
