import Course
import TerminalMarkdown

/// Quiz format, validation, grading and review scheduling.
public enum QuizFormat {}
