import Testing
import LitArchive

@Suite struct SnapshotFileTests {
    let payload: [UInt8] = Array("the shared context".utf8)

    @Test func theChecksumIsCRC32() {
        // The standard check value of CRC-32 (IEEE 802.3) over the ASCII digits 1 to 9.
        #expect(SnapshotFile.checksum(Array("123456789".utf8)[...]) == 0xCBF4_3926)
    }

    @Test func aSealedPayloadOpensUnderItsKey() throws {
        let file = SnapshotFile.seal(payload, key: "cell-3")
        #expect(Array(file.prefix(8)) == Array("LITSNAP".utf8) + [0x1A])
        #expect(try SnapshotFile.open(file, key: "cell-3") == payload)
    }

    @Test func anotherKeyOrVersionIsRefused() {
        let file = SnapshotFile.seal(payload, key: "seed=1")
        #expect(throws: SnapshotError.keyMismatch(found: "seed=1", expected: "seed=2")) {
            try SnapshotFile.open(file, key: "seed=2")
        }
        let older = SnapshotFile.seal(payload, key: "k", version: SnapshotFile.formatVersion + 1)
        #expect(throws: SnapshotError.versionMismatch(found: SnapshotFile.formatVersion + 1,
                                                      expected: SnapshotFile.formatVersion)) {
            try SnapshotFile.open(older, key: "k")
        }
    }

    @Test func everyTruncationIsRefused() {
        let file = SnapshotFile.seal(payload, key: "k")
        for length in 0..<file.count {
            #expect(throws: SnapshotError.self) { try SnapshotFile.open(Array(file.prefix(length)), key: "k") }
        }
        #expect(throws: SnapshotError.self) { try SnapshotFile.open(file + [0], key: "k") }
    }

    @Test func everyChangedByteIsFound() {
        let file = SnapshotFile.seal(payload, key: "k")
        for index in file.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = file
                damaged[index] ^= flip
                #expect(throws: SnapshotError.self) { try SnapshotFile.open(damaged, key: "k") }
            }
        }
    }
}
