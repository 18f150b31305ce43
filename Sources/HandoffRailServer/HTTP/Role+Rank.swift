import HandoffRailModels

extension Role {
    /// The role's place in `admin` > `writer` > `agent` > `reader`; an unknown role ranks
    /// below every known one, so it satisfies nothing.
    var rank: Int {
        switch self {
        case .admin: 4
        case .writer: 3
        case .agent: 2
        case .reader: 1
        case .undocumented: 0
        }
    }

    /// Whether a key of this role may call an operation whose minimum role is `required`.
    func satisfies(_ required: Role) -> Bool {
        rank >= required.rank
    }
}
