extension Mirror {
    /// The labelled stored properties of `subject`, its superclasses' included, the root
    /// class's first: the order in which a class hierarchy declares them.
    package static func storedProperties(of subject: Any) -> [(label: String, value: Any)] {
        var levels: [Mirror] = []
        var mirror: Mirror? = Mirror(reflecting: subject)
        while let current = mirror {
            levels.append(current)
            mirror = current.superclassMirror
        }
        return levels.reversed().flatMap { level in
            level.children.compactMap { child in child.label.map { ($0, child.value) } }
        }
    }
}
