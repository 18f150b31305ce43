/// A generated type whose schema sits in `SpecSchemas.document`; the generated extension
/// adds `validate(_:)`.
public protocol SpecValidatable {
    /// JSON pointer of the type's schema inside `SpecSchemas.document`.
    static var schemaPointer: String { get }
}
