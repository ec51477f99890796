import Foundation

/// Prints tensors exactly as PyTorch's default `repr` lays out the values: nested
/// brackets, one number format for the whole tensor, rows wrapped at 80 columns, and
/// only the first and last three entries of each dimension once there are over 1000
/// values.
package struct TensorFormatter {
    package static let summarizeAbove = 1000
    package static let edgeItems = 3
    package static let lineWidth = 80
    package static let prefix = "tensor("

    package let tensor: Tensor

    package var text: String {
        TensorFormatter.prefix + body + suffixes.map { ", " + $0 }.joined() + ")"
    }

    private var body: String {
        let values = tensor.scalars
        if tensor.rank == 0 { return NumberFormat(values: values).string(values[0]) }
        if values.isEmpty { return "[]" }
        let summarize = values.count > TensorFormatter.summarizeAbove
        let format = NumberFormat(values: summarize ? shownValues(values) : values)
        return render(values, dim: 0, offset: 0, indent: TensorFormatter.prefix.count, summarize: summarize, format: format)
    }

    /// What PyTorch appends, spelled the Swift way: the shape of an empty tensor that the
    /// brackets cannot show, and how the tensor takes part in autograd.
    private var suffixes: [String] {
        var result: [String] = []
        if tensor.count == 0 && tensor.rank > 1 { result.append("shape: \(tensor.shape)") }
        if let node = tensor.gradientNode {
            result.append("gradFn: \(node.operation)")
        } else if tensor.requiresGrad {
            result.append("requiresGrad: true")
        }
        return result
    }

    private func render(_ values: [Float], dim: Int, offset: Int, indent: Int, summarize: Bool, format: NumberFormat) -> String {
        let size = tensor.shape[dim]
        let stride = tensor.shape[(dim + 1)...].reduce(1, *)
        let indices = shownIndices(size, summarize: summarize)
        if dim == tensor.rank - 1 {
            let items = indices.map { $0.map { format.string(values[offset + $0]) } ?? " ..." }
            let perLine = max(1, (TensorFormatter.lineWidth - indent) / (format.width + 2))
            let lines = Swift.stride(from: 0, to: items.count, by: perLine).map {
                items[$0..<min($0 + perLine, items.count)].joined(separator: ", ")
            }
            return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
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

    /// The values a summarized tensor prints; PyTorch picks the format from these alone.
    private func shownValues(_ values: [Float]) -> [Float] {
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

/// PyTorch's `_Formatter`: whole numbers print as `3.`, others with four decimals, and
/// both switch to scientific notation when the finite nonzero magnitudes span more than
/// a thousandfold or pass 1e8 (or, for fractions, fall below 1e-4). The column width
/// comes from the finite nonzero values, so `nan`, `inf` and `0.` never widen it.
private struct NumberFormat {
    package enum Style { case integer, fixed, scientific }
    package let style: Style
    package let width: Int

    package init(values: [Float]) {
        let finite = values.filter { $0.isFinite && $0 != 0 }
        let magnitudes = finite.map { Double(abs($0)) }
        let (low, high) = (magnitudes.min() ?? 1, magnitudes.max() ?? 1)
        if finite.allSatisfy({ $0.rounded() == $0 }) {
            style = high / low > 1000 || high > 1e8 ? .scientific : .integer
        } else {
            style = high / low > 1000 || high > 1e8 || low < 1e-4 ? .scientific : .fixed
        }
        var width = 1
        for value in finite { width = max(width, NumberFormat.plain(value, style).count) }
        self.width = width
    }

    package func string(_ value: Float) -> String {
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
