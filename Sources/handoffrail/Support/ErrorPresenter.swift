import Foundation
import HandoffRailClient
import HandoffRailModels
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Turns whatever a command threw into a ``CLIFailure``: one readable line, the exit status
/// (1 API error, 2 usage error, 3 connection error) and the full server answer for `--verbose`.
///
/// ```swift
/// let failure = ErrorPresenter(serverURL: settings.serverURL.value).failure(for: error)
/// ```
struct ErrorPresenter: Sendable {
    /// The server the command talked to, named in connection errors.
    var serverURL: String

    func failure(for error: any Error) -> CLIFailure {
        switch error {
        case let failure as CLIFailure:
            return failure
        case let error as HandoffRailError:
            return failure(for: error)
        case let error as URLError:
            return failure(for: HandoffRailError.transport(error, operationID: nil))
        case is DecodingError, is JSONParseError:
            return CLIFailure(status: .apiError, message: "the server's answer could not be read: \(error)")
        default:
            return CLIFailure(status: .apiError, message: String(describing: error))
        }
    }

    private func failure(for error: HandoffRailError) -> CLIFailure {
        switch error.kind {
        case .connection, .timeout:
            let what = error.kind == .timeout ? "no answer in time from" : "cannot connect to"
            return CLIFailure(status: .connectionError, message: "\(what) \(serverURL): \(error.reason ?? error.description)")
        default:
            return CLIFailure(status: .apiError, message: error.description, verboseDetail: Self.verboseBody(error.body))
        }
    }

    /// The server's whole error answer as indented JSON (or text when it was not JSON).
    static func verboseBody(_ body: APIErrorBody?) -> String? {
        func render(_ value: some Encodable) -> String? {
            guard let data = try? HandoffRailJSON.encode(value), let json = try? JSONValue(parsing: data) else { return nil }
            return PrettyJSON.render(json)
        }
        switch body {
        case .errorDetail(let value)?: return render(value)
        case .httpValidationError(let value)?: return render(value)
        case .rateLimitError(let value)?: return render(value)
        case .payloadTooLargeError(let value)?: return render(value)
        case .unprocessableError(let value)?: return render(value)
        case .claimConflictError(let value)?: return render(value)
        case .readinessStatus(let value)?: return render(value)
        case .undocumented(let data)?:
            if let json = try? JSONValue(parsing: data) { return PrettyJSON.render(json) }
            return String(decoding: data, as: UTF8.self)
        case .empty?, nil: return nil
        }
    }
}
