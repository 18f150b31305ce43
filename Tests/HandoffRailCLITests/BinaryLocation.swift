import Foundation

/// Where the built `handoffrail` binary is: next to the test bundle in the build directory.
enum BinaryLocation {
    static var handoffrail: URL {
        let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
        return bundleDirectory.appendingPathComponent("handoffrail")
    }
}
