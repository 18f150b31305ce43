import Testing
@testable import HandoffRailClient

/// Query values survive servers that decode `+` as a space (FastAPI, HTML forms).
@Suite("Query encoding")
struct QueryEncodingTests {
    @Test("reserved form characters are escaped", arguments: [
        ("c++", "c%2B%2B"),
        ("refund request", "refund%20request"),
        ("a&b=c;d", "a%26b%3Dc%3Bd"),
        ("created,claimed", "created,claimed"),
        ("ünïcode", "%C3%BCn%C3%AFcode"),
    ])
    func escapes(raw: String, encoded: String) {
        #expect(URLSessionTransport.encodeQueryComponent(raw) == encoded)
    }
}
