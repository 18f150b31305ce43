import Foundation

/// The `format` values the engine asserts (when format assertion is on), each mapped to
/// the pydantic error type its failure reports.
///
/// Unknown formats are annotations only, as the specification requires.
///
/// ```swift
/// SchemaFormat(name: "uuid")?.failure(for: "nope")   // "invalid character: found `n` at 1"
/// ```
enum SchemaFormat: Sendable {
    case dateTime, date, time, uuid, uri, uriReference, email, ipv4, ipv6, hostname, regex

    init?(name: String) {
        switch name {
        case "date-time": self = .dateTime
        case "date": self = .date
        case "time": self = .time
        case "uuid": self = .uuid
        case "uri": self = .uri
        case "uri-reference": self = .uriReference
        case "email": self = .email
        case "ipv4": self = .ipv4
        case "ipv6": self = .ipv6
        case "hostname": self = .hostname
        case "regex": self = .regex
        default: return nil
        }
    }

    /// `nil` when `string` conforms, otherwise the reason (without the pydantic message prefix).
    func failure(for string: String) -> String? {
        switch self {
        case .dateTime: return RFC3339.dateTimeFailure(string)
        case .date: return RFC3339.fullDateFailure(string)
        case .time: return RFC3339.fullTimeFailure(string)
        case .uuid: return Self.uuidFailure(string)
        case .uri: return URIGrammar.uriFailure(string)
        case .uriReference: return URIGrammar.uriReferenceFailure(string)
        case .email: return Self.emailFailure(string)
        case .ipv4: return URIGrammar.ipv4Failure(string)
        case .ipv6: return URIGrammar.ipv6Failure(string)
        case .hostname: return URIGrammar.hostnameFailure(string)
        case .regex: return (try? ECMARegex(string)) == nil ? "invalid regular expression" : nil
        }
    }

    /// The pydantic-style issue for a failure `reason`.
    func issue(reason: String, input: JSONValue, loc: [JSONPathComponent]) -> ValidationIssue {
        let ctx: [String: JSONValue] = ["error": .string(reason)]
        switch self {
        case .dateTime:
            return ValidationIssue(type: "datetime_parsing", loc: loc, msg: "Input should be a valid datetime, \(reason)", input: input, ctx: ctx)
        case .date:
            return ValidationIssue(type: "date_parsing", loc: loc, msg: "Input should be a valid date, \(reason)", input: input, ctx: ctx)
        case .time:
            return ValidationIssue(type: "time_parsing", loc: loc, msg: "Input should be in a valid time format, \(reason)", input: input, ctx: ctx)
        case .uuid:
            return ValidationIssue(type: "uuid_parsing", loc: loc, msg: "Input should be a valid UUID, \(reason)", input: input, ctx: ctx)
        case .uri:
            return ValidationIssue(type: "url_parsing", loc: loc, msg: "Input should be a valid URL, \(reason)", input: input, ctx: ctx)
        case .uriReference:
            return ValidationIssue(type: "url_parsing", loc: loc, msg: "Input should be a valid URL reference, \(reason)", input: input, ctx: ctx)
        case .email:
            return ValidationIssue(type: "value_error", loc: loc, msg: "value is not a valid email address: \(reason)", input: input,
                                   ctx: ["reason": .string(reason)])
        case .ipv4:
            return ValidationIssue(type: "ip_v4_address", loc: loc, msg: "Input is not a valid IPv4 address", input: input, ctx: ctx)
        case .ipv6:
            return ValidationIssue(type: "ip_v6_address", loc: loc, msg: "Input is not a valid IPv6 address", input: input, ctx: ctx)
        case .hostname:
            return ValidationIssue(type: "value_error", loc: loc, msg: "value is not a valid hostname: \(reason)", input: input,
                                   ctx: ["reason": .string(reason)])
        case .regex:
            return ValidationIssue(type: "pattern_type", loc: loc, msg: "Input should be a valid regular expression", input: input, ctx: ctx)
        }
    }

    // MARK: - uuid (RFC 9562 textual form, any version/variant)

    static func uuidFailure(_ string: String) -> String? {
        for (offset, scalar) in string.unicodeScalars.enumerated()
        where scalar != "-" && !(scalar.isASCII && URIGrammar.hexValue(UInt8(scalar.value)) != nil) {
            return "invalid character: found `\(scalar.escaped(asASCII: false))` at \(offset + 1)"
        }
        let bytes = Array(string.utf8)
        let groups = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        if groups.count == 1 {
            return bytes.count == 32 ? "invalid group count: expected 5, found 1"
                : "invalid length: expected length 32 for simple format, found \(bytes.count)"
        }
        guard groups.count == 5 else { return "invalid group count: expected 5, found \(groups.count)" }
        let expected = [8, 4, 4, 4, 12]
        for (offset, group) in groups.enumerated() where group.count != expected[offset] {
            return "invalid group length in group \(offset): expected \(expected[offset]), found \(group.count)"
        }
        return nil
    }

    // MARK: - email (RFC 5321 Mailbox: dot-atom or quoted local part; domain or address literal)

    static func emailFailure(_ string: String) -> String? {
        let bytes = Array(string.utf8)
        guard bytes.contains(UInt8(ascii: "@")) else { return "An email address must have an @-sign." }
        var index = 0
        if bytes.first == UInt8(ascii: "\"") {
            index = 1
            var closed = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.count, bytes[index + 1] >= 0x20, bytes[index + 1] < 0x7F else {
                        return "The quoted local part contains an invalid escape."
                    }
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { closed = true; index += 1; break }
                guard byte >= 0x20, byte < 0x7F else { return "The quoted local part contains invalid characters." }
                index += 1
            }
            guard closed else { return "The quoted local part is not terminated." }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "@") else {
                return "The quoted local part must be followed by the @-sign."
            }
        } else {
            guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return "An email address must have an @-sign." }
            let local = bytes[..<at]
            guard !local.isEmpty else { return "There must be something before the @-sign." }
            if local.first == UInt8(ascii: ".") { return "An email address cannot start with a period." }
            if local.last == UInt8(ascii: ".") { return "An email address cannot have a period immediately before the @-sign." }
            for (offset, byte) in local.enumerated() {
                if byte == UInt8(ascii: "."), offset > 0, local[local.startIndex + offset - 1] == UInt8(ascii: ".") {
                    return "An email address cannot have two periods in a row."
                }
                guard isAtext(byte) || byte == UInt8(ascii: ".") else {
                    return "The email address contains invalid characters before the @-sign."
                }
            }
            index = at
        }
        let domain = bytes[(index + 1)...]
        guard !domain.isEmpty else { return "There must be something after the @-sign." }
        if domain.first == UInt8(ascii: "[") {
            guard domain.last == UInt8(ascii: "]") else { return "The domain address literal is not terminated." }
            let literal = String(decoding: domain.dropFirst().dropLast(), as: UTF8.self)
            if literal.hasPrefix("IPv6:") {
                return URIGrammar.ipv6Failure(String(literal.dropFirst(5))) == nil ? nil : "The domain address literal is not a valid IPv6 address."
            }
            return URIGrammar.ipv4Failure(literal) == nil ? nil : "The domain address literal is not a valid IPv4 address."
        }
        if URIGrammar.hostnameFailure(String(decoding: domain, as: UTF8.self)) != nil {
            return "The part after the @-sign is not valid."
        }
        return nil
    }

    /// RFC 5322 `atext`.
    private static func isAtext(_ byte: UInt8) -> Bool {
        if URIGrammar.isAlpha(byte) || URIGrammar.isDigit(byte) { return true }
        return "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }
}
