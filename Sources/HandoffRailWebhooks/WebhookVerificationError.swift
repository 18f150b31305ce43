/// Why ``Webhook/verify(body:headers:secret:tolerance:allowLegacySignature:now:)`` refused a
/// delivery. Answer such a request with 401 (or 400) and do not act on its body.
///
/// `description` names the reason only; it never contains the secret or a signature.
public struct WebhookVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, as an opaque code (more may be added).
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// No signature header the verifier was asked to accept is present.
        public static let missingSignature = Code("missingSignature")
        /// A signature header is present but not in its documented form.
        public static let malformedSignature = Code("malformedSignature")
        /// The timestamped signature is further from now than the tolerance (a replay, or a
        /// badly wrong clock).
        public static let staleTimestamp = Code("staleTimestamp")
        /// No signature matches the body and the secret.
        public static let signatureMismatch = Code("signatureMismatch")

        public var description: String { name }
    }

    public let code: Code

    public init(_ code: Code) {
        self.code = code
    }

    public var description: String { "WebhookVerificationError.\(code)" }
}
