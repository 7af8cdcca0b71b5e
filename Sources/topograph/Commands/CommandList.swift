import ArgumentParser

/// Every subcommand, in the order `--help` lists them. Adding a command is one line here.
extension TopographCommand {
    static let commandList: [ParsableCommand.Type] = [
        ValidateCommand.self,
        RenderCommand.self,
        RunbookCommand.self,
        LintCommand.self,
        RulesCommand.self,
        DiffCommand.self,
        DriftCommand.self,
        ImportCommand.self,
        KindsCommand.self,
        DiagnosticsCommand.self,
        SchemaCommand.self,
        GenerateCommand.self,
        CheckCommand.self,
        ServeCommand.self,
    ]
}
