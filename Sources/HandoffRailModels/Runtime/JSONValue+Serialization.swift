import Foundation

extension JSONValue {
    /// Compact RFC 8259 text of this value as UTF-8 bytes.
    ///
    /// Strings are escaped minimally (quote, backslash, control characters; non-ASCII is
    /// written as raw UTF-8), doubles use the shortest representation that parses back to
    /// the same value (integral doubles keep a `.0`, so `1.0` does not come back as an
    /// integer) and non-finite doubles, which JSON cannot express, are written as `null`.
    /// `sortedKeys` orders object members by UTF-8 code units (Python's `sort_keys=True`),
    /// giving byte-stable output for hashing, signatures and golden tests.
    ///
    /// ```swift
    /// let bytes = JSONValue.object(["b": 1, "a": 2.0]).serialized(sortedKeys: true)  // {"a":2.0,"b":1}
    /// ```
    public func serialized(sortedKeys: Bool = false) -> [UInt8] {
        var writer = JSONWriter(sortedKeys: sortedKeys)
        writer.write(self)
        return writer.output
    }

    /// Compact JSON text as `Data` (see `serialized(sortedKeys:)`).
    ///
    /// ```swift
    /// let body: Data = value.serializedData()
    /// ```
    public func serializedData(sortedKeys: Bool = false) -> Data {
        Data(serialized(sortedKeys: sortedKeys))
    }

    /// Compact JSON text as a `String` (see `serialized(sortedKeys:)`).
    ///
    /// ```swift
    /// JSONValue.array([1, "a"]).serializedString()   // [1,"a"]
    /// ```
    public func serializedString(sortedKeys: Bool = false) -> String {
        String(decoding: serialized(sortedKeys: sortedKeys), as: UTF8.self)
    }
}

/// Appends compact JSON text to a byte buffer; used by the `serialized…` methods.
struct JSONWriter {
    var output: [UInt8] = []
    let sortedKeys: Bool

    init(sortedKeys: Bool) {
        self.sortedKeys = sortedKeys
        output.reserveCapacity(256)
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .integer(let integer): output.append(contentsOf: String(integer).utf8)
        case .number(let double):
            if double.isFinite {
                output.append(contentsOf: double.description.utf8)
            } else {
                output.append(contentsOf: "null".utf8)
            }
        case .string(let string): writeString(string)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(UInt8(ascii: ",")) }
                write(element)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            if sortedKeys {
                let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                for (offset, key) in keys.enumerated() {
                    if offset > 0 { output.append(UInt8(ascii: ",")) }
                    writeString(key)
                    output.append(UInt8(ascii: ":"))
                    write(members[key]!)
                }
            } else {
                var first = true
                for (key, member) in members {
                    if !first { output.append(UInt8(ascii: ",")) }
                    first = false
                    writeString(key)
                    output.append(UInt8(ascii: ":"))
                    write(member)
                }
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "\\"))
            case 0x0A: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "t"))
            case 0x08: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "f"))
            case 0..<0x20:
                output.append(contentsOf: "\\u00".utf8)
                output.append(Self.hexDigits[Int(byte >> 4)])
                output.append(Self.hexDigits[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
