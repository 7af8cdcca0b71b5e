extension Unicode.Scalar {
    /// Control, format and unassigned characters: invisible in a label, and able to confuse
    /// a renderer's lexer (a line separator inside a Mermaid label, a bidi override in SVG).
    /// Renderers write them as numeric character references (or drop C0 controls).
    package var isInvisibleInLabels: Bool {
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: true
        default: false
        }
    }
}
