import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document parsed with Foundation's XMLParser, for checking rendered SVG by its
/// structure rather than its bytes.
package final class XMLTree {
    package let name: String
    package let attributes: [String: String]
    package private(set) var children: [XMLTree] = []
    /// The text directly inside this element.
    package fileprivate(set) var text = ""

    package init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The root element, or nil when `text` is not well-formed XML.
    package static func parse(_ text: String) -> XMLTree? {
        let builder = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { return nil }
        return root
    }

    /// This element and everything below it, in document order.
    package var all: [XMLTree] { [self] + children.flatMap(\.all) }

    package func all(_ name: String) -> [XMLTree] { all.filter { $0.name == name } }

    /// Elements whose `class` attribute lists `className`.
    package func all(class className: String) -> [XMLTree] {
        all.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    /// The text and the child elements in document order, for mixed content such as HTML.
    private var content: [Content] = []
    private enum Content {
        case text(String)
        case element(XMLTree)
    }

    /// All the text inside this element, its children's included, in document order.
    package var textContent: String {
        content.map { piece in
            switch piece {
            case .text(let text): text
            case .element(let child): child.textContent
            }
        }.joined()
    }

    /// The text of every `text` element below this one.
    package var texts: [String] { all("text").map(\.text) }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let node = XMLTree(name: elementName, attributes: attributes)
            if let parent = stack.last {
                parent.children.append(node)
                parent.content.append(.element(node))
            } else {
                root = node
            }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
            stack.last?.content.append(.text(string))
        }
    }
}
