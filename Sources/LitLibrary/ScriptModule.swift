import LitLanguage
import LitNN
import LitTensor

/// How library code sees an object of a cell class that subclasses `Module`: its
/// `forward` runs the cell's method, and its children and parameters are its fields.
///
/// The adapter holds no state: the training flag lives in the object's fields, so an
/// adapter can be made whenever the object is handed to library code (a `Sequential`,
/// `train`), and two adapters of one object are the same module.
package final class ScriptModule: Module {
    package let instance: Instance
    private unowned let interpreter: Interpreter

    package static let trainingField = "isTraining"

    package init(_ instance: Instance, interpreter: Interpreter) {
        self.instance = instance
        self.interpreter = interpreter
    }

    package override var isTraining: Bool {
        get {
            if case .bool(let flag)? = instance.fields[ScriptModule.trainingField] { return flag }
            return true
        }
        set { instance.fields[ScriptModule.trainingField] = .bool(newValue) }
    }

    package override var typeName: String { instance.classInfo.name }

    /// The object's plain stored settings (numbers, flags, strings), as `outChannels: 23`.
    package override var hyperParameters: String {
        instance.classInfo.allProperties.compactMap { property -> String? in
            guard let value = instance.fields[property.name] else { return nil }
            switch value {
            case .int, .double, .bool: return "\(property.name): \(value)"
            case .string(let text): return "\(property.name): \"\(text)\""
            default: return nil
            }
        }.joined(separator: ", ")
    }

    package override var identity: ObjectIdentifier { ObjectIdentifier(instance) }

    package override func forward(_ input: Tensor) throws -> Tensor {
        let name = instance.classInfo.name
        guard let (method, owner) = instance.classInfo.method(named: "forward") else {
            throw LanguageError.library(.forwardNotOverridden(type: name))
        }
        let result = try interpreter.invoke(method, [ArgumentValue(label: nil, value: .native(input))], scope: owner.scope,
                                            receiver: instance, owner: owner, at: interpreter.nativeCallOffset)
        guard case .native(let output as Tensor) = result else {
            throw LanguageError.here(.cannotConvert(from: result.typeName, to: "Tensor (the result of '\(name).forward')"))
        }
        return output
    }

    /// Children and trainable tensors in the order the class declares its properties.
    package override func members() -> [ModuleMember] {
        var result: [ModuleMember] = []
        for property in instance.classInfo.allProperties {
            guard let value = instance.fields[property.name] else { continue }
            switch value {
            case .array(let items):
                let modules = items.compactMap { ModuleScripting.module(from: $0) }
                if !modules.isEmpty && modules.count == items.count { result.append(.children(property.name, modules)) }
                for (index, item) in items.enumerated() {
                    if case .native(let tensor as Tensor) = item, tensor.requiresGrad {
                        result.append(.parameter("\(property.name).\(index)", tensor))
                    }
                }
            case .native(let tensor as Tensor):
                if tensor.requiresGrad { result.append(.parameter(property.name, tensor)) }
            default:
                if let module = ModuleScripting.module(from: value) {
                    result.append(.child(property.name, module))
                }
            }
        }
        return result
    }
}
