// Lessons and quizzes.
