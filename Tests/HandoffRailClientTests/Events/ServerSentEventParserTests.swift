import Foundation
import Testing
@testable import HandoffRailClient

/// The SSE parser against the WHATWG rules, fed whole and cut at every possible byte.
@Suite("Server-Sent Events parser")
struct ServerSentEventParserTests {
    /// Parses `text` as one chunk.
    private func parse(_ text: String, lastEventID: String? = nil) -> [ServerSentEvent] {
        var parser = ServerSentEventParser(lastEventID: lastEventID)
        return parser.parse(Array(text.utf8))
    }

    /// Parses `bytes` cut into `chunks` consecutive pieces at the given offsets.
    private func parse(_ bytes: [UInt8], cuttingAt offsets: [Int]) -> [ServerSentEvent] {
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        var start = 0
        for offset in offsets + [bytes.count] {
            events += parser.parse(bytes[start..<offset])
            start = offset
        }
        return events
    }

    @Test("a frame carries its type, data and id")
    func typedFrame() {
        let events = parse("id: 7\nevent: packet.created\ndata: {\"a\":1}\n\n")
        #expect(events == [ServerSentEvent(type: "packet.created", data: "{\"a\":1}", id: "7")])
    }

    @Test("a frame without event: is a message, data lines join with LF")
    func multiLineData() {
        let events = parse("data: first\ndata:second\ndata\ndata:  indented\n\n")
        #expect(events == [ServerSentEvent(type: "message", data: "first\nsecond\n\n indented")])
    }

    @Test("LF, CRLF and CR line ends parse the same", arguments: ["\n", "\r\n", "\r"])
    func lineEnds(end: String) {
        let text = ["event: ping", "data: {}", "", ": comment", "data: x", "", ""].joined(separator: end)
        #expect(parse(text) == [ServerSentEvent(type: "ping", data: "{}"), ServerSentEvent(data: "x")])
    }

    @Test("every cut into two chunks gives the same frames", arguments: ["\n", "\r\n", "\r"])
    func everyTwoWaySplit(end: String) {
        let text = ["retry: 2500", "id: 41", "event: packet.claimed", "data: {\"ü\": \"€😀\"}", "data: two", "", ":keep-alive", "event: ping", "data: {}", "", ""]
            .joined(separator: end)
        let bytes = Array(text.utf8)
        let whole = parse(text)
        #expect(whole.count == 2)
        for cut in 0...bytes.count {
            #expect(parse(bytes, cuttingAt: [cut]) == whole, "cut at \(cut)")
        }
    }

    @Test("byte-by-byte feeding gives the same frames")
    func byteByByte() {
        let text = "id: 1\r\nevent: a\r\ndata: é\r\n\r\nid: 2\revent: b\rdata: 😀\r\r"
        let bytes = Array(text.utf8)
        #expect(parse(bytes, cuttingAt: Array(1..<bytes.count)) == parse(text))
        #expect(parse(text) == [ServerSentEvent(type: "a", data: "é", id: "1"), ServerSentEvent(type: "b", data: "😀", id: "2")])
    }

    @Test("a CR ending one chunk and an LF starting the next are one line end")
    func crlfAcrossChunks() {
        var parser = ServerSentEventParser()
        #expect(parser.parse(Array("data: a\r".utf8)).isEmpty)
        // If the LF counted as a second line end it would dispatch here, before the blank line.
        #expect(parser.parse(Array("\ndata: b\r".utf8)).isEmpty)
        #expect(parser.parse(Array("\n\r\n".utf8)) == [ServerSentEvent(data: "a\nb")])
    }

    @Test("comments, unknown fields and frames without data dispatch nothing")
    func ignoredLines() {
        #expect(parse(": hello\nfoo: bar\nevent: x\n\n\n\n").isEmpty)
    }

    @Test("only one space after the colon is removed; a line without colon is a field name")
    func fieldValueSpaces() {
        #expect(parse("data:no space\n\n") == [ServerSentEvent(data: "no space")])
        #expect(parse("data:   three\n\n") == [ServerSentEvent(data: "  three")])
        #expect(parse("data\n\n") == [ServerSentEvent(data: "")])
        #expect(parse("event\ndata: x\n\n") == [ServerSentEvent(type: "message", data: "x")])
    }

    @Test("the id persists across frames, an empty id clears it, an id with NUL is ignored")
    func idRules() {
        var parser = ServerSentEventParser(lastEventID: "5")
        #expect(parser.parse(Array("data: a\n\n".utf8)) == [ServerSentEvent(data: "a", id: "5")])
        #expect(parser.parse(Array("id: 6\ndata: b\n\ndata: c\n\n".utf8)) == [ServerSentEvent(data: "b", id: "6"), ServerSentEvent(data: "c", id: "6")])
        #expect(parser.parse(Array("id: 7\u{0}\ndata: d\n\n".utf8)) == [ServerSentEvent(data: "d", id: "6")])
        #expect(parser.parse(Array("id\ndata: e\n\n".utf8)) == [ServerSentEvent(data: "e", id: nil)])
        #expect(parser.lastEventID == "")
    }

    @Test("an id without data still moves the last event id")
    func idWithoutData() {
        var parser = ServerSentEventParser()
        #expect(parser.parse(Array("id: 99\n\n".utf8)).isEmpty)
        #expect(parser.lastEventID == "99")
    }

    @Test("retry takes ASCII digits only, capped at a day")
    func retryRules() {
        var parser = ServerSentEventParser()
        _ = parser.parse(Array("retry: 1500\n".utf8))
        #expect(parser.reconnectionDelay == .milliseconds(1500))
        _ = parser.parse(Array("retry: 2s\nretry: -1\nretry:\nretry: 1.5\n".utf8))
        #expect(parser.reconnectionDelay == .milliseconds(1500))
        _ = parser.parse(Array("retry: 99999999999999999999999\n".utf8))
        #expect(parser.reconnectionDelay == .milliseconds(ServerSentEventParser.longestReconnectionDelay))
    }

    @Test("a frame cut off by the end of the stream is not dispatched")
    func incompleteFrame() {
        var parser = ServerSentEventParser()
        #expect(parser.parse(Array("data: complete\n\ndata: cut off\n".utf8)) == [ServerSentEvent(data: "complete")])
    }

    @Test("a leading byte order mark is dropped, later ones are kept")
    func byteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("data: a\n\ndata: \u{FEFF}b\n\n".utf8)
        #expect(parse(bytes, cuttingAt: [1, 2]) == [ServerSentEvent(data: "a"), ServerSentEvent(data: "\u{FEFF}b")])
    }
}
