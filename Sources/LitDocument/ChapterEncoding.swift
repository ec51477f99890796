/// Decides whether bytes can be a Markdown chapter: UTF-8 text with no NUL byte.
package enum ChapterEncoding {
    /// Why the bytes are not text and the offset of the first offending byte, or nil when they are text.
    package static func problem(in bytes: [UInt8]) -> (offset: Int, reason: String)? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead == 0 { return (index, "it contains a NUL byte at offset \(index) (binary file?)") }
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else { return (index, "it is not valid UTF-8 (bad byte at offset \(index))") }
            index += length
        }
        return nil
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or 0 when it is ill-formed
    /// (overlong forms, surrogates and code points above U+10FFFF included).
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let (min, max) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= min, byte <= max else { return 0 }
        }
        return length
    }
}
