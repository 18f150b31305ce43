import HandoffRailModels

/// Finds the spec operation a request is for, from its method and path, so the middleware
/// can apply the operation's authentication, minimum role and transport before routing.
///
/// Templates are split into segments once; a request is matched segment by segment without
/// regular expressions. Where two templates fit, literal segments win over parameters,
/// left to right (`/api/v1/packets/awaiting` before `/api/v1/packets/{packet_id}`), as the
/// router does.
///
/// ```swift
/// let matcher = OperationMatcher()
/// matcher.match(method: "GET", path: "/api/v1/packets/awaiting")?.id  // "listAwaitingPackets"
/// ```
struct OperationMatcher: Sendable {
    private enum Segment: Sendable, Hashable {
        case literal(Substring)
        case parameter
    }

    private struct Template: Sendable {
        var segments: [Segment]
        var operation: OperationDescriptor
    }

    /// Templates by method, then by segment count, most literal first.
    private let templates: [String: [Int: [Template]]]

    /// A matcher over `operations` plus the `/api/v1` aliases of the streaming transports.
    init(operations: [OperationDescriptor] = Operations.all) {
        var templates: [String: [Int: [Template]]] = [:]
        for operation in operations + Self.streamingAliases(of: operations) {
            let segments = Self.split(operation.path).map { part -> Segment in
                part.first == "{" && part.last == "}" ? .parameter : .literal(part)
            }
            templates[operation.method.uppercased(), default: [:]][segments.count, default: []]
                .append(Template(segments: segments, operation: operation))
        }
        // Literal before parameter at the first segment where two templates differ.
        self.templates = templates.mapValues { byCount in
            byCount.mapValues { list in
                list.sorted { left, right in
                    for (l, r) in zip(left.segments, right.segments) where (l == .parameter) != (r == .parameter) {
                        return r == .parameter
                    }
                    return false
                }
            }
        }
    }

    /// The operation for `method` and `path` (no query string), or `nil` for an unknown route.
    func match(method: String, path: String) -> OperationDescriptor? {
        let parts = Self.split(path)
        guard let candidates = templates[method]?[parts.count] else { return nil }
        for template in candidates where Self.fits(parts, template.segments) {
            return template.operation
        }
        return nil
    }

    private static func fits(_ parts: [Substring], _ segments: [Segment]) -> Bool {
        for (part, segment) in zip(parts, segments) {
            if case .literal(let literal) = segment, literal != part { return false }
        }
        return true
    }

    private static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// SSE and WebSocket are also reachable under `/api/v1` (`/api/v1/events`, `/api/v1/ws`),
    /// with the same rules as their root paths.
    private static func streamingAliases(of operations: [OperationDescriptor]) -> [OperationDescriptor] {
        operations.compactMap { operation in
            guard operation.transport != nil, !operation.path.hasPrefix("/api/v1/") else { return nil }
            var alias = operation
            alias.path = "/api/v1" + operation.path
            return alias
        }
    }
}
