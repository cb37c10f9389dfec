import ToyEngine

/// `distill`: a large teacher's soft labels make a small student better.
///
/// On the four-class `clusters` task with 20% of training labels wrong, a large MLP teacher is
/// trained on the whole training set (early-stopped on clean validation data). A small MLP
/// student gets only the first `studentCount` examples, with either their noisy hard labels or
/// the teacher's probabilities softened at temperature T (Hinton et al.'s loss, scaled by T²).
/// The teacher's probabilities carry what a few noisy labels hide: which examples are typical
/// of their class, which classes look alike, and which labels are probably wrong.
public enum DistillDemo {
    public struct Options: Sendable, Equatable {
        public var temperatures: [Double] = [1, 2, 4, 8]
        public init() {}
    }

    public struct Scores: Sendable, Equatable {
        public var accuracy: Double
        /// Expected calibration error (10 bins).
        public var ece: Double
    }

    public struct SoftResult: Sendable, Equatable {
        public var temperature: Double
        public var scores: Scores
    }

    public struct Result: Sendable, Equatable {
        public var seed: UInt64
        public var teacher: Scores
        public var teacherCost: Int
        public var studentCost: Int
        public var labelNoise: Double
        public var hardLabels: Scores
        /// Control: the student on the teacher's hard labels (its argmax) for the same examples.
        /// Whatever this gains over `hardLabels` is label cleaning, not the soft labels' dark knowledge.
        public var teacherHard: Scores
        /// Control: the student on the true (clean) labels of the same examples — what perfect
        /// label cleaning would give.
        public var trueLabels: Scores
        public var soft: [SoftResult]

        /// The temperature with the best student accuracy (the lowest T on ties).
        public var bestSoft: SoftResult? {
            soft.max { ($0.scores.accuracy, -$0.temperature) < ($1.scores.accuracy, -$1.temperature) }
        }
    }

    /// Training examples the student sees.
    public static let studentCount = 300

    public static func run(_ options: Options = Options(), seed: UInt64 = 1, hooks: DemoHooks = .standard) -> Result {
        var taskOptions = ClusterTask.Options()
        taskOptions.classes = 4
        taskOptions.clustersPerClass = 3
        taskOptions.trainCount = 1200
        taskOptions.labelNoise = 0.2
        let task = ClusterTask(seed: seed, options: taskOptions)
        var rng = SplitMix64(seed: seed ^ 0x4449_5354)

        let teacher = MLP(inputs: task.train.features, hidden: [32, 32], classes: 4, rng: &rng)
        Recipes.fit(
            teacher, inputs: task.train.inputs, targets: .hard(task.train.labels), epochs: 20, learningRate: 0.01,
            batchSize: 64,
            earlyStopping: EarlyStopping(inputs: task.validation.inputs, labels: task.validation.labels, patience: 5),
            rng: &rng)
        let transfer = task.train.subset(Array(0..<studentCount))
        let teacherLogits = teacher.logits(transfer.inputs)

        func scores(_ model: any Model) -> Scores {
            let probabilities = model.probabilities(task.test.inputs)
            return Scores(
                accuracy: Metrics.accuracy(predictions: probabilities.argmaxRows(), labels: task.test.labels),
                ece: Metrics.expectedCalibrationError(probabilities: probabilities, labels: task.test.labels))
        }
        func student(targets: Targets, loss: Loss) -> MLP {
            var studentRNG = SplitMix64(seed: seed ^ 0x5354_5544_454E)
            let model = MLP(inputs: task.train.features, hidden: [8], classes: 4, rng: &studentRNG)
            Recipes.fit(
                model, inputs: transfer.inputs, targets: targets, epochs: 60, learningRate: 0.02, batchSize: 50,
                loss: loss, rng: &studentRNG)
            return model
        }
        let hard = student(targets: .hard(transfer.labels), loss: .crossEntropy)
        let teacherHard = student(targets: .hard(teacherLogits.argmaxRows()), loss: .crossEntropy)
        let trueLabels = student(
            targets: .hard(Array(task.cleanLabels[0..<studentCount])), loss: .crossEntropy)
        let soft = options.temperatures.map { t in
            SoftResult(
                temperature: t,
                scores: scores(
                    student(
                        targets: .soft(hooks.softTargets(teacherLogits, t)),
                        loss: .distillation(temperature: t))))
        }
        let noisy = zip(task.train.labels, task.cleanLabels).filter { $0 != $1 }.count
        return Result(
            seed: seed, teacher: scores(teacher), teacherCost: teacher.cost, studentCost: hard.cost,
            labelNoise: Double(noisy) / Double(task.train.count), hardLabels: scores(hard),
            teacherHard: scores(teacherHard), trueLabels: scores(trueLabels), soft: soft)
    }
}
