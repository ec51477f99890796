class Layer {
    var isTraining = true
    let name: String
    init(name: String) {
        self.name = name
    }
    func forward(_ x: Double) -> Double { x }
    func callAsFunction(_ x: Double) -> Double { forward(x) }
}

class Dropout: Layer {
    let keep: Double
    init(keep: Double) {
        self.keep = keep
        super.init(name: "dropout")
    }
    override func forward(_ x: Double) -> Double {
        isTraining ? x * keep : x
    }
}

class Stack {
    var layers: [Layer] = []
    func append(_ layer: Layer) { layers.append(layer) }
    func callAsFunction(_ x: Double) -> Double {
        layers.reduce(x) { value, layer in layer(value) }
    }
}

let stack = Stack()
stack.append(Layer(name: "identity"))
stack.append(Dropout(keep: 0.5))
print(stack.layers.map { $0.name }, stack(8))
stack.layers[1].isTraining = false
stack(8)
