import Foundation

/// Strict RFC 3986 / RFC 791 / RFC 4291 / RFC 1123 syntax checks for the `uri`,
/// `uri-reference`, `ipv4`, `ipv6` and `hostname` formats.
///
/// Each function returns `nil` for valid input or a short reason (used in the
/// `url_parsing` message). `Foundation.URL` is deliberately not used: it accepts and
/// repairs many strings that are not URIs (spaces, backslashes, non-ASCII).
///
/// ```swift
/// URIGrammar.uriFailure("http://example.com/a b")   // "invalid character ' '"
/// URIGrammar.ipv4Failure("192.168.0.1")             // nil
/// ```
enum URIGrammar {
    /// `nil` if `text` is an absolute URI (RFC 3986 `URI`).
    static func uriFailure(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let colon = schemeEnd(bytes) else { return "relative URL without a base" }
        if let failure = schemeFailure(bytes[..<colon]) { return failure }
        return hierarchicalFailure(bytes[(colon + 1)...], relative: false)
    }

    /// `nil` if `text` is a URI or a relative reference (RFC 3986 `URI-reference`).
    static func uriReferenceFailure(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        if let colon = schemeEnd(bytes), schemeFailure(bytes[..<colon]) == nil {
            return hierarchicalFailure(bytes[(colon + 1)...], relative: false)
        }
        return hierarchicalFailure(bytes[...], relative: true)
    }

