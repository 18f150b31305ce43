extension JSONValue {
    /// Parses JSON text that the generator embedded in generated code.
    ///
    /// The text was produced from the spec by the generator and is checked by the test
    /// suite, so a failure here means generated code was edited by hand: it stops loudly.
    public static func embedded(_ text: String) -> JSONValue {
        do {
            return try JSONValue(parsing: text)
        } catch {
            fatalError("Generated JSON is invalid (\(error)); regenerate with handoffrail-codegen instead of editing it.")
        }
    }
}

extension JSONSchemaValidator {
    /// Compiles a schema the generator embedded in generated code (see `JSONValue.embedded`).
    public static func embedded(_ schema: JSONValue) -> JSONSchemaValidator {
        do {
            return try JSONSchemaValidator(schema: schema, defaultDraft: .draft2020_12, assertFormats: true)
        } catch {
            fatalError("Generated schema bundle does not compile (\(error)); regenerate with handoffrail-codegen.")
        }
    }
}
