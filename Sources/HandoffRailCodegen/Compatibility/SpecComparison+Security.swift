import OpenAPIKit

extension SpecComparison {

    /// One way to satisfy an operation's security: every listed scheme
    /// (with the listed scopes) at once. An empty alternative means
    /// anonymous access.
    typealias SecurityAlternative = [String: Set<String>]

    /// Compares the effective security of an operation (its own `security`,
    /// else the document's).
    ///
    /// A client satisfies one old alternative. The change is breaking when
    /// some old alternative is no longer enough, that is when no new
    /// alternative asks for a subset of its schemes and scopes; in
    /// particular when an operation that allowed anonymous calls now
    /// requires credentials.
    mutating func compareSecurity(_ old: OperationEntry, _ new: OperationEntry) {
        let oldAlternatives = Self.securityAlternatives(old.operation.security ?? oldDocument.security)
        let newAlternatives = Self.securityAlternatives(new.operation.security ?? newDocument.security)
        guard Set(oldAlternatives) != Set(newAlternatives) else { return }

        let pointer = new.operation.security != nil || newDocument.security.isEmpty
            ? new.pointer.appending("security")
            : SpecPointer.root.appending("security")
        let oldText = Self.describe(oldAlternatives)
        let newText = Self.describe(newAlternatives)
        let stranded = oldAlternatives.filter { oldAlternative in
            !newAlternatives.contains { Self.isSatisfied($0, by: oldAlternative) }
        }
        if stranded.isEmpty {
            record(.nonBreaking, at: pointer, "security relaxed from \(oldText) to \(newText); every client that authenticated before still can")
        } else if oldAlternatives.contains([:]) {
            record(.breaking, at: pointer, "security requirement added (\(newText)) to an operation that had none; clients calling it without credentials will be rejected")
        } else {
            record(.breaking, at: pointer, "security changed from \(oldText) to \(newText); clients authenticating with \(Self.describe(stranded)) will be rejected")
        }
    }

    /// Whether a client holding `credentials` meets `requirement`.
    private static func isSatisfied(_ requirement: SecurityAlternative, by credentials: SecurityAlternative) -> Bool {
        requirement.allSatisfy { scheme, scopes in
            credentials[scheme].map { scopes.isSubset(of: $0) } ?? false
        }
    }

    /// The alternatives of a `security` list; an empty list means anonymous access.
    private static func securityAlternatives(_ requirements: [OpenAPI.SecurityRequirement]) -> [SecurityAlternative] {
        guard !requirements.isEmpty else { return [[:]] }
        return requirements.map { requirement in
            var alternative: SecurityAlternative = [:]
            for (reference, scopes) in requirement {
                let name = SpecComponentResolver.componentName(of: reference) ?? reference.absoluteString
                alternative[name, default: []].formUnion(scopes)
            }
            return alternative
        }
    }

    /// `none`, `'bearerAuth'`, `'apiKey' + 'oauth' (read, write)`, alternatives joined by `or`.
    private static func describe(_ alternatives: [SecurityAlternative]) -> String {
        alternatives.map { alternative in
            guard !alternative.isEmpty else { return "none" }
            return alternative.keys.sorted().map { scheme in
                let scopes = alternative[scheme, default: []].sorted()
                return scopes.isEmpty ? "'\(scheme)'" : "'\(scheme)' (\(scopes.joined(separator: ", ")))"
            }.joined(separator: " + ")
        }.joined(separator: " or ")
    }
}