    /// Index of the `:` ending a scheme, if the text starts with something scheme-like.
    private static func schemeEnd(_ bytes: [UInt8]) -> Int? {
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: ":"): return offset == 0 ? nil : offset
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return nil
            default: continue
            }
        }
        return nil
    }

    private static func schemeFailure(_ scheme: ArraySlice<UInt8>) -> String? {
        guard let first = scheme.first, isAlpha(first) else { return "scheme must start with a letter" }
        for byte in scheme where !(isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")) {
            return "invalid character in scheme"
        }
        return nil
    }

    /// Everything after `scheme:` (or a whole relative reference).
    private static func hierarchicalFailure(_ rest: ArraySlice<UInt8>, relative: Bool) -> String? {
        var rest = rest
        var fragment: ArraySlice<UInt8>? = nil
        var query: ArraySlice<UInt8>? = nil
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            fragment = rest[(hash + 1)...]
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            query = rest[(question + 1)...]
            rest = rest[..<question]
        }
        var path = rest
        if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let authorityStart = rest.startIndex + 2
            let authorityEnd = rest[authorityStart...].firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            if let failure = authorityFailure(rest[authorityStart..<authorityEnd]) { return failure }
            path = rest[authorityEnd...]
        } else if relative {
            // path-noscheme: the first segment must not contain ':'
            let firstSegmentEnd = path.firstIndex(of: UInt8(ascii: "/")) ?? path.endIndex
            if path[..<firstSegmentEnd].contains(UInt8(ascii: ":")) { return "relative URL without a base" }
        }
        for byte in path where byte != UInt8(ascii: "/") && !isPathByte(byte) {
            return invalidCharacter(byte)
        }
        if let failure = percentFailure(path) { return failure }
        for part in [query, fragment].compactMap({ $0 }) {
            for byte in part where !(isPathByte(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?")) {
                return invalidCharacter(byte)
            }
            if let failure = percentFailure(part) { return failure }
        }
        return nil
    }

    private static func authorityFailure(_ authority: ArraySlice<UInt8>) -> String? {
        var hostPort = authority
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            let userinfo = authority[..<at]
            for byte in userinfo where !(isUnreserved(byte) || isSubDelim(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "%")) {
                return "invalid character in userinfo"
            }
            if let failure = percentFailure(userinfo) { return failure }
            hostPort = authority[(at + 1)...]
        }
        var port: ArraySlice<UInt8> = []
        if hostPort.first == UInt8(ascii: "[") {
            guard let close = hostPort.firstIndex(of: UInt8(ascii: "]")) else { return "invalid IPv6 address" }
            let literal = String(decoding: hostPort[(hostPort.startIndex + 1)..<close], as: UTF8.self)
            if literal.hasPrefix("v") || literal.hasPrefix("V") {
                if !isIPvFuture(literal) { return "invalid IP literal" }
            } else if ipv6Failure(literal) != nil {
                return "invalid IPv6 address"
            }
            let after = hostPort[(close + 1)...]
            if !after.isEmpty {
                guard after.first == UInt8(ascii: ":") else { return "invalid character after IP literal" }
                port = after.dropFirst()
            }
        } else {
            var host = hostPort
            if let colon = hostPort.lastIndex(of: UInt8(ascii: ":")) {
                host = hostPort[..<colon]
                port = hostPort[(colon + 1)...]
            }
            for byte in host where !(isUnreserved(byte) || isSubDelim(byte) || byte == UInt8(ascii: "%")) {
                return byte == UInt8(ascii: " ") ? "invalid international domain name" : invalidCharacter(byte)
            }
            if let failure = percentFailure(host) { return failure }
        }
        for byte in port where !isDigit(byte) { return "invalid port number" }
        return nil
    }

    private static func isIPvFuture(_ literal: String) -> Bool {
        let bytes = Array(literal.utf8.dropFirst())
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), dot > 0, dot < bytes.count - 1 else { return false }
        return bytes[..<dot].allSatisfy { hexValue($0) != nil }
            && bytes[(dot + 1)...].allSatisfy { isUnreserved($0) || isSubDelim($0) || $0 == UInt8(ascii: ":") }
    }

    private static func percentFailure(_ bytes: ArraySlice<UInt8>) -> String? {
        var index = bytes.startIndex
        while let percent = bytes[index...].firstIndex(of: UInt8(ascii: "%")) {
            guard percent + 2 < bytes.endIndex, hexValue(bytes[percent + 1]) != nil, hexValue(bytes[percent + 2]) != nil else {
                return "invalid percent-encoding"
            }
            index = percent + 3
        }
        return nil
    }

    private static func invalidCharacter(_ byte: UInt8) -> String {
        byte < 0x80 && byte >= 0x20 ? "invalid character '\(Character(Unicode.Scalar(byte)))'" : "invalid character (non-ASCII or control)"
    }

    // MARK: - Character classes (RFC 3986 section 2)

    /// The value of an ASCII hex digit, or `nil`.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    static func isUnreserved(_ byte: UInt8) -> Bool {
        isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }
    static func isSubDelim(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }
    /// `pchar` plus `%` (percent triplets are checked separately).
    static func isPathByte(_ byte: UInt8) -> Bool {
        isUnreserved(byte) || isSubDelim(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "%")
    }

    // MARK: - IP addresses and host names

    /// `nil` if `text` is a dotted-quad IPv4 address (no leading zeros, ASCII digits only).
    static func ipv4Failure(_ text: String) -> String? {
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return "expected 4 dot-separated octets" }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(isDigit) else { return "invalid octet" }
            if part.count > 1 && part.first == UInt8(ascii: "0") { return "octet with a leading zero" }
            let value = part.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            if value > 255 { return "octet out of range" }
        }
        return nil
    }

    /// `nil` if `text` is an RFC 4291 IPv6 address (with `::` compression and an optional trailing IPv4).
    static func ipv6Failure(_ text: String) -> String? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 < 0x80 }) else { return "invalid character" }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return "more than one '::'" }
        var groupCount = 0
        for (halfIndex, half) in halves.enumerated() {
            if half.isEmpty { continue }
            let groups = half.split(separator: ":", omittingEmptySubsequences: false)
            for (offset, group) in groups.enumerated() {
                let isLast = halfIndex == halves.count - 1 && offset == groups.count - 1
                if isLast && group.contains(".") {
                    if ipv4Failure(String(group)) != nil { return "invalid embedded IPv4 address" }
                    groupCount += 2
                    continue
                }
                guard (1...4).contains(group.utf8.count), group.utf8.allSatisfy({ hexValue($0) != nil }) else {
                    return "invalid group"
                }
                groupCount += 1
            }
        }
        if halves.count == 2 ? groupCount > 7 : groupCount != 8 { return "wrong number of groups" }
        return nil
    }

    /// `nil` if `text` is an RFC 1123 host name (labels of letters, digits and inner hyphens, ≤ 63 and ≤ 253 bytes,
    /// no trailing dot). IDNA rules for `xn--` labels are not checked.
    static func hostnameFailure(_ text: String) -> String? {
        let name = Substring(text)
        guard !name.isEmpty else { return "empty host name" }
        guard name.utf8.count <= 253 else { return "host name longer than 253 characters" }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            let bytes = label.utf8
            guard !bytes.isEmpty else { return "empty label" }
            guard bytes.count <= 63 else { return "label longer than 63 characters" }
            guard bytes.allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "-") }) else { return "invalid character in label" }
            if bytes.first == UInt8(ascii: "-") || bytes.last == UInt8(ascii: "-") { return "label starts or ends with a hyphen" }
            let array = Array(bytes)
            if array.count >= 4, array[2] == UInt8(ascii: "-"), array[3] == UInt8(ascii: "-"),
               !(array[0] | 0x20 == UInt8(ascii: "x") && array[1] | 0x20 == UInt8(ascii: "n")) {
                return "label has '--' in the third and fourth positions"
            }
        }
        return nil
    }
}
