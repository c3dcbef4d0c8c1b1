import SourceInput

/// A `__setup()` or `early_param()` handler's body: gets the text after the option's name
/// (`nil` for a bare early option) and the kernel context, and returns what the C function
/// would: for `__setup`, 1 when it handled the option (0 lets `obsolete_checksetup()` go on and
/// the option reach init); for `early_param`, 0 or an error (then "Malformed early option").
public typealias SetupFunction = @Sendable (_ str: String?, _ k: any KernelContext) -> Int32

/// An entry of `.init.setup` as an object declares it: `__setup("str", fn)` or
/// `early_param("str", fn)` (include/linux/init.h, `struct obs_kernel_param`).
public struct SetupDeclaration: Sendable {
    /// The option's name as registered, `=` included when the handler takes a value
    /// (`__setup("foo=", …)`): `__setup` names match by prefix, early ones exactly.
    public var str: String
    /// The handler's C name (`foo_setup`).
    public var function: String
    /// `early_param()` (run by `parse_early_param()`) rather than `__setup()`.
    public var early: Bool
    /// What the handler does.
    public var handler: SetupFunction
    /// Where it was declared.
    public var source: SourceLocation?

    /// A handler `function` for `str`, early or not.
    public init(
        str: String, function: String, early: Bool, source: SourceLocation? = nil, handler: @escaping SetupFunction
    ) {
        self.str = str
        self.function = function
        self.early = early
        self.source = source
        self.handler = handler
    }

    /// `early_param` or `__setup`.
    public var macro: String { early ? "early_param" : "__setup" }
}
