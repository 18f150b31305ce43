/// Names of the headers a HandoffRail webhook delivery carries.
public enum WebhookHeaders {
    /// `sha256=<hex HMAC-SHA256 of the body>`, compatible with the Python HandoffRail.
    public static let signature = "X-HR-Signature"
    /// `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: binds the signature to a time.
    public static let signatureV2 = "X-HR-Signature-V2"
    /// Unix seconds at which the delivery attempt was signed.
    public static let timestamp = "X-HR-Timestamp"
    /// The event type, e.g. `packet.created`.
    public static let event = "X-HR-Event"
    /// A delivery id that stays the same across retries, for receiver-side deduplication.
    public static let delivery = "X-HR-Delivery"
}
