import ToyEngine
import Terminal

/// The catalogue of demos `tandem run` lists.
public enum DemoCatalogue {
    public static let demos: [(name: String, summary: String)] = []
}
