import OpenAPIKit

extension SpecComparison {

    /// Compares the request body of an operation present in both documents:
    /// whether there is one, whether it is required, and its content.
    mutating func compareRequestBodies(_ old: OperationEntry, _ new: OperationEntry) {
        let oldBody = old.operation.requestBody.flatMap { self.old.resolve($0, at: old.pointer.appending("requestBody")) }
        let newBody = new.operation.requestBody.flatMap { self.new.resolve($0, at: new.pointer.appending("requestBody")) }

        switch (oldBody, newBody) {
        case (nil, nil):
            return
        case (let oldBody?, nil):
            record(
                .breaking,
                at: oldBody.pointer,
                "request body was removed; clients still sending one may be rejected, and the generated SDK argument disappears"
            )
        case (nil, let newBody?):
            if newBody.value.required {
                record(.breaking, at: newBody.pointer, "required request body was added; clients that do not send one will be rejected")
            } else {
                record(.nonBreaking, at: newBody.pointer, "optional request body was added; existing clients can keep omitting it")
            }
        case (let oldBody?, let newBody?):
            switch (oldBody.value.required, newBody.value.required) {
            case (false, true):
                record(.breaking, at: newBody.pointer.appending("required"), "request body became required; clients that omit it will be rejected")
            case (true, false):
                record(.nonBreaking, at: newBody.pointer.appending("required"), "request body became optional; existing clients keep sending it")
            default:
                break
            }
            compareContents(
                oldBody.value.content,
                newBody.value.content,
                at: SpecPointerPair(old: oldBody.pointer.appending("content"), new: newBody.pointer.appending("content")),
                usage: .request,
                subject: "request body"
            )
        }
    }
}
