import LitTensor
import Testing

/// The benchmark's step profile: time lands on the kind of the operation that ran, an
/// operation inside another counts once, and nothing is recorded while it is off. Tests
/// running beside these on other threads are not counted: the profile keeps to the thread
/// that started it.
@Suite(.serialized) struct OperationProfileTests {
    private static func milliseconds(_ kind: OperationProfile.Kind) -> Double {
        OperationProfile.milliseconds.first { $0.0 == kind }!.1
    }

    @Test func timeGoesToTheKindThatRanAndNestedOperationsCountOnce() throws {
        defer { OperationProfile.stop() }
        let x = Tensor.parameter(Tensor.ones([1, 4, 16, 16]))
        let weight = Tensor.parameter(Tensor.ones([4, 4, 3, 3]))
        OperationProfile.start()
        let y = try Tensor.conv2d(x, weight: weight, padding: 1).relu().maxPool2d(kernelSize: 2)
        try y.sum().backward()
        OperationProfile.stop()
        for kind in [OperationProfile.Kind.convolutionForward, .convolutionBackwardData, .convolutionBackwardWeights,
                     .reluForward, .reluBackward, .poolingForward, .poolingBackward] {
            #expect(Self.milliseconds(kind) > 0, "\(kind.rawValue) was not recorded")
        }
        #expect(Self.milliseconds(.batchNormForward) == 0 && Self.milliseconds(.optimizer) == 0)

        // A measured operation inside another adds nothing of its own.
        OperationProfile.start()
        OperationProfile.measure(.catForward) { _ = x.relu() }
        OperationProfile.stop()
        #expect(Self.milliseconds(.catForward) > 0)
        #expect(Self.milliseconds(.reluForward) == 0)
    }

    @Test func nothingIsRecordedWhileOff() throws {
        OperationProfile.stop()
        OperationProfile.reset()
        _ = try Tensor.conv2d(Tensor.ones([1, 1, 8, 8]), weight: Tensor.ones([2, 1, 3, 3]))
        #expect(OperationProfile.milliseconds.allSatisfy { $0.1 == 0 })
    }
}
