import Foundation

/// One file of a generated docs tree: where it goes (relative to the output directory)
/// and its bytes.
package struct GeneratedFile: Sendable, Hashable {
    package var path: String
    package var data: Data

    package init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    package init(path: String, text: String) {
        self.init(path: path, data: Data(text.utf8))
    }
}
