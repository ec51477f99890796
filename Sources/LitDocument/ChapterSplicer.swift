extension Chapter {
    /// The chapter's bytes with output blocks written, removed or re-marked, and every byte
    /// outside output blocks unchanged.
    ///
    /// A block sits directly below its cell after one blank line: the bytes from the end of the
    /// cell to the end of its old block are replaced, which makes splicing the same updates into
    /// the result change nothing. `updates` is keyed by cell number; a missing cell is kept.
    /// A cell whose fence is never closed gets a closing fence before its block, since
    /// otherwise the block would become part of its code.
    ///
    /// `closing: .write(marker)` moves the chapter's closing marker below the last cell,
    /// after its block, one blank line apart; `.keep` leaves markers as they are; `.remove`
    /// removes them.
    public func spliced(_ updates: [Int: CellUpdate], closing: ChapterMarker.Update = .keep,
                        removeOrphans: Bool = true) -> [UInt8] {
        var edits: [Edit] = []
        var closingLines: [String] = []
        if closing != .keep {
            edits += closingMarkers.map {
                Edit(range: removalRange(line: $0.line, end: $0.range.upperBound, wholeLines: false), replacement: [])
            }
        }
        if case .write(let marker) = closing { closingLines = [marker.text] }
        for cell in cells {
            let update = updates[cell.number] ?? .keep
            // The last cell carries the closing marker below whatever its block becomes.
            let tail = cell.number == cells.count ? closingLines : []
            switch update {
            case .keep:
                break
            case .markNotRun:
                if let output = cell.output, !output.markerRange.isEmpty {
                    var marker = output.marker
                    marker.status = .notRun
                    edits.append(Edit(range: output.markerRange, replacement: Array(marker.text.utf8)))
                }
            case .noOutput:
                if let output = cell.output {
                    edits.append(Edit(range: cell.range.upperBound..<output.range.upperBound, replacement: []))
                }
            case .output(let marker, let items):
                let layout = OutputBlockRenderer.layout(marker, items)
                // A re-run that changed only timings keeps the old block: no diff.
                if let old = cell.output,
                   WallClockComparison.differsOnlyInWallClock(old, layout, prefix: cell.containerPrefix) {
                    break
                }
                let end = cell.output?.range.upperBound ?? cell.range.upperBound
                let lines = layout.map(\.text) + (tail.isEmpty ? [] : [""] + tail)
                edits.append(Edit(range: cell.range.upperBound..<end, replacement: insertion(lines, below: cell)))
                continue
            }
            guard !tail.isEmpty else { continue }
            // Below the block that stays, else below the cell (closing its fence if open).
            let keptBlock = update == .noOutput ? nil : cell.output
            let end = keptBlock?.range.upperBound ?? cell.range.upperBound
            edits.append(Edit(range: end..<end, replacement: insertion(tail, below: cell, closingFence: keptBlock == nil)))
        }
        if removeOrphans {
            edits += orphanOutputs.map {
                Edit(range: removalRange(line: $0.line, end: $0.range.upperBound, wholeLines: true), replacement: [])
            }
        }
        return apply(edits)
    }

    private struct Edit {
        package var range: Range<Int>
        package var replacement: [UInt8]
    }

    /// The bytes that follow a cell's last line: an optional closing fence, a blank line and the block.
    private func insertion(_ blockLines: [String], below cell: Cell, closingFence: Bool = true) -> [UInt8] {
        let prefix = cell.containerPrefix
        let blankPrefix = ContainerPrefix.blank(prefix)
        var text = ""
        if closingFence, let fence = missingClosingFences[cell.number] { text += lineEnding + prefix + fence }
        text += lineEnding + blankPrefix
        for line in blockLines {
            text += lineEnding + (line.isEmpty ? blankPrefix : prefix + line)
        }
        return Array(text.utf8)
    }

    /// An orphan block or an old closing marker (from `line` to the byte `end`) goes with
    /// the blank lines before it, so removing it leaves no gap behind. An orphan goes as
    /// whole lines, so the line before keeps its own terminator (`lineEnding` may be read
    /// from it); a closing marker takes the terminator before it and leaves its own, which
    /// then ends the marker written below the last cell.
    private func removalRange(line first: Int, end blockEnd: Int, wholeLines: Bool) -> Range<Int> {
        var line = first
        while line > 1, isBlank(line - 1), !isCellLine(line - 1) { line -= 1 }
        var end = blockEnd
        if end < bytes.count, bytes[end] == UInt8(ascii: "\r") { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\n") { end += 1 }
        if line > 1, !wholeLines || end == blockEnd { return lines.contentEnd(line - 1)..<blockEnd }
        // At the top of the file the block's own terminator goes instead.
        return lines.start(line)..<end
    }

    /// Blank, or a block quote's bare `>`, which is the blank line a block inside a quote
    /// is written with.
    private func isBlank(_ line: Int) -> Bool {
        bytes[lines.content(line)].allSatisfy { $0 == UInt8(ascii: " ") || $0 == 9 || $0 == UInt8(ascii: ">") }
    }

    /// Whether a line belongs to a cell: an unclosed cell's last code lines may be blank.
    private func isCellLine(_ line: Int) -> Bool {
        let start = lines.start(line)
        return cells.contains { $0.range.lowerBound <= start && start <= $0.range.upperBound }
    }

    /// Applies edits in byte order; an edit that overlaps an earlier one only keeps its tail.
    private func apply(_ edits: [Edit]) -> [UInt8] {
        let sorted = edits.sorted {
            ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound)
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + sorted.reduce(0) { $0 + $1.replacement.count })
        var cursor = 0
        for edit in sorted {
            let lower = min(max(edit.range.lowerBound, cursor), bytes.count)
            let upper = min(max(edit.range.upperBound, lower), bytes.count)
            result += bytes[cursor..<lower]
            // After a lone "\r" (an empty last line), an inserted "\n" would join it into one
            // "\r\n" and swallow that line; the break is written as "\r" instead.
            if result.last == UInt8(ascii: "\r"), edit.replacement.first == UInt8(ascii: "\n") {
                result.append(UInt8(ascii: "\r"))
                result += edit.replacement.dropFirst()
            } else {
                result += edit.replacement
            }
            cursor = upper
        }
        result += bytes[cursor...]
        return result
    }
}
