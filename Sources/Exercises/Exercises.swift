import Course

/// Exercise checking, hints, reset, watch.
public enum ExerciseKit {}
