import OpenAPIKit

extension SpecComparison {

    /// How a validation keyword changed the set of valid values.
    enum ConstraintChange: Sendable {

        /// Fewer values are valid: breaks clients sending the old values.
        case tightened

        /// More values are valid: breaks clients relying on the old limit
        /// when reading responses.
        case loosened

        /// Neither a subset nor a superset (for example another `pattern`):
        /// breaks both directions.
        case changed
    }

    /// Records a changed validation keyword with a severity derived from
    /// the directions the schema is used in.
    /// - Parameters:
    ///   - change: How the valid values changed.
    ///   - description: What changed, for example `maxLength lowered from 64 to 32`.
    ///   - pointer: Where the keyword is.
    ///   - usage: The directions the schema travels in.
    mutating func recordConstraint(_ change: ConstraintChange, _ description: String, at pointer: SpecPointer, usage: SpecSchemaUsage) {
        let rejected = "clients sending values that were valid before will be rejected"
        let relied = "clients may rely on the old limit and now receive values outside it"
        switch change {
        case .tightened:
            record(description, at: pointer, usage: usage, breaksRequests: rejected, otherwise: "responses only get narrower, which clients accept")
        case .loosened:
            record(description, at: pointer, usage: usage, breaksResponses: relied, otherwise: "requests accept more values than before")
        case .changed:
            record(description, at: pointer, usage: usage, breaksRequests: rejected, breaksResponses: relied, otherwise: "the schema is not used in any direction")
        }
    }

    /// Compares `minLength`, `maxLength` and `pattern`.
    mutating func compareStringConstraints(
        _ old: JSONSchema.StringContext,
        _ new: JSONSchema.StringContext,
        at pointer: SpecPointer,
        usage: SpecSchemaUsage
    ) {
        compareLowerLimit("minLength", old.minLength, new.minLength, at: pointer, usage: usage)
        compareUpperLimit("maxLength", old.maxLength, new.maxLength, at: pointer, usage: usage)
        switch (old.pattern, new.pattern) {
        case (nil, let pattern?):
            recordConstraint(.tightened, "pattern '\(pattern)' was added", at: pointer.appending("pattern"), usage: usage)
        case (let pattern?, nil):
            recordConstraint(.loosened, "pattern '\(pattern)' was removed", at: pointer.appending("pattern"), usage: usage)
        case (let oldPattern?, let newPattern?) where oldPattern != newPattern:
            recordConstraint(.changed, "pattern changed from '\(oldPattern)' to '\(newPattern)'", at: pointer.appending("pattern"), usage: usage)
        default:
            break
        }
    }

    /// Compares `minimum`/`exclusiveMinimum`, `maximum`/`exclusiveMaximum`
    /// and `multipleOf` of a number or integer schema.
    mutating func compareNumericConstraints(
        _ old: JSONSchema.NumericContext,
        _ new: JSONSchema.NumericContext,
        at pointer: SpecPointer,
        usage: SpecSchemaUsage
    ) {
        compareBound(lower: true, old.minimum.map(Bound.init), new.minimum.map(Bound.init), at: pointer, usage: usage)
        compareBound(lower: false, old.maximum.map(Bound.init), new.maximum.map(Bound.init), at: pointer, usage: usage)
        let multipleOf = pointer.appending("multipleOf")
        switch (old.multipleOf, new.multipleOf) {
        case (nil, let value?):
            recordConstraint(.tightened, "multipleOf \(Self.number(value)) was added", at: multipleOf, usage: usage)
        case (let value?, nil):
            recordConstraint(.loosened, "multipleOf \(Self.number(value)) was removed", at: multipleOf, usage: usage)
        case (let oldValue?, let newValue?) where oldValue != newValue:
            let change: ConstraintChange =
                Self.isMultiple(newValue, of: oldValue) ? .tightened : Self.isMultiple(oldValue, of: newValue) ? .loosened : .changed
            recordConstraint(change, "multipleOf changed from \(Self.number(oldValue)) to \(Self.number(newValue))", at: multipleOf, usage: usage)
        default:
            break
        }
    }

