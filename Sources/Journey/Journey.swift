import Course

/// Home screen, next step, list and progress summary.
public enum JourneyKit {}
