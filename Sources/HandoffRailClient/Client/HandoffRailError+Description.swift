import Foundation
import HandoffRailModels

extension HandoffRailError: CustomStringConvertible, LocalizedError {
    /// One readable line: kind, status, operation, the server's detail (for validation every
    /// issue with its location), retry hint and request id. Never contains the API key.
    ///
    /// `validation (HTTP 422) in createPacket: body.metadata.source_agent.id: Field required`
    public var description: String {
        var line = kind.rawValue
        if let statusCode { line += " (HTTP \(statusCode))" }
        if let operationID { line += " in \(operationID)" }
        var explanation = summary
        if let reason, reason != explanation { explanation = explanation.isEmpty ? reason : "\(explanation) (\(reason))" }
        if !explanation.isEmpty { line += ": " + explanation }
        if let claimant { line += " — claimed by \(claimant.name) (\(claimant.id))" }
        if let retryAfter { line += "; retry after \(Self.seconds(retryAfter)) s" }
        if let requestID { line += " [request \(requestID)]" }
        return SecretRedaction.redact(line.replacingOccurrences(of: "\n", with: " "))
    }

    /// The same line as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }

    /// The server's message; for validation failures every issue as `location: message`.
    private var summary: String {
        let issues = validationIssues
        guard issues.isEmpty else {
            return issues.map { issue in issue.loc.isEmpty ? issue.msg : "\(issue.locationPath): \(issue.msg)" }.joined(separator: "; ")
        }
        return detail ?? ""
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}

/// Removes API keys from text that may end up in logs: plain keys (`hr_…`) and `api_key=`
/// query values (event-stream URLs carry the key there).
enum SecretRedaction {
    static func redact(_ text: String) -> String {
        var result = text
        for pattern in patterns {
            result = pattern.regex.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result), withTemplate: pattern.template)
        }
        return result
    }

    private struct Pattern: @unchecked Sendable {
        let regex: NSRegularExpression
        let template: String
    }

    private static let patterns: [Pattern] = [
        Pattern(regex: try! NSRegularExpression(pattern: "(api_key=)[^&\\s\"']+", options: [.caseInsensitive]), template: "$1[redacted]"),
        Pattern(regex: try! NSRegularExpression(pattern: "\\bhr_[A-Za-z0-9_\\-]+"), template: "hr_[redacted]"),
    ]
}

/// Classifies errors thrown by transports.
enum TransportFailure {
    /// Whether `error` is a timeout (`URLError.timedOut`, or anything calling itself one).
    static func isTimeout(_ error: any Error) -> Bool {
        if let urlError = error as? URLError { return urlError.code == .timedOut }
        let nsError = error as NSError
        if nsError.domain == NSURLErrorDomain { return nsError.code == NSURLErrorTimedOut }
        return String(describing: error).localizedCaseInsensitiveContains("timed out")
            || String(describing: type(of: error)).localizedCaseInsensitiveContains("timeout")
    }

    /// A short, secret-free explanation of `error`.
    static func summary(_ error: any Error) -> String {
        if let urlError = error as? URLError {
            return SecretRedaction.redact("\(urlError.localizedDescription) (URLError \(urlError.code.rawValue))")
        }
        return SecretRedaction.redact(String(describing: error))
    }
}
