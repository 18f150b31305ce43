import Foundation
import HandoffRailModels
import HandoffRailStorage

extension HandoffRailService {
    /// Makes the idempotency record of a first answer, to be committed with the change.
    typealias IdempotencyRecordMaker<Result> = (Result) throws -> IdempotencyRecord

    /// Runs a create at most once per `Idempotency-Key` (per tenant, within
    /// `configuration.idempotencyWindow`): a retry with the same key and body gets the first
    /// answer; the same key with another body is 422.
    ///
    /// `work` receives a maker for the record and must commit it in the same transaction as
    /// the change, so the answer is saved exactly when the change is.
    func createIdempotently<Body: Encodable, Result: Codable>(
        operationID: String,
        key: String?,
        body: Body,
        caller: APICaller,
        _ work: (IdempotencyRecordMaker<Result>?) async throws -> Result
    ) async throws -> Result {
        guard let key else { return try await work(nil) }
        guard !key.isEmpty, key.utf8.count <= 255 else {
            throw ServiceError.unprocessable("Idempotency-Key must be 1 to 255 characters", code: "invalid_idempotency_key", field: "Idempotency-Key")
        }
        let hash = try Self.requestHash(operationID: operationID, body: body)
        if let replayed: Result = try await replay(key: key, hash: hash, caller: caller) {
            return replayed
        }
        let now = clock.now()
        let maker: IdempotencyRecordMaker<Result> = { result in
            IdempotencyRecord(
                tenantID: caller.tenantID, key: key, requestHash: hash, statusCode: 201,
                responseBody: try HandoffRailJSON.encode(result), createdAt: now,
                replacesRecordsCreatedBefore: now.addingTimeInterval(-configuration.idempotencyWindow)
            )
        }
        do {
            return try await work(maker)
        } catch let error as StoreError where error.code == .duplicate {
            // A concurrent request with the same key committed first: answer as it did.
            if let replayed: Result = try await replay(key: key, hash: hash, caller: caller) {
                return replayed
            }
            throw error
        }
    }

    private func replay<Result: Decodable>(key: String, hash: String, caller: APICaller) async throws -> Result? {
        let notBefore = clock.now().addingTimeInterval(-configuration.idempotencyWindow)
        guard let record = try await store.idempotencyRecord(tenantID: caller.tenantID, key: key, notBefore: notBefore) else {
            return nil
        }
        guard record.requestHash == hash else {
            throw ServiceError.unprocessable(
                "Idempotency-Key was already used with a different request",
                code: "idempotency_key_reused",
                field: "Idempotency-Key"
            )
        }
        return try HandoffRailJSON.decode(Result.self, from: record.responseBody)
    }

    /// SHA-256 of the operation and the canonical body (keys sorted), in hex.
    static func requestHash<Body: Encodable>(operationID: String, body: Body) throws -> String {
        var bytes = Array(operationID.utf8)
        bytes.append(0x0A)
        bytes += try JSONValueEncoder().encode(body).serialized(sortedKeys: true)
        return SHA256Hex.digest(of: bytes)
    }
}
