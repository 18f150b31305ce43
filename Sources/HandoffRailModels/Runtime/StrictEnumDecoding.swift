import Foundation

extension CodingUserInfoKey {
    /// Set to `true` in a decoder's `userInfo` to reject enum values the spec does not list
    /// (the server); by default generated enums keep them as `.undocumented` (clients).
    public static let handoffRailStrictEnums = CodingUserInfoKey(rawValue: "handoffrail.strictEnums")!
}

extension Decoder {
    /// Whether generated enums must reject unlisted values.
    public var requiresStrictEnums: Bool {
        userInfo[.handoffRailStrictEnums] as? Bool == true
    }
}
