extension Chapter {
    /// The chapter's bytes with output blocks written, removed or re-marked, and every byte
    /// outside output blocks unchanged.
    ///
    /// A block sits directly below its cell after one blank line: the bytes from the end of the
    /// cell to the end of its old block are replaced, which makes splicing the same updates into
    /// the result change nothing. `updates` is keyed by cell number; a missing cell is kept.
    /// A cell whose fence is never closed gets a closing fence before its block, since
    /// otherwise the block would become part of its code.
    public func spliced(_ updates: [Int: CellUpdate], removeOrphans: Bool = true) -> [UInt8] {
        var edits: [Edit] = []
        for cell in cells {
            switch updates[cell.number] ?? .keep {
            case .keep:
                continue
            case .markNotRun:
                guard let output = cell.output, !output.markerRange.isEmpty else { continue }
                var marker = output.marker
                marker.status = .notRun
                edits.append(Edit(range: output.markerRange, replacement: Array(marker.text.utf8)))
            case .noOutput:
                guard let output = cell.output else { continue }
                edits.append(Edit(range: cell.range.upperBound..<output.range.upperBound, replacement: []))
            case .output(let marker, let items):
                let end = cell.output?.range.upperBound ?? cell.range.upperBound
                let lines = OutputBlockRenderer.render(marker, items)
                edits.append(Edit(range: cell.range.upperBound..<end, replacement: insertion(lines, below: cell)))
            }
        }
        if removeOrphans {
            edits += orphanOutputs.map { Edit(range: removalRange(of: $0), replacement: []) }
        }
        return apply(edits)
    }

    private struct Edit {
        var range: Range<Int>
        var replacement: [UInt8]
    }

    /// The bytes that follow a cell's last line: an optional closing fence, a blank line and the block.
    private func insertion(_ blockLines: [String], below cell: Cell) -> [UInt8] {
        let prefix = cell.containerPrefix
        let blankPrefix = ContainerPrefix.blank(prefix)
        var text = ""
        if let fence = missingClosingFences[cell.number] { text += lineEnding + prefix + fence }
        text += lineEnding + blankPrefix
        for line in blockLines {
            text += lineEnding + (line.isEmpty ? blankPrefix : prefix + line)
        }
        return Array(text.utf8)
    }

    /// An orphan goes with the blank lines before it, so removing it leaves no gap behind.
    private func removalRange(of block: OutputBlock) -> Range<Int> {
        var line = block.line
        while line > 1, isBlank(line - 1) { line -= 1 }
        if line > 1 { return lines.contentEnd(line - 1)..<block.range.upperBound }
        // At the top of the file the block's own terminator goes instead.
        var end = block.range.upperBound
        if end < bytes.count, bytes[end] == UInt8(ascii: "\r") { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\n") { end += 1 }
        return 0..<end
    }

    private func isBlank(_ line: Int) -> Bool {
        bytes[lines.content(line)].allSatisfy { $0 == UInt8(ascii: " ") || $0 == 9 }
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
            result += edit.replacement
            cursor = upper
        }
        result += bytes[cursor...]
        return result
    }
}
