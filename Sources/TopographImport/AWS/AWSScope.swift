/// What part of the account `import aws` reads: one VPC (`--vpc`), resources carrying
/// every tag given (`--tag KEY=VALUE`), or everything in the region.
package struct AWSScope: Sendable, Hashable {
    package var vpc: String?
    package var tags: [AWSTag]
    /// Read only what these kinds need (drift: the kinds the topology documents); nil: all.
    package var kinds: Set<String>?

    package init(vpc: String? = nil, tags: [AWSTag] = [], kinds: Set<String>? = nil) {
        self.vpc = vpc
        self.tags = tags
        self.kinds = kinds
    }

    package var isWholeRegion: Bool { vpc == nil && tags.isEmpty }
}

package struct AWSTag: Sendable, Hashable, CustomStringConvertible {
    package var key: String
    package var value: String

    package init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// `KEY=VALUE` (the value may hold `=`); nil when there is no `=` or no key.
    package init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        key = String(argument[..<equals])
        value = String(argument[argument.index(after: equals)...])
    }

    package var description: String { "\(key)=\(value)" }
}
