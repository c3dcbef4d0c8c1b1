import SourceInput

/// Reads the table walks a level file's C code declares: the `for` loop of `do_initcalls()`
/// in the single-loop kernels (2.6 to 3.3), of `do_pre_smp_initcalls()`, and of
/// `console_init()`:
///
///     static void __init do_initcalls(void)
///     {
///         initcall_t *call;
///
///         for (call = __initcall_start; call < __initcall_end; call++)
///             do_one_initcall(*call);
///     }
///
/// Only the shape `for (p = START; p < END; …)` is read, and only its two symbols matter: they
/// are what the linker script must define, as they are in the kernel. A loop over a level
/// index (`for (level = 0; …)`) is not a walk of its own: `initcall_levels[]` says those.
struct WalkReader {
    let tokens: [(text: String, location: SourceLocation)]

    /// `[START, END)` of the first such loop in the body of function `name`, with where the
    /// loop is written; nil when the files define no such function or loop.
    func walk(in name: String) -> (start: String, end: String, location: SourceLocation)? {
        var index = 0
        while index + 1 < tokens.count {
            defer { index += 1 }
            guard tokens[index].text == name, tokens[index + 1].text == "(", let body = bodyStart(after: index + 1)
            else { continue }
            return loop(from: body)
        }
        return nil
    }

    /// The index after the `{` that opens the body of a definition whose parameter list opens
    /// at `open`; nil for a call or a declaration (a `;` comes first).
    private func bodyStart(after open: Int) -> Int? {
        var depth = 0
        var index = open
        while index < tokens.count {
            switch tokens[index].text {
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 {
                    guard index + 1 < tokens.count, tokens[index + 1].text == "{" else { return nil }
                    return index + 2
                }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The first `for (p = A; p < B;` inside the body starting at `start`, up to its `}`.
    private func loop(from start: Int) -> (start: String, end: String, location: SourceLocation)? {
        var depth = 1
        var index = start
        while index < tokens.count, depth > 0 {
            let text = tokens[index].text
            if text == "{" { depth += 1 }
            if text == "}" { depth -= 1 }
            if text == "for", let found = forLoop(at: index) { return found }
            index += 1
        }
        return nil
    }

    private func forLoop(at index: Int) -> (start: String, end: String, location: SourceLocation)? {
        // for ( p = A ; p < B ;
        guard index + 9 < tokens.count else { return nil }
        let t = (index...(index + 9)).map { tokens[$0].text }
        guard t[1] == "(", t[3] == "=", t[5] == ";", t[6] == t[2], t[7] == "<", t[9] == ";",
            WalkReader.isSymbol(t[4]), WalkReader.isSymbol(t[8])
        else { return nil }
        return (t[4], t[8], tokens[index].location)
    }

    /// A C identifier that is not a number: what a boundary symbol is.
    private static func isSymbol(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic)
        else { return false }
        return LevelTable.isNameBody(text)
    }
}
