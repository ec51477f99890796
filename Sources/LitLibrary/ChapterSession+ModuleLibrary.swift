import LitLanguage
import LitNN

/// `Module`, which cell classes subclass, and the built-in layers' constructors.
extension ChapterSession {
    package func installModuleLibrary() {
        let base = NativeClassBase(
            type: ModuleScripting.baseType,
            initialFields: [ScriptModule.trainingField: .bool(true)],
            callMethod: "forward",
            wrap: { [unowned interpreter] instance in ScriptModule(instance, interpreter: interpreter) },
            describe: { [unowned interpreter] instance in ScriptModule(instance, interpreter: interpreter).description })
        interpreter.defineBaseClass("Module", base)
        installLayerConstructors()
        interpreter.define("Sequential", signatures: [Signature("_...")]) { (_, args) throws(LanguageError) in
            var modules: [Module] = []
            for argument in args {
                guard argument.label == nil else { throw .library(.labelledSequentialModule) }
                modules.append(try ModuleScripting.module(argument.value, callee: "Sequential"))
            }
            return .native(Sequential(modules))
        }
    }

    private func installLayerConstructors() {
        interpreter.define("Conv2d", signatures: [Signature("_", "_", "kernelSize", "stride=", "padding=", "bias=")]) {
            (interpreter, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "Conv2d")
            let inChannels = try arguments.positiveInt(at: 0, "inChannels"), outChannels = try arguments.positiveInt(at: 1, "outChannels")
            let kernelSize = try arguments.heightWidth("kernelSize", minimum: 1)
            let stride = try arguments.heightWidth("stride", default: 1, minimum: 1)
            let padding = try arguments.heightWidth("padding", default: 0, minimum: 0)
            try ScriptArguments.checkTensorSize([outChannels, inChannels, kernelSize.height, kernelSize.width], callee: "Conv2d")
            return .native(Conv2d(inChannels, outChannels, kernelSize: kernelSize, stride: stride, padding: padding,
                                  bias: try arguments.bool("bias", default: true), using: &interpreter.random))
        }
        interpreter.define("Linear", signatures: [Signature("_", "_", "bias=")]) { (interpreter, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "Linear")
            let inFeatures = try arguments.positiveInt(at: 0, "inFeatures"), outFeatures = try arguments.positiveInt(at: 1, "outFeatures")
            try ScriptArguments.checkTensorSize([outFeatures, inFeatures], callee: "Linear")
            return .native(Linear(inFeatures, outFeatures, bias: try arguments.bool("bias", default: true), using: &interpreter.random))
        }
        for name in ["BatchNorm1d", "BatchNorm2d"] {
            interpreter.define(name, signatures: [Signature("_", "eps=", "momentum=")]) { (_, args) throws(LanguageError) in
                let arguments = ScriptArguments(args, name)
                let features = try arguments.positiveInt(at: 0, "features")
                try ScriptArguments.checkTensorSize([features], callee: name)
                let eps = Float(try arguments.double("eps", default: 1e-5))
                let momentum = Float(try arguments.double("momentum", default: 0.1))
                guard eps > 0, (0...1).contains(momentum) else {
                    throw .library(.invalidBatchNormSettings(callee: name))
                }
                return .native(name == "BatchNorm1d" ? BatchNorm1d(features, eps: eps, momentum: momentum)
                                                     : BatchNorm2d(features, eps: eps, momentum: momentum))
            }
        }
        for name in ["MaxPool2d", "AvgPool2d"] {
            interpreter.define(name, signatures: [Signature("kernelSize", "stride=", "padding=")]) { (_, args) throws(LanguageError) in
                let arguments = ScriptArguments(args, name)
                let kernelSize = try arguments.heightWidth("kernelSize", minimum: 1)
                let stride = try arguments.heightWidth("stride", default: kernelSize, minimum: 1)
                let padding = try arguments.heightWidth("padding", default: 0, minimum: 0)
                guard padding.height <= kernelSize.height / 2, padding.width <= kernelSize.width / 2 else {
                    throw .library(.paddingPastHalfKernel(callee: name, padding: padding, kernelSize: kernelSize))
                }
                return .native(name == "MaxPool2d" ? MaxPool2d(kernelSize: kernelSize, stride: stride, padding: padding)
                                                   : AvgPool2d(kernelSize: kernelSize, stride: stride, padding: padding))
            }
        }
        let nextRandom = self.nextRandom
        interpreter.define("Dropout", signatures: [Signature("_")]) { (_, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "Dropout")
            try arguments.check(labels: [nil], count: 1...1)
            let probability = try ScriptArguments.number(args[0].value)
            guard (0...1).contains(probability) else { throw .library(.dropoutProbability(probability)) }
            return .native(Dropout(Float(probability), random: nextRandom))
        }
        let plainLayers: [(String, () -> Module)] = [("Sigmoid", Sigmoid.init), ("ReLU", ReLU.init), ("Tanh", Tanh.init), ("Flatten", Flatten.init),
                                                     ("GlobalAvgPool2d", GlobalAvgPool2d.init)]
        for (name, make) in plainLayers {
            interpreter.define(name, signatures: [Signature()]) { (_, args) throws(LanguageError) in
                try ScriptArguments(args, name).check(labels: [], count: 0...0)
                return .native(make())
            }
        }
    }
}
