/// ToyEngine: a tiny, exact and fast ML engine for tandem's demos, lessons and exercises.
public enum ToyEngine {
    public static let version = "0.1.0"
}
