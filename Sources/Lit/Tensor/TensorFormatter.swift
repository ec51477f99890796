import Foundation

/// Prints tensors the way PyTorch does: nested brackets, one shared number format, and
/// only the first and last three entries of a dimension once there are over 1000 values.
struct TensorFormatter {
    static let summarizeAbove = 1000
    static let edgeItems = 3

    let tensor: Tensor

    var text: String {
        let values = tensor.scalars
        let summarize = values.count > TensorFormatter.summarizeAbove
        let format = NumberFormat(values: shownValues(values, summarize: summarize))
        if tensor.rank == 0 { return "tensor(\(format.string(values[0])))" }
        let body = render(values, dim: 0, offset: 0, indent: 7, summarize: summarize, format: format)
        return "tensor(" + body + ")"
    }

    private func render(_ values: [Float], dim: Int, offset: Int, indent: Int, summarize: Bool, format: NumberFormat) -> String {
        let size = tensor.shape[dim]
        let stride = tensor.shape[(dim + 1)...].reduce(1, *)
        let indices = shownIndices(size, summarize: summarize)
        if dim == tensor.rank - 1 {
            let items = indices.map { $0.map { format.string(values[offset + $0]) } ?? "..." }
            return "[" + items.joined(separator: ", ") + "]"
        }
        let separator = "," + String(repeating: "\n", count: tensor.rank - dim - 1) + String(repeating: " ", count: indent + 1)
        let items = indices.map { index in
            index.map { render(values, dim: dim + 1, offset: offset + $0 * stride, indent: indent + 1, summarize: summarize, format: format) } ?? "..."
        }
        return "[" + items.joined(separator: separator) + "]"
    }

    /// nil marks the elided middle.
    private func shownIndices(_ size: Int, summarize: Bool) -> [Int?] {
        let edge = TensorFormatter.edgeItems
        guard summarize && size > 2 * edge else { return Array(0..<size) }
        return Array(0..<edge) + [nil] + Array((size - edge)..<size)
    }

    private func shownValues(_ values: [Float], summarize: Bool) -> [Float] {
        guard summarize else { return values }
        // The format is chosen from what is printed, as PyTorch does.
        var shown: [Float] = []
        func collect(dim: Int, offset: Int) {
            let stride = tensor.shape[(dim + 1)...].reduce(1, *)
            for index in shownIndices(tensor.shape[dim], summarize: true).compactMap({ $0 }) {
                if dim == tensor.rank - 1 { shown.append(values[offset + index]) } else { collect(dim: dim + 1, offset: offset + index * stride) }
            }
        }
        collect(dim: 0, offset: 0)
        return shown
    }
}

/// The one number format of a printed tensor: whole numbers as `3.`, others with four
/// decimals, and scientific notation when magnitudes span too widely.
private struct NumberFormat {
    enum Style { case integer, fixed, scientific }
    let style: Style
    let width: Int

    init(values: [Float]) {
        let finite = values.filter(\.isFinite).map { abs($0) }
        if finite.allSatisfy({ $0.rounded() == $0 }) && (finite.max() ?? 0) < 1e8 {
            style = .integer
        } else {
            let nonzero = finite.filter { $0 != 0 }
            let (low, high) = (nonzero.min() ?? 1, nonzero.max() ?? 1)
            style = high / low > 1000 || high > 1e8 || low < 1e-4 ? .scientific : .fixed
        }
        var width = 0
        for value in values { width = max(width, NumberFormat.plain(value, style).count) }
        self.width = width
    }

    func string(_ value: Float) -> String {
        let text = NumberFormat.plain(value, style)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func plain(_ value: Float, _ style: Style) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        switch style {
        case .integer: return String(format: "%.0f.", Double(value))
        case .fixed: return String(format: "%.4f", Double(value))
        case .scientific: return String(format: "%.4e", Double(value))
        }
    }
}

extension Tensor: CustomStringConvertible {
    public var description: String { TensorFormatter(tensor: self).text }
}
