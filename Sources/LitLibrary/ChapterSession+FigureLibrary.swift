import LitLanguage
import LitRendering
import LitTensor

/// `showImages` and `plot`, d2l's `show_images` and `plot`: figures written into the
/// chapter's assets folder and linked from the cell's output, as `train` does with its curve.
extension ChapterSession {
    package func installFigureLibrary() {
        interpreter.define("showImages", signatures: [Signature("_", "titles=", "columns=", "scale=")]) { [unowned self] (_, args) throws(LanguageError) in
            try showImages(ScriptArguments(args, "showImages"))
            return .void
        }
        let plotSignatures = ["series", "y"].map { Signature("x", $0, "xLabel=", "yLabel=", "logY=") }
        interpreter.define("plot", signatures: plotSignatures) { [unowned self] (_, args) throws(LanguageError) in
            try plot(ScriptArguments(args, "plot"))
            return .void
        }
    }

    /// `showImages(X, titles:, columns:, scale:)`: a grid of the images in X.
    private func showImages(_ arguments: ScriptArguments) throws(LanguageError) {
        let images = try arguments.tensor(at: 0)
        // The shape is checked first, so that a huge tensor is refused before its values are copied.
        let dimensions = try libraryOperation { () throws(FigureError) in try ImageGrid.Dimensions(shape: images.shape) }
        var titles: [String]?
        if let given = arguments.value("titles") { titles = try Self.strings(given.value) }
        let columns = arguments.value("columns") == nil ? nil : try arguments.int("columns")
        let scale = try arguments.double("scale", default: 1)
        let grid = try libraryOperation { () throws(FigureError) in
            try ImageGrid(dimensions, values: images.scalars, titles: titles, columns: columns, scale: scale)
        }
        emitFigure(named: "images", svg: grid.svg(), alt: grid.altText)
    }

    /// `plot(x:, series: [name: values], xLabel:, yLabel:, logY:)`, or `plot(x:, y:)` for
    /// one series without a legend.
    private func plot(_ arguments: ScriptArguments) throws(LanguageError) {
        let x = try numbers(arguments, "x")
        var series: [LineChart.Series] = []
        if arguments.value("y") != nil {
            series.append(LineChart.Series(name: nil, values: try numbers(arguments, "y")))
        } else if let given = arguments.value("series") {
            guard case .dictionary(let dictionary) = given.value else {
                throw .here(.cannotConvert(from: given.value.typeName, to: "[String: Tensor]"))
            }
            // Cell dictionaries keep the order they were written in, and so does the legend.
            for (key, value) in zip(dictionary.keys, dictionary.values) {
                guard case .string(let name) = key else {
                    throw .here(.cannotConvert(from: given.value.typeName, to: "[String: Tensor]"))
                }
                series.append(LineChart.Series(name: name, values: try Self.numbers(value, callee: "plot", argument: "series \"\(name)\"")))
            }
        }
        let xLabel = try arguments.optionalString("xLabel"), yLabel = try arguments.optionalString("yLabel")
        let logY = try arguments.bool("logY", default: false)
        let chart = try libraryOperation { () throws(FigureError) in
            try LineChart(x: x, series: series, xLabel: xLabel, yLabel: yLabel, logY: logY)
        }
        emitFigure(named: "plot", svg: chart.svg(), alt: chart.altText)
    }

    private func numbers(_ arguments: ScriptArguments, _ label: String) throws(LanguageError) -> [Double] {
        guard let argument = arguments.value(label) else { throw .library(.missingArgument(callee: arguments.callee, label: label)) }
        return try Self.numbers(argument.value, callee: arguments.callee, argument: label)
    }

    /// A plot's coordinates: a 1-D tensor, an array of numbers or a range of Ints, at most
    /// `LineChart.maximumPoints` of them (checked before they are copied).
    package static func numbers(_ value: Value, callee: String, argument: String) throws(LanguageError) -> [Double] {
        func checkCount(_ count: Int) throws(LanguageError) {
            guard count <= LineChart.maximumPoints else {
                throw .here(.library(FigureError.tooManyPoints(count: count, maximum: LineChart.maximumPoints)))
            }
        }
        switch value {
        case .native(let tensor as Tensor):
            guard tensor.rank == 1 else {
                throw .library(.notNumbers(callee: callee, argument: argument, got: "a tensor of shape \(tensor.shape)"))
            }
            try checkCount(tensor.count)
            return tensor.scalars.map(Double.init)
        case .array(let items):
            try checkCount(items.count)
            var numbers: [Double] = []
            for item in items {
                switch item {
                case .int(let n): numbers.append(Double(n))
                case .double(let d): numbers.append(d)
                default: throw .library(.notNumbers(callee: callee, argument: argument, got: "a value of type '\(value.typeName)'"))
                }
            }
            return numbers
        case .range(let lower, let upper, _) where lower != Value.unboundedLower && upper != Value.unboundedUpper:
            let (count, overflow) = upper.subtractingReportingOverflow(lower)
            try checkCount(overflow ? Int.max : max(0, count))
            return lower < upper ? (lower..<upper).map(Double.init) : []
        default:
            throw .library(.notNumbers(callee: callee, argument: argument, got: "a value of type '\(value.typeName)'"))
        }
    }

    /// Titles: an array of strings, such as `fashionMNISTLabels(y)` gives.
    private static func strings(_ value: Value) throws(LanguageError) -> [String] {
        guard case .array(let items) = value else { throw .here(.cannotConvert(from: value.typeName, to: "[String]")) }
        var strings: [String] = []
        for item in items {
            guard case .string(let text) = item else { throw .here(.cannotConvert(from: value.typeName, to: "[String]")) }
            strings.append(text)
        }
        return strings
    }
}

extension ScriptArguments {
    /// A String argument, or nil when it is left out.
    package func optionalString(_ label: String) throws(LanguageError) -> String? {
        guard let argument = value(label) else { return nil }
        guard case .string(let text) = argument.value else {
            throw .here(.cannotConvert(from: argument.value.typeName, to: "String"))
        }
        return text
    }
}
