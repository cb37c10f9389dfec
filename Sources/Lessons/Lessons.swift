import Course

/// Lesson pages: live blocks, header and footer, lint.
public enum LessonPages {}
