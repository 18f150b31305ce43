import HandoffRailModels
import HandoffRailService

/// `HANDOFFRAIL_TIER_LIMITS`: a self-hosted operator's own tier table, over PROTOCOL.md's.
///
/// A JSON object of tier → the limits to change; limits left out keep their reference
/// value, `null` means unlimited (where a limit can be unlimited):
///
/// ```sh
/// HANDOFFRAIL_TIER_LIMITS='{"free": {"handoffs_per_day": 50, "max_agents": 5},
///                           "business": {"max_packet_bytes": 4194304, "max_api_keys": null}}'
/// ```
///
/// Keys: `handoffs_per_day`, `requests_per_hour`, `max_api_keys`, `max_agents`,
/// `max_webhooks`, `max_event_connections` (integer ≥ 0 or null); `requests_per_minute`, `max_packet_bytes`
/// (integer > 0). `HR_RATE_LIMIT_PER_MINUTE` and `HR_RATE_LIMIT_TIERS` apply after it.
enum TierLimitsSetting {
    static let environmentName = "HANDOFFRAIL_TIER_LIMITS"

    static func apply(_ text: String, to limits: inout [Tier: TierLimits]) throws(ServeConfigurationError) {
        guard let json = try? JSONValue(parsing: text), case .object(let tiers) = json else {
            throw ServeConfigurationError("\(environmentName) must be a JSON object of tier to limits, like {\"free\":{\"max_agents\":5}}")
        }
        for (name, value) in tiers {
            let tier = Tier(rawValue: name)
            guard Tier.allCases.contains(tier), var tierLimits = limits[tier] else {
                throw ServeConfigurationError("\(environmentName): unknown tier \"\(name)\" (free, pro, business)")
            }
            guard case .object(let members) = value else {
                throw ServeConfigurationError("\(environmentName).\(name) must be an object of limits")
            }
            for (key, limit) in members {
                let location = "\(environmentName).\(name).\(key)"
                switch key {
                case "handoffs_per_day": tierLimits.handoffsPerDay = try optionalCount(limit, location)
                case "requests_per_hour": tierLimits.requestsPerHour = try optionalCount(limit, location)
                case "max_api_keys": tierLimits.maxAPIKeys = try optionalCount(limit, location)
                case "max_agents": tierLimits.maxAgents = try optionalCount(limit, location)
                case "max_webhooks": tierLimits.maxWebhooks = try optionalCount(limit, location)
                case "max_event_connections": tierLimits.maxEventConnections = try optionalCount(limit, location)
                case "requests_per_minute": tierLimits.requestsPerMinutePerKey = try positive(limit, location)
                case "max_packet_bytes": tierLimits.maxPacketBytes = try positive(limit, location)
                default:
                    throw ServeConfigurationError("\(location): unknown limit (handoffs_per_day, requests_per_hour, requests_per_minute, max_packet_bytes, max_api_keys, max_agents, max_webhooks, max_event_connections)")
                }
            }
            limits[tier] = tierLimits
        }
    }

    private static func optionalCount(_ value: JSONValue, _ location: String) throws(ServeConfigurationError) -> Int? {
        switch value {
        case .null: return nil
        case .integer(let count) where count >= 0: return count
        default: throw ServeConfigurationError("\(location) must be an integer ≥ 0 or null (unlimited)")
        }
    }

    private static func positive(_ value: JSONValue, _ location: String) throws(ServeConfigurationError) -> Int {
        guard case .integer(let count) = value, count > 0 else {
            throw ServeConfigurationError("\(location) must be a positive integer")
        }
        return count
    }
}
