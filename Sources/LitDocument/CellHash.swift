/// Digests that tell whether a cell's output is stale: cell `i`'s hash covers its own info
/// string and code and those of every cell before it, so editing a cell makes it and every
/// later cell stale.
public enum CellHash {
    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The chained hash of every cell, as 8 lowercase hex digits, in cell order.
    public static func chain(_ cells: [Cell]) -> [String] {
        var state = offsetBasis
        var hashes: [String] = []
        hashes.reserveCapacity(cells.count)
        for cell in cells {
            feed(&state, cell.info.utf8)
            feed(&state, CollectionOfOne(0))
            // Line endings are normalised so a chapter saved with CRLF keeps its hashes.
            feed(&state, normalisedLineEndings(cell.code).utf8)
            feed(&state, CollectionOfOne(0xFF))
            hashes.append(hex(state))
        }
        return hashes
    }

    private static func feed<Bytes: Sequence<UInt8>>(_ state: inout UInt64, _ bytes: Bytes) {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* prime
        }
    }

    /// Folds 64 bits to 32 so the marker stays short; collisions only cost a needless re-run.
    private static func hex(_ state: UInt64) -> String {
        let folded = UInt32(truncatingIfNeeded: state >> 32) ^ UInt32(truncatingIfNeeded: state)
        let digits = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    package static func normalisedLineEndings(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") {
                bytes.append(UInt8(ascii: "\n"))
                previousWasCR = true
                continue
            }
            if !(byte == UInt8(ascii: "\n") && previousWasCR) { bytes.append(byte) }
            previousWasCR = false
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
