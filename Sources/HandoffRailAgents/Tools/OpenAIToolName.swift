/// Function names the way the OpenAI Agents SDK normalises them
/// (`agents/util/_transforms.py` `transform_string_function_style`, openai-agents 0.24.0).
///
/// ```swift
/// OpenAIToolName.functionStyle("transfer_to_Refund Agent")   // "transfer_to_refund_agent"
/// OpenAIToolName.functionStyle("transfer_to_Zoë-2")          // "transfer_to_zo__2"
/// ```
public enum OpenAIToolName {
    /// Every character (Unicode scalar, like a Python `str` character) outside `[A-Za-z0-9_]`
    /// becomes `_` (whitespace included), then ASCII letters are lowercased.
    public static func functionStyle(_ name: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(name.unicodeScalars.count)
        for scalar in name.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", "_": result.unicodeScalars.append(scalar)
            case "A"..."Z": result.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            default: result.unicodeScalars.append("_")
            }
        }
        return result
    }
}
