/// One shell command line split as `sh` would for the simple commands the module shell takes:
/// words with `'…'`/`"…"` quoting, and an output redirection `> file` or `>> file`.
struct ShellWords: Equatable {
    var words: [String] = []
    var redirect: String?
    var append = false

    init(_ line: String) {
        var current = ""
        var inWord = false
        var quote: Character?
        var pendingRedirect = false
        func flush() {
            guard inWord else { return }
            if pendingRedirect {
                redirect = current
                pendingRedirect = false
            } else {
                words.append(current)
            }
            current = ""
            inWord = false
        }
        var index = line.startIndex
        while index < line.endIndex {
            let c = line[index]
            index = line.index(after: index)
            if let open = quote {
                if c == open { quote = nil } else { current.append(c) }
                continue
            }
            switch c {
            case "'", "\"":
                quote = c
                inWord = true
            case " ", "\t":
                flush()
            case ">":
                flush()
                if index < line.endIndex, line[index] == ">" {
                    append = true
                    index = line.index(after: index)
                }
                pendingRedirect = true
            case "#" where !inWord:
                index = line.endIndex
            default:
                current.append(c)
                inWord = true
            }
        }
        flush()
    }
}
