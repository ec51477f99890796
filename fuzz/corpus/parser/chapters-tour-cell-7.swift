func firstIndex(of target: Int, in values: [Int]) -> Int? {
    for (i, value) in values.enumerated() where value == target { return i }
    return nil
}

if let found = firstIndex(of: 16, in: [6, 16, 120]) { print("found at", found) }
let missing = firstIndex(of: 7, in: [6, 16, 120])
print(missing ?? -1, missing == nil)

func describe(_ values: [Int]) -> String {
    guard let first = values.first else { return "empty" }
    guard values.count > 1 else { return "just \(first)" }
    return "\(first) and \(values.count - 1) more"
}
print(describe([]), describe([4]), describe([1, 2, 3]), separator: " | ")

class Node {
    let value: Int
    let next: Node?
    init(_ value: Int, next: Node? = nil) {
        self.value = value
        self.next = next
    }
}
let list = Node(1, next: Node(2))
print(list.next?.value ?? 0, list.next?.next?.value ?? 0, list.next!.value)
