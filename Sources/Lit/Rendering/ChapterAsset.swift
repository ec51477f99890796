/// A file a run writes beside the chapter, such as a training curve.
public struct ChapterAsset: Equatable, Sendable {
    /// Relative to the chapter's folder, with `/` separators: `batchnorm.assets/cell-12-training.svg`.
    public var path: String
    public var contents: [UInt8]
}
