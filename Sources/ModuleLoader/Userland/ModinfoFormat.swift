import KernelModel

/// kmod's `modinfo` output (tools/modinfo.c): `filename:`, every `.modinfo` string but the
/// parameters as `key:` padded to column 17, then the parameters merged by name in reverse
/// order of first appearance (`parm:  name:desc (type)`).
package enum ModinfoFormat {
    package static func render(_ info: Modinfo, filename: String, field: String? = nil, builtin: String? = nil)
        -> String
    {
        let params = parameters(info)
        if let field {
            if field == "filename" { return filename + "\n" }
            if field == "name", let builtin { return builtin + "\n" }
            if field == "parm" { return params.map { parmValue($0, forField: true) + "\n" }.joined() }
            return info.values(field).map { $0 + "\n" }.joined()
        }
        // A built-in module: its name first, then `filename: (builtin)`.
        var text = builtin.map { line("name", $0) } ?? ""
        text += line("filename", filename)
        for pair in info.pairs where pair.tag != "parm" && pair.tag != "parmtype" {
            text += line(pair.tag, pair.value)
        }
        for param in params { text += line("parm", parmValue(param, forField: false)) }
        return text
    }

    /// `"%s:%-*s%s"` with the value at column 17.
    static func line(_ key: String, _ value: String) -> String {
        let pad = max(0, 15 - key.count)
        return key + ":" + String(repeating: " ", count: pad) + value + "\n"
    }

    struct Param {
        var name: String
        var description: String?
        var type: String?
    }

    /// `modinfo_params_do()`: each new name prepended, so the last seen prints first.
    static func parameters(_ info: Modinfo) -> [Param] {
        var list: [Param] = []
        for pair in info.pairs where pair.tag == "parm" || pair.tag == "parmtype" {
            guard let colon = pair.value.firstIndex(of: ":") else { continue }
            let name = String(pair.value[..<colon])
            let value = String(pair.value[pair.value.index(after: colon)...])
            var index = list.firstIndex { $0.name == name }
            if index == nil {
                list.insert(Param(name: name), at: 0)
                index = 0
            }
            if pair.tag == "parm" { list[index ?? 0].description = value } else { list[index ?? 0].type = value }
        }
        return list
    }

    static func parmValue(_ param: Param, forField: Bool) -> String {
        switch (param.description, param.type) {
        case (let description?, let type?): return "\(param.name):\(description) (\(type))"
        case (nil, let type?): return forField ? "\(param.name): (\(type))" : "\(param.name):\(type)"
        case (let description?, nil): return "\(param.name):\(description)"
        case (nil, nil): return param.name
        }
    }

    /// BusyBox `modinfo` (modutils/modinfo.c): the file name as given, then every string of
    /// the shortcut tags in turn — description, author, license, vermagic, parm (`parm=` only,
    /// raw) — keyed and padded to column 17; one field alone prints its values bare.
    package static func busybox(_ info: Modinfo, filename: String, field: String? = nil) -> String {
        if let field {
            if field == "filename" { return filename + "\n" }
            return info.values(field).map { $0 + "\n" }.joined()
        }
        var text = line("filename", filename)
        for tag in ["description", "author", "license", "vermagic", "parm"] {
            for value in info.values(tag) { text += line(tag, value) }
        }
        return text
    }
}
