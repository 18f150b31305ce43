import HandoffRailService
import Testing

/// Runs `body`, expects it to throw a ``ServiceError`` with `statusCode`, and returns the error
/// for further checks.
///
/// ```swift
/// let error = try await expectServiceError(404) { try await service.getTenant(.init(tenantId: "x"), caller: admin) }
/// #expect(error.detail.contains("not found"))
/// ```
@discardableResult
func expectServiceError<Result>(
    _ statusCode: Int,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () async throws -> Result
) async throws -> ServiceError {
    let error = try #require(
        await #expect(throws: ServiceError.self, sourceLocation: sourceLocation) { _ = try await body() },
        sourceLocation: sourceLocation
    )
    #expect(error.statusCode == statusCode, "\(error)", sourceLocation: sourceLocation)
    return error
}
