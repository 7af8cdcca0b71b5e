/// What one import may cost, whatever the templates say. CloudFormation itself refuses a
/// template body over 1 MB, so no deployable value is larger than `maxValueBytes`; the
/// other limits sit far above what real templates (the shared corpus, CDK's output) reach.
/// Docs/import.md ("Limits") lists them with their diagnostic codes.
package struct ImportLimits: Sendable {
    /// Text one `!Sub`, `!Join` or `!FindInMap` may build.
    package var maxValueBytes = 1 << 20
    /// Text all of one template's functions may build together.
    package var maxTemplateBytes = 64 << 20
    /// Intrinsic functions nested in each other, following `!FindInMap` and nested outputs.
    package var maxFunctionDepth = 32
    /// Nested stacks below a template given on the command line.
    package var maxNestingDepth = 8
    /// Stacks opened by one import, nested ones included.
    package var maxStacks = 200

    package init() {}

    package static let `default` = ImportLimits()
}
