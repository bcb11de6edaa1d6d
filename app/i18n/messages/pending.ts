import { defineMessages } from "../define";

/** Completions and quiz answers that wait for a connection (issue #20; docs/decisions/037). */
export default defineMessages({
  es: {
    completion: "Se enviará cuando tenga conexión.",
    quiz: "Sus respuestas se enviarán cuando tenga conexión. Entonces verá su resultado.",
    graded: "Sus respuestas ya se enviaron y tienen resultado.",
    seeResult: "Ver el resultado",
  },
  en: {
    completion: "It will be sent when you are back online.",
    quiz: "Your answers will be sent when you are back online. You will see your result then.",
    graded: "Your answers were sent and have a result.",
    seeResult: "See the result",
  },
});
