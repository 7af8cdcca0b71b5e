import Foundation

/// One file of a generated docs tree: where it goes (relative to the output directory)
/// and its bytes.
public struct GeneratedFile: Sendable, Hashable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    public init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
