import LitLanguage
import LitTensor

/// Reading the arguments of library calls made from cells, with clear errors.
package struct ScriptArguments {
    package let values: [ArgumentValue]
    package let callee: String

    package init(_ values: [ArgumentValue], _ callee: String) {
        self.values = values
        self.callee = callee
    }

    /// Rejects labels outside `allowed`, so that a typo is an error, not ignored.
    package func check(labels allowed: Set<String?>, count range: ClosedRange<Int>) throws(LanguageError) {
        for value in values where !allowed.contains(value.label) {
            throw .library(.unknownLabel(callee: callee, label: value.label))
        }
        guard range.contains(values.count) else {
            throw .here(.wrongArgumentCount(callee: callee, expected: range.upperBound, found: values.count))
        }
    }

    package func value(_ label: String?) -> ArgumentValue? { values.first { $0.label == label } }

    package func tensor(at index: Int) throws(LanguageError) -> Tensor {
        guard index < values.count else { throw .library(.missingTensorArgument(callee: callee)) }
        return try ScriptArguments.tensor(values[index].value, callee: callee)
    }

    package func int(_ label: String?, default fallback: Int? = nil) throws(LanguageError) -> Int {
        guard let argument = value(label) else {
            if let fallback { return fallback }
            throw .library(.missingArgument(callee: callee, label: label))
        }
        guard case .int(let n) = argument.value else { throw .here(.cannotConvert(from: argument.value.typeName, to: "Int")) }
        return n
    }

    package func bool(_ label: String, default fallback: Bool) throws(LanguageError) -> Bool {
        guard let argument = value(label) else { return fallback }
        guard case .bool(let flag) = argument.value else { throw .here(.cannotConvert(from: argument.value.typeName, to: "Bool")) }
        return flag
    }

    /// Sizes written either variadically (`zeros(2, 3)`) or as one array (`zeros([2, 3])`).
    package func sizes() throws(LanguageError) -> [Int] {
        if values.count == 1, case .array(let items) = values[0].value { return try ScriptArguments.ints(items, callee: callee) }
        return try ScriptArguments.ints(values.map(\.value), callee: callee)
    }

    /// A list of Ints, such as dims or a shape with -1 in it.
    package static func integers(_ items: [Value]) throws(LanguageError) -> [Int] {
        var result: [Int] = []
        for item in items {
            guard case .int(let n) = item else { throw .here(.cannotConvert(from: item.typeName, to: "Int")) }
            result.append(n)
        }
        return result
    }

    /// Sizes of a new tensor: not negative, and not too many elements in all.
    package static func ints(_ items: [Value], callee: String) throws(LanguageError) -> [Int] {
        let result = try integers(items)
        try checkTensorSize(result, callee: callee)
        return result
    }

    /// Refuses sizes that are negative or would make more than 2^31 elements, as the
    /// tensors a layer of these sizes would allocate.
    package static func checkTensorSize(_ sizes: [Int], callee: String) throws(LanguageError) {
        if let negative = sizes.first(where: { $0 < 0 }) {
            throw .library(.negativeSize(callee: callee, got: negative))
        }
        guard !Tensor.exceedsSizeLimit(sizes, countingEmptyDimensionsAsOne: true) else {
            throw .library(.tensorTooLarge(callee: callee))
        }
    }

    package static func tensor(_ value: Value, callee: String) throws(LanguageError) -> Tensor {
        guard case .native(let tensor as Tensor) = value else { throw .here(.cannotConvert(from: value.typeName, to: "Tensor")) }
        return tensor
    }

    /// The first argument as an array of tensors, as `cat` and `stack` take them.
    package func tensorList() throws(LanguageError) -> [Tensor] {
        guard let first = values.first, case .array(let items) = first.value else {
            throw .here(.cannotConvert(from: values.first?.value.typeName ?? "nothing", to: "[Tensor]"))
        }
        var tensors: [Tensor] = []
        for item in items { tensors.append(try ScriptArguments.tensor(item, callee: callee)) }
        return tensors
    }
}

/// Sizes and hyper-parameters of layers, checked where the cell writes them.
extension ScriptArguments {
    package func positiveInt(at index: Int, _ name: String) throws(LanguageError) -> Int {
        guard index < values.count, values[index].label == nil else { throw .library(.missingHyperParameter(callee: callee, name: name)) }
        guard case .int(let n) = values[index].value else { throw .here(.cannotConvert(from: values[index].value.typeName, to: "Int")) }
        guard n > 0 else { throw .library(.belowOne(callee: callee, argument: name, got: n)) }
        return n
    }

    package func positiveInt(_ label: String, default fallback: Int? = nil) throws(LanguageError) -> Int {
        let n = try int(label, default: fallback)
        guard n > 0 else { throw .library(.belowOne(callee: callee, argument: label, got: n)) }
        return n
    }

    package func nonNegativeInt(_ label: String, default fallback: Int) throws(LanguageError) -> Int {
        let n = try int(label, default: fallback)
        guard n >= 0 else { throw .library(.belowZero(callee: callee, argument: label, got: n)) }
        return n
    }

    package func double(_ label: String, default fallback: Double) throws(LanguageError) -> Double {
        guard let argument = value(label) else { return fallback }
        return try ScriptArguments.number(argument.value)
    }

    /// A Double or an Int as a Double, as Swift's literals let either stand for a Double.
    package static func number(_ value: Value) throws(LanguageError) -> Double {
        switch value {
        case .double(let d): return d
        case .int(let n): return Double(n)
        default: throw .here(.cannotConvert(from: value.typeName, to: "Double"))
        }
    }
}

/// `kernelSize: 3` or `kernelSize: (1, 2)`: a window's height and width, as PyTorch
/// takes an int or a pair.
extension ScriptArguments {
    /// A side below `minimum` is an error here; without one, the operation checks.
    package func heightWidth(_ label: String, default fallback: HeightWidth? = nil,
                             minimum: Int = .min) throws(LanguageError) -> HeightWidth {
        guard let argument = value(label) else {
            if let fallback { return fallback }
            throw .library(.missingArgument(callee: callee, label: label))
        }
        var size: HeightWidth?
        switch argument.value {
        case .int(let n): size = HeightWidth(n)
        case .tuple(let items, _) where items.count == 2:
            if case .int(let height) = items[0], case .int(let width) = items[1] { size = HeightWidth(height, width) }
        default: break
        }
        guard let size else { throw .here(.cannotConvert(from: argument.value.typeName, to: "Int or (Int, Int)")) }
        for side in [size.height, size.width] where side < minimum {
            throw .library(minimum == 1 ? .belowOne(callee: callee, argument: label, got: side)
                                        : .belowZero(callee: callee, argument: label, got: side))
        }
        return size
    }
}
