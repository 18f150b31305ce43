import Foundation

/// Where the built `handoffrail` binary is: in the build directory, next to the test bundle.
///
/// `Bundle.main` is the test runner; depending on the platform and on how tests were started
/// its URL is the bundle itself or the directory holding it, so both neighbours are checked.
enum BinaryLocation {
    static var handoffrail: URL {
        let bundle = Bundle.main.bundleURL
        let candidates = [
            bundle.deletingLastPathComponent().appendingPathComponent("handoffrail"),
            bundle.appendingPathComponent("handoffrail"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("handoffrail"),
        ]
        return candidates.first(where: isExecutableFile) ?? candidates[0]
    }

    private static func isExecutableFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: url.path)
    }
}
