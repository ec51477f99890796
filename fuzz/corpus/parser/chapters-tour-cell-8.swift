var votes: [String: Int] = [:]
for label in ["shirt", "coat", "shirt", "bag", "shirt"] {
    votes[label, default: 0] += 1
}
let ranked = votes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
for (label, count) in ranked {
    switch count {
    case 3...: print(label, "wins with", count)
    case 2: print(label, "comes second")
    default: print(label, "has", count, count == 1 ? "vote" : "votes")
    }
}
