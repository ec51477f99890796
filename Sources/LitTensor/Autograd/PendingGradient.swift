import LitKernels

/// A gradient on its way to a tensor during a backward pass: computed, or still a region
/// of a larger gradient (a part of `cat`'s output gradient). A region is copied out only
/// when it is needed on its own; added to another gradient of the same tensor, it is
/// read in place. DenseNet's blocks feed each block's input both to `cat` and to the
/// next layer, so this saves a copy of the growing feature map per layer.
enum PendingGradient {
    case computed(Tensor)
    case region(TensorRegion, of: Tensor)

    /// The gradient as a tensor of its own.
    var tensor: Tensor {
        switch self {
        case .computed(let tensor): tensor
        case .region(let region, let source):
            OperationProfile.measure(.catBackward) { PendingGradient.combine(region, of: source, with: nil) }
        }
    }

    /// The sum of both gradients, with the same values as `self.tensor + other.tensor`:
    /// one addition per element either way.
    func adding(_ other: PendingGradient) throws(TensorError) -> PendingGradient {
        switch (self, other) {
        case (.region(let region, let source), .computed(let tensor)),
             (.computed(let tensor), .region(let region, let source)):
            guard region.resultShape == tensor.shape else { throw .shapeMismatch(op: "gradient sum", region.resultShape, tensor.shape) }
            return .computed(OperationProfile.measure(.elementwise) {
                PendingGradient.combine(region, of: source, with: tensor)
            })
        default:
            return .computed(try tensor + other.tensor)
        }
    }

    /// The values of `region` in `source`, plus `addend`'s when given, in a fresh tensor;
    /// runs of the region are shared out across cores.
    private static func combine(_ region: TensorRegion, of source: Tensor, with addend: Tensor?) -> Tensor {
        let output = Tensor(uninitializedShape: region.resultShape)
        let runs = region.runCount
        output.withUnsafeMutablePointer { output in
            source.withUnsafePointer { source in
                addend.withUnsafePointer { addend in
                    let copy = { (from: Int, to: Int, length: Int) in
                        if let addend {
                            lk_binary(.LK_ADD, source + from, 1, addend + to, 1, output + to, length)
                        } else {
                            (output + to).update(from: source + from, count: length)
                        }
                    }
                    if runs == 1 {
                        // One run: cut the run itself.
                        region.forEachRun { from, to, length in
                            Parallel.forEachChunk(length, work: length) { part in
                                copy(from + part.lowerBound, to + part.lowerBound, part.count)
                            }
                        }
                    } else {
                        Parallel.forEachChunk(runs, work: region.count) { subset in region.forEachRun(subset, copy) }
                    }
                }
            }
        }
        return output
    }
}
