/// The small typed model of Swift code that translators produce and the renderer prints.
///
/// Declarations and statements are structured; expressions are text built by the
/// translators (they are short and their shape is fixed by the translator), except for
/// the few that need layout (multi-line string literals).

/// One generated source file.
package struct SwiftFile: Sendable, Hashable {
    package var name: String
    package var imports: [ImportDeclaration]
    package var declarations: [Declaration]

    package init(name: String, imports: [ImportDeclaration], declarations: [Declaration]) {
        self.name = name
        self.imports = imports
        self.declarations = declarations
    }
}

/// `import Foundation`, optionally only when the module exists (`#if canImport`).
package struct ImportDeclaration: Sendable, Hashable {
    package var module: String
    package var onlyIfAvailable: Bool = false
}

/// Access level of a declaration.
package enum AccessModifier: String, Sendable, Hashable {
    case `public`, `package`, `internal`, `fileprivate`, `private`
}

/// A declaration at file or type scope.
package indirect enum Declaration: Sendable, Hashable {
    case type(TypeDeclaration)
    case function(FunctionDeclaration)
    case property(PropertyDeclaration)
    case enumCase(EnumCaseDeclaration)
    case typeAlias(doc: [String], access: AccessModifier?, name: String, type: String)
    /// `// MARK: - title`
    case mark(String)
}

/// A struct, enum, protocol or extension.
package struct TypeDeclaration: Sendable, Hashable {
    package enum Kind: String, Sendable { case `struct`, `enum`, `protocol`, `extension` }

    package var doc: [String] = []
    package var access: AccessModifier?
    package var kind: Kind
    package var name: String
    package var conformances: [String] = []
    package var whereClause: String?
    package var members: [Declaration] = []
}

/// A function, initializer or protocol requirement (`body == nil`).
package struct FunctionDeclaration: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        case function(String)
        case initializer
    }

    package var doc: [String] = []
    /// `@discardableResult`, `@Sendable`, …
    package var attributes: [String] = []
    package var access: AccessModifier?
    package var isStatic = false
    package var kind: Kind
    package var isFailable = false
    package var genericParameters: String?
    package var parameters: [FunctionParameter] = []
    package var isAsync = false
    package var isThrowing = false
    package var returnType: String?
    package var whereClause: String?
    package var body: [Statement]?
}

/// `label name: Type = default`.
package struct FunctionParameter: Sendable, Hashable {
    /// `nil` renders as `_`; equal to `name` renders once.
    package var label: String?
    package var name: String
    package var type: String
    package var defaultValue: String?

    package init(label: String?, name: String, type: String, defaultValue: String? = nil) {
        self.label = label
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
    }
}

/// A stored or computed property.
package struct PropertyDeclaration: Sendable, Hashable {
    package var doc: [String] = []
    package var access: AccessModifier?
    package var isStatic = false
    package var isLet = true
    package var name: String
    package var type: String?
    package var initializer: Expression?
    /// A computed property's getter; `initializer` must then be `nil`.
    package var getter: [Statement]?
    /// For protocol requirements: `{ get }`.
    package var isRequirement = false
}

/// `case name(Type)` / `case name = "raw"`.
package struct EnumCaseDeclaration: Sendable, Hashable {
    package var doc: [String] = []
    package var name: String
    package var associatedValues: [(label: String?, type: String)] = []
    /// `case name = "raw"` for `String`-backed enums.
    package var rawValue: String?

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.doc == rhs.doc && lhs.name == rhs.name && lhs.rawValue == rhs.rawValue
            && lhs.associatedValues.map { "\($0.label ?? "_"):\($0.type)" }
                == rhs.associatedValues.map { "\($0.label ?? "_"):\($0.type)" }
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(doc)
        hasher.combine(name)
        hasher.combine(rawValue)
        for value in associatedValues {
            hasher.combine(value.label)
            hasher.combine(value.type)
        }
    }
}

/// An expression: short code text, or a multi-line raw string literal that needs layout.
package enum Expression: Sendable, Hashable, ExpressibleByStringLiteral {
    case code(String)
    /// `#"""` … `"""#` holding `text` verbatim.
    case rawMultilineString(String)

    package init(stringLiteral value: String) { self = .code(value) }
}

/// A statement inside a function or getter body.
package indirect enum Statement: Sendable, Hashable {
    case expression(String)
    case declaration(isLet: Bool, name: String, type: String?, value: Expression)
    case `return`(Expression?)
    case `if`(condition: String, then: [Statement], else: [Statement]?)
    case `guard`(condition: String, else: [Statement])
    case `switch`(subject: String, cases: [SwitchCase])
    case `for`(pattern: String, sequence: String, body: [Statement])
    case `throw`(String)
    case comment(String)
    case blankLine
}

/// One `case` of a `switch`; empty `patterns` is `default:`.
package struct SwitchCase: Sendable, Hashable {
    package var patterns: [String]
    package var body: [Statement]

    package init(_ patterns: [String], _ body: [Statement]) {
        self.patterns = patterns
        self.body = body
    }
}
