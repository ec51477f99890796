// Collections, strings, optionals and closures, compared with compiled Swift.
var xs = [3, 1, 2]
xs.append(5)
xs += [4]
xs.sort()
print(xs, xs.count, xs.first ?? 0, xs.last ?? 0, Array(xs.reversed()), xs.contains(2))
print(xs.map { $0 * 2 }, xs.filter { $0 % 2 == 1 }, xs.reduce(0, +), xs.reduce(1) { $0 * $1 })
print(xs.enumerated().map { "\($0.offset):\($0.element)" }.joined(separator: ","))
print(zip(["a", "b", "c"], [1, 2]).map { "\($0)\($1)" }, Array(xs.prefix(2)), Array(xs.dropFirst(3)))
print(xs.sorted(by: >), xs.min() ?? 0, xs.max() ?? 0, xs.firstIndex(of: 4) ?? -1)
let words = ["deep", "learning", "in", "swift"]
print(words, words.map { $0.count }, words.joined(separator: " ").uppercased())
let nested = [[1, 2], [3], []]
print(nested, nested.map { $0.count })
let t = (1, "two", 3.0)
print(t, t.0, t.1, t.2)
let named = (width: 4, height: 3)
print(named, named.width * named.height)
var maybe: Int? = nil
print(maybe ?? 7, maybe == nil)
maybe = 5
if let value = maybe, value > 3 { print("value", value) }
print([1, 2, 3].map { String($0) }, [true, false], [1.5, 2.0], ["x"], [[1.0]])
print(1...3, 0..<2, Array(0..<3), (1...4).map { $0 * $0 })
var s = ""
for c in ["a", "b"] { s += c + "-" }
print(s, s.count, s.isEmpty, s.hasPrefix("a"), s.contains("b-"))
print("tab\there", "quote\"s", "back\\slash", "\u{e9}", "多语言")
