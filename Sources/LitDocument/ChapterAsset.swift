import Foundation

/// A file a run writes beside the chapter, such as a training curve.
public struct ChapterAsset: Equatable, Sendable {
    /// Relative to the chapter's folder, with `/` separators: `batchnorm.assets/cell-12-training.svg`.
    public var path: String
    public var contents: [UInt8]

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    /// The folder beside a chapter that holds its figures: `batchnorm.assets` for
    /// `batchnorm.md`.
    public static func folder(forChapterNamed name: String) -> String {
        URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent + ".assets"
    }
}
