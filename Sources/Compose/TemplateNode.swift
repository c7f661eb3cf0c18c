import DossierCore

/// The namespace of template instructions: `xmlns:t="urn:dossier:template"`.
public let templateNamespace = "urn:dossier:template"

/// One compiled piece of a template: output markup or an instruction, with where it was written.
indirect enum TemplateNode: Sendable {
    case element(ElementTemplate)
    case text(String)
    case forEach(path: TemplatePath, variable: String, body: [TemplateNode], at: SourceLocation)
    case conditional(test: TemplateTest, then: [TemplateNode], otherwise: [TemplateNode], at: SourceLocation)
    case value(TemplatePath, at: SourceLocation)
    case catalogText(key: String, mode: BilingualMode, at: SourceLocation)
    case localized(TemplatePath, mode: BilingualMode, at: SourceLocation)
    /// An ISO date written as each language writes a date standing alone (`format.date_long`): a letter's date line.
    case date(TemplatePath, mode: BilingualMode, at: SourceLocation)
}

/// An output element whose attributes may hold `{path}` placeholders.
struct ElementTemplate: Sendable {
    var name: String
    var attributes: [AttributeTemplate]
    var children: [TemplateNode]
}

/// An output attribute; each placeholder carries its own source location.
struct AttributeTemplate: Sendable {
    var name: String
    var value: LocatedInterpolation
}

/// Interpolated text whose placeholders know where they were written.
struct LocatedInterpolation: Sendable {
    enum Part: Sendable {
        case literal(String)
        case path(TemplatePath, at: SourceLocation)
    }
    var parts: [Part]
}

/// A `t:if` test: `[!][?]path`. `?` lets a null leaf count as false (the key itself must still exist).
struct TemplateTest: Sendable, Hashable {
    var path: TemplatePath
    var negated: Bool
    var optional: Bool

    init?(_ text: String) {
        var rest = Substring(text.trimmingSpaces)
        negated = rest.first == "!"
        if negated { rest = rest.dropFirst() }
        optional = rest.first == "?"
        if optional { rest = rest.dropFirst() }
        guard let path = TemplatePath(String(rest)) else { return nil }
        self.path = path
    }
}
