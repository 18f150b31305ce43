/// The authenticated caller of an operation: which tenant, which key, which role and tier.
///
/// It reaches the service as an explicit parameter, never through a global, so the service
/// can be called directly (tests, in-process transports) with any caller.
public struct APICaller: Sendable, Hashable {
    /// The tenant the key belongs to.
    public var tenantID: String
    /// The API key's id.
    public var keyID: String
    /// `admin`, `writer`, `agent` or `reader`.
    public var role: Role
    /// The tenant's tier.
    public var tier: Tier

    /// A caller of `tenantID` authenticated with key `keyID`.
    public init(tenantID: String, keyID: String, role: Role, tier: Tier) {
        self.tenantID = tenantID
        self.keyID = keyID
        self.role = role
        self.tier = tier
    }
}
