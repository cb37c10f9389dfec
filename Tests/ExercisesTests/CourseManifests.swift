import TestSupport

/// The exercise suites' course manifest: one lesson, `ensembles` (folder `01-ensembles`), holding
/// `exercises` (`CourseTOML.exercise` tables).
func ensemblesCourseManifest(id: String, title: String, exercises: [String]) -> String {
    CourseTOML.manifest(
        id: id, title: title,
        lessons: [CourseTOML.lesson(1, slug: "ensembles", title: "Ensembles", folder: "01-ensembles")],
        exercises: exercises)
}
