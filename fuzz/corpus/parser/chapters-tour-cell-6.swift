let losses = [0.55, 0.42, 0.36, 0.33, 0.30]
let improvements = zip(losses, losses.dropFirst()).map { $0 - $1 }
let big = improvements.filter { gain in gain > 0.05 }
let best = losses.reduce(losses[0]) { min($0, $1) }
_ = losses.map { $0 * 2 }  // a value nobody needs
print(big.count, best, losses.last ?? 0.0, losses.isEmpty)
[3, 1, 2].map { $0 * 10 }.reduce(0, +)
