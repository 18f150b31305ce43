import ArgumentParser
import HandoffRailModels

/// A tenant's tier and limits, for create and update.
struct TenantLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("free, pro or business.", valueName: "tier"), transform: { try ArgumentParsing.knownCase($0, as: Tier.self) })
    var tier: Tier?

    @Option(help: "Packets the tenant may create per day.")
    var handoffsPerDay: Int?

    @Option(help: "API keys the tenant may have.")
    var maxApiKeys: Int?
}
