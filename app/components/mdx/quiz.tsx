import { isMultipleChoice } from "../../domain/quiz";
import { useLesson } from "./context";

/**
 * The lesson's self-check (questions in its frontmatter). A plain form posted
 * to the lesson: it works without JavaScript. After sending, each chosen
 * answer shows its feedback.
 */
export function Quiz() {
  const { t, quiz, quizResult, lessonPath } = useLesson();
  if (!quiz) return null;
  return (
    <section className="quiz" id="quiz" aria-labelledby="quiz-title">
      <h2 id="quiz-title">{t("courses.quiz.title")}</h2>
      {quizResult ? (
        <div className={quizResult.passed ? "notice" : "quiz-summary"} role="status">
          <p>{t("courses.quiz.score", { correct: quizResult.correctCount, total: quizResult.total })}</p>
          <p>{quizResult.passed ? t("courses.quiz.passed") : t("courses.quiz.notPassed")}</p>
        </div>
      ) : (
        <p>{t("courses.quiz.intro")}</p>
      )}
      <form method="post" action={`${lessonPath}#quiz`}>
        <input type="hidden" name="intent" value="quiz" />
        {quiz.map((question, q) => {
          const multiple = isMultipleChoice(question);
          const result = quizResult?.questions[q];
          return (
            <fieldset key={q} className="quiz-question" aria-describedby={`quiz-${q}-how`}>
              <legend>
                <span className="quiz-number">{t("courses.quiz.question", { number: q + 1 })}</span> {question.question}
              </legend>
              <p className="hint" id={`quiz-${q}-how`}>
                {multiple ? t("courses.quiz.chooseAll") : t("courses.quiz.chooseOne")}
              </p>
              {question.answers.map((answer, a) => {
                const chosen = result?.chosen.includes(a) ?? false;
                return (
                  <div key={a} className="quiz-answer">
                    <label className="choice">
                      <input type={multiple ? "checkbox" : "radio"} name={`q${q}`} value={a} defaultChecked={chosen} />
                      {answer.text}
                    </label>
                    {chosen ? (
                      <p className={answer.correct ? "feedback right" : "feedback wrong"}>{answer.feedback}</p>
                    ) : null}
                  </div>
                );
              })}
              {result ? (
                <p className={result.correct ? "verdict right" : "verdict wrong"}>
                  <strong>{result.correct ? t("courses.quiz.right") : t("courses.quiz.wrong")}</strong>
                </p>
              ) : null}
            </fieldset>
          );
        })}
        <button type="submit" className="button primary">
          {quizResult ? t("courses.quiz.retry") : t("courses.quiz.submit")}
        </button>
      </form>
    </section>
  );
}
