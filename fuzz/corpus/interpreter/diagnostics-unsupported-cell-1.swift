protocol Layer {
    func forward(_ x: Double) -> Double
}
