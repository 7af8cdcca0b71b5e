// The library product `TopographCore` is the layers together; a tool embedding Topograph
// imports this one module and sees the pipeline as the CLI does.
@_exported import TopographModel
@_exported import TopographInput
@_exported import TopographDiagram
@_exported import TopographLint
@_exported import TopographDiff
@_exported import TopographRunbooks
@_exported import TopographHTML
@_exported import TopographDocs
@_exported import TopographImport
