/// Derives what must start each line written inside a cell's container from the bytes that
/// precede the cell's opening fence on its line.
package enum ContainerPrefix {
    /// Block-quote markers stay, list markers become spaces of the same width, indentation stays;
    /// for example `> 1. ` gives `>    `.
    package static func continuation(of fenceLinePrefix: [UInt8]) -> String {
        let space = UInt8(ascii: " "), tab: UInt8 = 9, quote = UInt8(ascii: ">")
        var result: [UInt8] = []
        for (index, byte) in fenceLinePrefix.enumerated() {
            switch byte {
            case quote:
                result.append(quote)
                // `>-` needs a space after `>`, or the list content would lose a column:
                // cmark eats one optional space after `>`.
                let next = index + 1 < fenceLinePrefix.count ? fenceLinePrefix[index + 1] : nil
                if let next, next != space, next != tab { result.append(space) }
                if next == nil { result.append(space) }
            case space, tab: result.append(byte)
            default: result.append(space)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The prefix for a blank line: the same markers without trailing blanks.
    package static func blank(_ prefix: String) -> String {
        var bytes = Array(prefix.utf8)
        while let last = bytes.last, last == UInt8(ascii: " ") || last == 9 { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
