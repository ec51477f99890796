import LitDiagnostics

/// Turns cmark's blocks into cells and output blocks with byte ranges in the original bytes.
package struct ChapterParser {
    package let bytes: [UInt8]
    package let path: String
    package let lines: LineTable
    /// cmark skips a leading byte order mark, so its columns on line 1 are 3 bytes short.
    package let byteOrderMarkLength: Int

    package init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        self.lines = LineTable(bytes)
        self.byteOrderMarkLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    package func parse() throws(Diagnostic) -> Chapter {
        if let problem = ChapterEncoding.problem(in: bytes) {
            throw Diagnostic(DocumentError.notMarkdown(path: path, reason: problem.reason), at: location(ofByte: problem.offset))
        }
        let blocks = CommonMarkReader.read(bytes).blocks
        let found = try outputBlocks(in: blocks)
        var cells: [Cell] = []
        var missingClosingFences: [Int: String] = [:]
        var attached = Set<Int>()
        for (index, block) in blocks.enumerated() where !found.hidden.contains(index) {
            guard case .code(let info) = block.kind else { continue }
            let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.first == "swift" else { continue }
            let flags = try cellFlags(words.dropFirst(), block: block)
            var (cell, closingFence) = makeCell(number: cells.count + 1, info: info, flags: flags, block: block)
            if let sibling = block.nextSibling, let outputIndex = found.byBeginBlock[sibling], closingFence == nil,
                onlyBlankLines(after: cell.range, before: found.outputs[outputIndex].line)
            {
                cell.output = found.outputs[outputIndex]
                attached.insert(outputIndex)
            }
            if let closingFence { missingClosingFences[cell.number] = closingFence }
            cells.append(cell)
        }
        let orphans = found.outputs.indices.filter { !attached.contains($0) }.map { found.outputs[$0] }
        return Chapter(
            path: path, bytes: bytes, cells: cells, orphanOutputs: orphans, closingMarkers: found.closingMarkers,
            lines: lines, missingClosingFences: missingClosingFences)
    }

    // MARK: Output blocks

    private struct FoundOutputs {
        package var outputs: [OutputBlock] = []
        /// Output index by the block index of its begin marker.
        package var byBeginBlock: [Int: Int] = [:]
        /// Blocks inside output blocks, markers included, which are never cells.
        package var hidden = Set<Int>()
        package var closingMarkers: [ChapterMarker.Placed] = []
    }

    /// Pairs each begin marker with the next end marker in document order; everything between is ours.
    private func outputBlocks(in blocks: [CommonMarkBlock]) throws(Diagnostic) -> FoundOutputs {
        var found = FoundOutputs()
        var open: (index: Int, marker: OutputMarker)?
        for (index, block) in blocks.enumerated() {
            if open != nil { found.hidden.insert(index) }
            guard block.kind == .html, block.lastContentLine == block.startLine else { continue }
            if let begin = open {
                guard OutputMarker.isEnd(block.literal) else { continue }
                found.byBeginBlock[begin.index] = found.outputs.count
                found.outputs.append(outputBlock(begin: blocks[begin.index], marker: begin.marker, end: block))
                open = nil
            } else if let marker = OutputMarker.parse(block.literal) {
                open = (index, marker)
                found.hidden.insert(index)
            } else if let marker = ChapterMarker.parse(block.literal) {
                let line = block.startLine
                found.closingMarkers.append(ChapterMarker.Placed(marker: marker, line: line,
                                                                 range: lines.start(line)..<lines.contentEnd(line)))
            }
        }
        if let begin = open {
            let block = blocks[begin.index]
            let offset = byteOffset(line: block.startLine, column: block.startColumn)
            throw Diagnostic(
                DocumentError.unterminatedOutputBlock, at: location(ofByte: offset), sourceLine: lineText(block.startLine))
        }
        return found
    }

    private func outputBlock(begin: CommonMarkBlock, marker: OutputMarker, end: CommonMarkBlock) -> OutputBlock {
        let firstLine = begin.startLine
        let lastLine = max(end.startLine, firstLine)
        let body = (firstLine + 1..<lastLine).map(lineText).joined(separator: "\n")
        let markerStart = byteOffset(line: firstLine, column: begin.startColumn)
        var markerEnd = lines.contentEnd(firstLine)
        while markerEnd > markerStart, bytes[markerEnd - 1] == UInt8(ascii: " ") || bytes[markerEnd - 1] == 9 {
            markerEnd -= 1
        }
        return OutputBlock(
            range: lines.start(firstLine)..<lines.contentEnd(lastLine), marker: marker, body: body, line: firstLine,
            markerRange: markerStart..<markerEnd)
    }

    /// Whether only blank lines (a block quote's bare `>` counts as blank) lie between a cell and a block.
    private func onlyBlankLines(after range: Range<Int>, before line: Int) -> Bool {
        var offset = range.upperBound
        while offset < bytes.count, offset < lines.start(line) {
            let byte = bytes[offset]
            guard byte == UInt8(ascii: " ") || byte == 9 || byte == 10 || byte == 13 || byte == UInt8(ascii: ">") else {
                return false
            }
            offset += 1
        }
        return true
    }

    // MARK: Cells

    private func cellFlags(_ words: ArraySlice<Substring>, block: CommonMarkBlock) throws(Diagnostic) -> Cell.Flags {
        var flags: Cell.Flags = []
        for word in words {
            switch word {
            case "norun": flags.insert(.norun)
            case "expect-error": flags.insert(.expectError)
            case "parameters": flags.insert(.parameters)
            default:
                let offset = flagOffset(String(word), block: block)
                throw Diagnostic(
                    DocumentError.unknownCellFlag(String(word)), at: location(ofByte: offset), sourceLine: lineText(block.startLine))
            }
        }
        return flags
    }

    /// Where a flag is written on the fence line; the fence itself when escapes hide it.
    private func flagOffset(_ flag: String, block: CommonMarkBlock) -> Int {
        let fence = byteOffset(line: block.startLine, column: block.startColumn)
        let end = lines.contentEnd(block.startLine)
        let needle = Array(flag.utf8)
        guard !needle.isEmpty, end - fence >= needle.count else { return fence }
        // Skip the fence and the `swift` word so a flag such as `swift` itself is not found there.
        var start = fence
        while start < end, bytes[start] == bytes[fence] { start += 1 }
        start = min(end, start + 1)
        while start + needle.count <= end {
            if bytes[start..<start + needle.count].elementsEqual(needle), start + needle.count == end
                || bytes[start + needle.count] == UInt8(ascii: " ") || bytes[start + needle.count] == 9
            {
                return start
            }
            start += 1
        }
        return fence
    }

    private func makeCell(number: Int, info: String, flags: Cell.Flags, block: CommonMarkBlock) -> (Cell, String?) {
        let fenceLine = block.startLine
        let fenceStart = byteOffset(line: fenceLine, column: block.startColumn)
        let closingLine = block.lastContentLine + 1
        let isClosed = closingLine <= block.containerEndLine && lines.contains(closingLine)
        let lastLine = max(fenceLine, min(isClosed ? closingLine : block.lastContentLine, lines.count))
        let code = CellHash.normalisedLineEndings(block.literal)
        var codeLines = code.split(separator: "\n", omittingEmptySubsequences: false)
        if code.hasSuffix("\n") || code.isEmpty { codeLines.removeLast() }
        let offsets = codeLines.enumerated().map { index, codeLine in
            columnOffset(rawLine: fenceLine + 1 + index, codeLine: Array(codeLine.utf8))
        }
        let cell = Cell(
            number: number, info: info, flags: flags, code: code, fenceLine: fenceLine, firstCodeLine: fenceLine + 1,
            codeColumnOffsets: offsets, range: lines.start(fenceLine)..<lines.contentEnd(lastLine),
            containerPrefix: ContainerPrefix.continuation(of: Array(bytes[lines.start(fenceLine)..<fenceStart])),
            output: nil)
        return (cell, isClosed ? nil : fence(at: fenceStart, line: fenceLine))
    }

    /// The run of fence characters at `offset`, repeated to close the block.
    private func fence(at offset: Int, line: Int) -> String {
        let end = lines.contentEnd(line)
        guard offset < end, bytes[offset] == UInt8(ascii: "`") || bytes[offset] == UInt8(ascii: "~") else {
            return "```"
        }
        var length = 0
        while offset + length < end, bytes[offset + length] == bytes[offset] { length += 1 }
        return String(repeating: Character(UnicodeScalar(bytes[offset])), count: length)
    }

    /// The raw line ends with the code line unless cmark expanded a tab, in which case the
    /// first non-blank characters are lined up instead.
    private func columnOffset(rawLine: Int, codeLine: [UInt8]) -> Int {
        let raw = bytes[lines.content(rawLine)]
        if raw.count >= codeLine.count, raw.suffix(codeLine.count).elementsEqual(codeLine) {
            return raw.count - codeLine.count
        }
        let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == 9 }
        guard let rawFirst = raw.firstIndex(where: { !isBlank($0) }), let codeFirst = codeLine.firstIndex(where: { !isBlank($0) })
        else { return max(0, raw.count - codeLine.count) }
        return max(0, (rawFirst - raw.startIndex) - codeFirst)
    }

    // MARK: Positions

    /// The byte offset of cmark's 1-based column on a line, kept inside that line.
    private func byteOffset(line: Int, column: Int) -> Int {
        let content = lines.content(line)
        let shift = line == 1 ? byteOrderMarkLength : 0
        return min(max(content.lowerBound + column - 1 + shift, content.lowerBound), content.upperBound)
    }

    private func location(ofByte offset: Int) -> SourceLocation {
        var line = 1
        while line < lines.count, lines.start(line + 1) <= offset { line += 1 }
        return SourceLocation(file: path, line: line, column: offset - lines.start(line) + 1)
    }

    private func lineText(_ line: Int) -> String {
        String(decoding: bytes[lines.content(line)], as: UTF8.self)
    }
}
