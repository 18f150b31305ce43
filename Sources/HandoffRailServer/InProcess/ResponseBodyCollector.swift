import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Collects a response body written by Hummingbird into memory, for ``InProcessTransport``.
///
/// A reference type: Hummingbird consumes the writer it is given, so the bytes must land
/// somewhere the transport still holds afterwards.
final class ResponseBodyCollector: ResponseBodyWriter, Sendable {
    private let bytes = Mutex(Data())

    /// Everything written so far.
    var data: Data { bytes.withLock { $0 } }

    func write(_ buffer: ByteBuffer) async throws {
        bytes.withLock { $0.append(contentsOf: buffer.readableBytesView) }
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
