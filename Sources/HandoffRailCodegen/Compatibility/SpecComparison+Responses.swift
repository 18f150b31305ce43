import OpenAPIKit

extension SpecComparison {

    /// Compares the responses of an operation present in both documents.
    ///
    /// A removed status code is breaking; an added one is not, though
    /// clients should handle it. When success codes disappear and others
    /// appear (for example `200` becomes `201`), each pair is reported as
    /// one changed success status.
    mutating func compareResponses(_ old: OperationEntry, _ new: OperationEntry) {
        let oldResponses = Self.responseEntries(old, resolver: self.old)
        let newResponses = Self.responseEntries(new, resolver: self.new)
        var removed = oldResponses.keys.filter { newResponses[$0] == nil }.sorted()
        var added = newResponses.keys.filter { oldResponses[$0] == nil }.sorted()

        let removedSuccess = removed.filter(Self.isSuccess)
        let addedSuccess = added.filter(Self.isSuccess)
        for (oldCode, newCode) in zip(removedSuccess, addedSuccess) {
            removed.removeAll { $0 == oldCode }
            added.removeAll { $0 == newCode }
            record(
                .breaking,
                at: newResponses[newCode]!.pointer,
                "success status code changed from \(oldCode) to \(newCode); clients expecting \(oldCode) will treat the response as unexpected"
            )
        }
        for code in removed {
            record(
                .breaking,
                at: oldResponses[code]!.pointer,
                "response status \(code) was removed; clients handling it lose the generated case for it and may see undocumented responses"
            )
        }
        for code in added {
            record(
                .nonBreaking,
                at: newResponses[code]!.pointer,
                "response status \(code) was added; clients should handle it (existing generated clients treat it as undocumented)"
            )
        }
        for (code, oldResponse) in oldResponses {
            guard let newResponse = newResponses[code] else { continue }
            compareResponse(code, oldResponse, newResponse)
        }
    }

    /// Compares one response present in both documents: content and headers.
    private mutating func compareResponse(_ code: String, _ old: SpecResolved<OpenAPI.Response>, _ new: SpecResolved<OpenAPI.Response>) {
        compareContents(
            old.value.content,
            new.value.content,
            at: SpecPointerPair(old: old.pointer.appending("content"), new: new.pointer.appending("content")),
            usage: .response,
            subject: "response \(code)"
        )

        let oldHeaders = Self.headerEntries(old.value.headers, at: old.pointer, resolver: self.old)
        let newHeaders = Self.headerEntries(new.value.headers, at: new.pointer, resolver: self.new)
        for (name, header) in oldHeaders where newHeaders[name] == nil {
            record(.breaking, at: header.pointer, "response \(code) header '\(header.name)' was removed; clients reading it will no longer find it")
        }
        for (name, header) in newHeaders where oldHeaders[name] == nil {
            record(.nonBreaking, at: header.pointer, "response \(code) header '\(header.name)' was added; clients can ignore it")
        }
        for (name, oldHeader) in oldHeaders {
            guard let newHeader = newHeaders[name] else { continue }
            compareHeader(code, oldHeader, newHeader)
        }
    }

    /// Compares one response header present in both documents.
    private mutating func compareHeader(_ code: String, _ old: HeaderEntry, _ new: HeaderEntry) {
        let subject = "response \(code) header '\(new.name)'"
        switch (old.header.required, new.header.required) {
        case (true, false):
            record(.breaking, at: new.pointer.appending("required"), "\(subject) became optional; clients relying on its presence will break")
        case (false, true):
            record(.nonBreaking, at: new.pointer.appending("required"), "\(subject) became required; responses now always include it")
        default:
            break
        }
        switch (old.header.schemaOrContent, new.header.schemaOrContent) {
        case (.a(let oldContext), .a(let newContext)):
            compareSchemas(
                oldContext.schema.flattenToJsonSchema(),
                newContext.schema.flattenToJsonSchema(),
                at: SpecPointerPair(old: old.pointer.appending("schema"), new: new.pointer.appending("schema")),
                usage: .response
            )
        case (.b(let oldContent), .b(let newContent)):
            compareContents(
                oldContent,
                newContent,
                at: SpecPointerPair(old: old.pointer.appending("content"), new: new.pointer.appending("content")),
                usage: .response,
                subject: subject
            )
        default:
            record(.breaking, at: new.pointer, "\(subject) switched between 'schema' and 'content'; clients decode it the old way")
        }
    }

    /// A response header after following a `$ref` to `#/components/headers`.
    struct HeaderEntry: Sendable {

        /// The header name as written.
        var name: String

        /// The header.
        var header: OpenAPI.Header

        /// Where the header is defined.
        var pointer: SpecPointer
    }

    /// The responses of an operation keyed by status code (`200`, `2XX`,
    /// `default`), after following `$ref`s to `#/components/responses`.
    private static func responseEntries(_ entry: OperationEntry, resolver: SpecComponentResolver) -> [String: SpecResolved<OpenAPI.Response>] {
        var entries: [String: SpecResolved<OpenAPI.Response>] = [:]
        for (status, response) in entry.operation.responses {
            let code = status.rawValue.uppercased() == "DEFAULT" ? "default" : status.rawValue.uppercased()
            guard let resolved = resolver.resolve(response, at: entry.pointer.appending("responses", status.rawValue)) else { continue }
            entries[code] = resolved
        }
        return entries
    }

    /// The headers of a response keyed by lowercased name (header names are
    /// case-insensitive).
    private static func headerEntries(_ headers: OpenAPI.Header.Map?, at pointer: SpecPointer, resolver: SpecComponentResolver) -> [String: HeaderEntry] {
        var entries: [String: HeaderEntry] = [:]
        for (name, header) in headers ?? [:] {
            guard let resolved = resolver.resolve(header, at: pointer.appending("headers", name)) else { continue }
            entries[name.lowercased()] = HeaderEntry(name: name, header: resolved.value, pointer: resolved.pointer)
        }
        return entries
    }

    /// Whether a status code (`201`, `2XX`) denotes success.
    private static func isSuccess(_ code: String) -> Bool {
        code.hasPrefix("2")
    }
}
