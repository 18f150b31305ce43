import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import Testing

@Suite("Serve configuration")
struct ServeConfigurationTests {
    typealias Flags = ServeConfiguration.Flags

    @Test("defaults without flags or environment")
    func defaults() throws {
        let configuration = try ServeConfiguration.resolve(flags: Flags(), environment: [:])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.database == .sqlite(path: "handoffrail.sqlite"))
        #expect(configuration.logLevel == .info)
        #expect(configuration.bootstrapAdminKey == nil)
        #expect(configuration.service == ServiceConfiguration())
    }

    @Test("flags win over the environment, the environment over defaults")
    func precedence() throws {
        let environment = [
            "HANDOFFRAIL_HOST": "0.0.0.0", "HANDOFFRAIL_PORT": "9000",
            "HANDOFFRAIL_DATABASE": "sqlite:/var/lib/hr.sqlite", "HANDOFFRAIL_LOG_LEVEL": "DEBUG",
        ]
        let fromEnvironment = try ServeConfiguration.resolve(flags: Flags(), environment: environment)
        #expect(fromEnvironment.host == "0.0.0.0")
        #expect(fromEnvironment.port == 9000)
        #expect(fromEnvironment.database == .sqlite(path: "/var/lib/hr.sqlite"))
        #expect(fromEnvironment.logLevel == .debug)

        let flags = Flags(host: "::1", port: "9100", database: "data/x.sqlite", logLevel: "warning")
        let fromFlags = try ServeConfiguration.resolve(flags: flags, environment: environment)
        #expect(fromFlags.host == "::1")
        #expect(fromFlags.port == 9100)
        #expect(fromFlags.database == .sqlite(path: "data/x.sqlite"))
        #expect(fromFlags.logLevel == .warning)
    }

    @Test("the reference's limit variables set the tier table")
    func limits() throws {
        let configuration = try ServeConfiguration.resolve(flags: Flags(), environment: [
            "HR_RATE_LIMIT_PER_MINUTE": "120",
            "HR_RATE_LIMIT_TIERS": #"{"free": 10, "business": 50000}"#,
            "HR_DISABLE_DAILY_LIMIT": "1",
            "HANDOFFRAIL_ALLOW_PRIVATE_WEBHOOKS": "1",
            "HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY": "hr_configured",
        ])
        let limits = configuration.service.tierLimits
        #expect(Tier.allCases.allSatisfy { limits[$0]?.requestsPerMinutePerKey == 120 })
        #expect(limits[.free]?.requestsPerHour == 10)
        #expect(limits[.pro]?.requestsPerHour == 1_000, "tiers not named keep the reference value")
        #expect(limits[.business]?.requestsPerHour == 50_000)
        #expect(configuration.service.dailyLimitDisabled)
        #expect(configuration.service.allowPrivateWebhookTargets)
        #expect(configuration.bootstrapAdminKey == "hr_configured")
        #expect(configuration.server.tierLimits == limits)
    }

    @Test("HANDOFFRAIL_TIER_LIMITS changes the named limits only; null is unlimited; HR_* apply after it")
    func tierLimitsTable() throws {
        let environment = [
            "HANDOFFRAIL_TIER_LIMITS": #"{"free": {"handoffs_per_day": 50, "max_agents": 5, "requests_per_minute": 10, "max_event_connections": 2}, "business": {"max_packet_bytes": 4194304, "max_api_keys": null}}"#,
            "HR_RATE_LIMIT_PER_MINUTE": "120",
        ]
        let limits = try ServeConfiguration.resolve(flags: Flags(), environment: environment).service.tierLimits
        #expect(limits[.free]?.handoffsPerDay == 50)
        #expect(limits[.free]?.maxAgents == 5)
        #expect(limits[.free]?.maxEventConnections == 2)
        #expect(limits[.free]?.maxAPIKeys == TierLimits.reference[.free]?.maxAPIKeys)
        #expect(limits[.free]?.requestsPerMinutePerKey == 120)
        #expect(limits[.business]?.maxPacketBytes == 4_194_304)
        #expect(limits[.business]?.maxAPIKeys == nil)
        #expect(limits[.pro] == TierLimits.reference[.pro].map { var pro = $0; pro.requestsPerMinutePerKey = 120; return pro })
    }

    @Test(
        "bad values are errors naming the setting",
        arguments: [
            (Flags(port: "eighty"), [:], "--port"),
            (Flags(port: "70000"), [:], "--port"),
            (Flags(), ["HANDOFFRAIL_PORT": "-1"], "HANDOFFRAIL_PORT"),
            (Flags(logLevel: "loud"), [:], "--log-level"),
            (Flags(database: "postgres://db/hr"), [:], "PostgreSQL is not supported yet"),
            (Flags(), ["HANDOFFRAIL_DATABASE": "mysql://db/hr"], "HANDOFFRAIL_DATABASE"),
            (Flags(database: "sqlite:"), [:], "--database"),
            (Flags(host: ""), [:], "--host"),
            (Flags(), ["HR_RATE_LIMIT_PER_MINUTE": "0"], "HR_RATE_LIMIT_PER_MINUTE"),
            (Flags(), ["HR_RATE_LIMIT_TIERS": "[1]"], "HR_RATE_LIMIT_TIERS"),
            (Flags(), ["HR_RATE_LIMIT_TIERS": #"{"gold": 5}"#], "unknown tier"),
            (Flags(), ["HR_RATE_LIMIT_TIERS": #"{"free": 1.5}"#], "HR_RATE_LIMIT_TIERS"),
            (Flags(), ["HR_DISABLE_DAILY_LIMIT": "maybe"], "HR_DISABLE_DAILY_LIMIT"),
            (Flags(), ["HANDOFFRAIL_TIER_LIMITS": "[]"], "HANDOFFRAIL_TIER_LIMITS"),
            (Flags(), ["HANDOFFRAIL_TIER_LIMITS": #"{"gold": {}}"#], "unknown tier"),
            (Flags(), ["HANDOFFRAIL_TIER_LIMITS": #"{"free": {"max_agents": -1}}"#], "HANDOFFRAIL_TIER_LIMITS.free.max_agents"),
            (Flags(), ["HANDOFFRAIL_TIER_LIMITS": #"{"free": {"max_packet_bytes": null}}"#], "positive integer"),
            (Flags(), ["HANDOFFRAIL_TIER_LIMITS": #"{"free": {"max_widgets": 3}}"#], "unknown limit"),
        ] as [(Flags, [String: String], String)])
    func invalid(flags: Flags, environment: [String: String], mention: String) {
        #expect {
            try ServeConfiguration.resolve(flags: flags, environment: environment)
        } throws: { error in
            String(describing: error).contains(mention)
        }
    }

    @Test("the bootstrap key never appears in an error")
    func secretNotEchoed() {
        let environment = ["HANDOFFRAIL_BOOTSTRAP_ADMIN_KEY": "hr_secret_value", "HANDOFFRAIL_PORT": "x"]
        #expect {
            try ServeConfiguration.resolve(flags: Flags(), environment: environment)
        } throws: { error in
            !String(describing: error).contains("hr_secret_value")
        }
    }
}