    /// Compares a lower limit such as `minLength` or `minItems`, where a
    /// missing value means 0.
    mutating func compareLowerLimit(_ keyword: String, _ old: Int, _ new: Int, at pointer: SpecPointer, usage: SpecSchemaUsage) {
        if new > old {
            recordConstraint(.tightened, "\(keyword) raised from \(old) to \(new)", at: pointer.appending(keyword), usage: usage)
        } else if new < old {
            recordConstraint(.loosened, "\(keyword) lowered from \(old) to \(new)", at: pointer.appending(keyword), usage: usage)
        }
    }

    /// Compares an upper limit such as `maxLength` or `maxItems`, where a
    /// missing value means unlimited.
    mutating func compareUpperLimit(_ keyword: String, _ old: Int?, _ new: Int?, at pointer: SpecPointer, usage: SpecSchemaUsage) {
        let location = pointer.appending(keyword)
        switch (old, new) {
        case (nil, let value?):
            recordConstraint(.tightened, "\(keyword) \(value) was added", at: location, usage: usage)
        case (let value?, nil):
            recordConstraint(.loosened, "\(keyword) \(value) was removed", at: location, usage: usage)
        case (let old?, let new?) where new < old:
            recordConstraint(.tightened, "\(keyword) lowered from \(old) to \(new)", at: location, usage: usage)
        case (let old?, let new?) where new > old:
            recordConstraint(.loosened, "\(keyword) raised from \(old) to \(new)", at: location, usage: usage)
        default:
            break
        }
    }

    /// A numeric bound, inclusive (`minimum`) or exclusive (`exclusiveMinimum`).
    struct Bound: Equatable, Sendable {

        /// The limit.
        var value: Double

        /// Whether the limit itself is excluded.
        var exclusive: Bool

        /// Converts OpenAPIKit's number bound.
        init(_ bound: JSONSchema.NumericContext.Bound) {
            self.value = bound.value
            self.exclusive = bound.exclusive
        }
    }

    /// Compares a lower (`minimum`) or upper (`maximum`) bound.
    private mutating func compareBound(lower: Bool, _ old: Bound?, _ new: Bound?, at pointer: SpecPointer, usage: SpecSchemaUsage) {
        let inclusiveKeyword = lower ? "minimum" : "maximum"
        func keyword(_ bound: Bound) -> String {
            bound.exclusive ? "exclusive" + inclusiveKeyword.prefix(1).uppercased() + inclusiveKeyword.dropFirst() : inclusiveKeyword
        }
        func text(_ bound: Bound) -> String { "\(keyword(bound)) \(Self.number(bound.value))" }

        switch (old, new) {
        case (nil, nil):
            return
        case (nil, let bound?):
            recordConstraint(.tightened, "\(text(bound)) was added", at: pointer.appending(keyword(bound)), usage: usage)
        case (let bound?, nil):
            recordConstraint(.loosened, "\(text(bound)) was removed", at: pointer.appending(keyword(bound)), usage: usage)
        case (let old?, let new?):
            guard old != new else { return }
            // A bound is tighter when it moves inwards, or stays put and becomes exclusive.
            let inwards = lower ? new.value > old.value : new.value < old.value
            let tighter = inwards || (new.value == old.value && new.exclusive)
            let verb: String
            if old.exclusive == new.exclusive {
                verb = "\(keyword(new)) \(new.value > old.value ? "raised" : "lowered") from \(Self.number(old.value)) to \(Self.number(new.value))"
            } else {
                verb = "\(lower ? "lower" : "upper") bound \(tighter ? "tightened" : "loosened") from \(text(old)) to \(text(new))"
            }
            recordConstraint(tighter ? .tightened : .loosened, verb, at: pointer.appending(keyword(new)), usage: usage)
        }
    }

    /// Whether `value` is an integer multiple of `base`.
    private static func isMultiple(_ value: Double, of base: Double) -> Bool {
        guard base != 0 else { return false }
        let ratio = value / base
        return ratio == ratio.rounded()
    }

    /// A number as written in a spec: `5` rather than `5.0`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return String(value)
    }
}
