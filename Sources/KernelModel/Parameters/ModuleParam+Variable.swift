import SourceInput

extension ParamValue {
    /// The value as a variable of `type` holds it, converted as a C initializer converts it;
    /// nil when it does not fit (GCC's `-Woverflow`) or is of another kind (a string for an
    /// `int`). Integers become `.signed` for signed types and `.unsigned` for the others, bools
    /// stay `.bool`, `bint` holds 0 or 1.
    public func converted(to type: ParamType) -> ParamValue? {
        switch type {
        case .charp:
            if case .string = self { return self }
            return nil
        case .bool, .invbool:
            guard let bits else { return nil }
            return .bool(bits != 0)
        case .bint:
            if case .bool(let value) = self { return .signed(value ? 1 : 0) }
            return integer(in: type)
        default:
            if case .bool = self { return nil }
            return integer(in: type)
        }
    }

    private func integer(in type: ParamType) -> ParamValue? {
        let wide: Int128
        switch self {
        case .signed(let value): wide = Int128(value)
        case .unsigned(let value): wide = Int128(value)
        default: return nil
        }
        guard let range = type.range, range.contains(wide) else { return nil }
        return type.isSigned ? .signed(Int64(wide)) : .unsigned(UInt64(wide))
    }

    /// The zero a static variable of `type` starts as: 0, false, or `NULL`.
    public static func zero(of type: ParamType) -> ParamValue {
        switch type {
        case .charp: return .string(nil)
        case .bool, .invbool: return .bool(false)
        default: return type.isSigned ? .signed(0) : .unsigned(0)
        }
    }
}

extension ModuleParam {
    /// The variable as the kernel image holds it before any parameter is parsed: the
    /// initializer converted to the type, zeros elsewhere; for arrays every element (`max` of
    /// them) and the count (nil without `nump`), which starts at the number of initialized
    /// elements. Declarations that fail ``problem(fullName:object:)`` get zeros.
    public var initialValue: (value: ParamValue, count: Int?) {
        switch kind {
        case .scalar(let type):
            return (defaultValue?.converted(to: type) ?? .zero(of: type), nil)
        case .array(let type, let max, let nump):
            let given = (defaultValue?.elements ?? []).prefix(Swift.max(0, max))
            var elements = given.map { $0.converted(to: type) ?? .zero(of: type) }
            elements += Array(repeating: .zero(of: type), count: Swift.max(0, max - elements.count))
            return (.array(elements), nump ? given.count : nil)
        case .string:
            return (.string(defaultValue?.stringValue ?? ""), nil)
        }
    }

    /// The first thing that stops this declaration from compiling, as a diagnostic at its
    /// place: a permission `VERIFY_OCTAL_PERMISSIONS()` rejects, an initializer that does not
    /// fit, an array or buffer of no size. `fullName` names it in messages; `object` stands in
    /// for the place of declarations written in Swift without one.
    public func problem(fullName: String, object: String) -> Diagnostic? {
        if let (message, notes) = permission.problem(parameter: fullName) {
            return diagnostic(message, notes: notes, at: "perm", object: object)
        }
        switch kind {
        case .array(_, let max, _) where max < 1:
            return diagnostic(
                "array parameter '\(fullName)' has no elements (max=\(max))",
                notes: ["give the array at least one element: max=1"],
                at: "max", object: object)
        case .string(let size) where size < 1:
            return diagnostic(
                "string parameter '\(fullName)' has a buffer of \(size) bytes",
                notes: ["the buffer holds the text and its NUL: size=16"],
                at: "size", object: object)
        default:
            break
        }
        return defaultProblem(fullName: fullName, object: object)
    }

    private func defaultProblem(fullName: String, object: String) -> Diagnostic? {
        guard let defaultValue else { return nil }
        switch kind {
        case .scalar(let type):
            if defaultValue.converted(to: type) == nil {
                return initializerMismatch(defaultValue, type: type, fullName: fullName, object: object)
            }
        case .array(let type, let max, _):
            let elements = defaultValue.elements ?? [defaultValue]
            if elements.count > max {
                return diagnostic(
                    "excess elements in array initializer of '\(variable)': \(elements.count) given, the array holds \(max)",
                    notes: ["raise max= or give fewer default values"], at: "default", object: object)
            }
            for element in elements where element.converted(to: type) == nil {
                return initializerMismatch(element, type: type, fullName: fullName, object: object)
            }
        case .string(let size):
            guard let text = defaultValue.stringValue else {
                return diagnostic(
                    "string parameter '\(fullName)' needs a string initializer, found \(defaultValue)", notes: [],
                    at: "default", object: object)
            }
            if text.utf8.count + 1 > size {
                return diagnostic(
                    "initializer-string for '\(variable)' is too long: \(text.utf8.count) characters and a NUL do not fit in char[\(size)]",
                    notes: ["raise size= to at least \(text.utf8.count + 1)"], at: "default", object: object)
            }
        }
        return nil
    }

    private func initializerMismatch(_ value: ParamValue, type: ParamType, fullName: String, object: String)
        -> Diagnostic
    {
        let message: String
        if let range = type.range, value.bits != nil {
            message =
                "default \(value) of parameter '\(fullName)' does not fit in \(type.cType) (\(range.lowerBound) to \(range.upperBound))"
        } else {
            message =
                "default \(value) of parameter '\(fullName)' is not a value of type \(type.rawValue) (\(type.cType))"
        }
        return diagnostic(message, notes: [], at: "default", object: object)
    }

    private func diagnostic(_ message: String, notes: [String], at part: String, object: String) -> Diagnostic {
        var location = source ?? SourceLocation(file: object, line: 1, column: 1)
        if let column = columns[part] { location.column = column }
        return Diagnostic(.error, at: location, message, notes: notes, sourceLine: sourceLine)
    }
}
