// Dictionaries: counting, default subscripts, removal, sorted iteration; compared with compiled Swift.
var counts: [String: Int] = [:]
for word in ["a", "b", "a", "c", "a"] { counts[word, default: 0] += 1 }
print(counts["a"] ?? 0, counts["z"] ?? 0, counts.count, counts.isEmpty)
for key in counts.keys.sorted() { print(key, counts[key]!) }
var history: [String: [Double]] = ["loss": [], "acc": []]
history["loss"] = [0.5, 0.4]
history["acc", default: []].append(0.8)
print(history["loss"]!, history["acc"]!, history["none"] == nil)
let removed = counts.removeValue(forKey: "b")
print(removed ?? -1, counts.count, counts["b"] == nil)
counts["c"] = nil
print(counts.count)
let scores = ["x": 1.5, "y": 2.5]
print(scores.values.reduce(0, +), scores.sorted { $0.key < $1.key }.map { $0.value })
print(scores.filter { $0.value > 2 }.count, scores.mapValues { $0 * 2 }["y"]!)
let empty: [Int: String] = [:]
print(empty.isEmpty, [1: "one"][1]!)
for (name, value) in scores.sorted(by: { $0.key < $1.key }) { print(name, value) }
