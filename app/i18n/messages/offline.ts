import { defineMessages } from "../define";

export default defineMessages({
  es: {
    app: {
      name: "Minka — Escuela de Negocios Cooperativos",
      shortName: "Minka",
      description: "Cursos y talleres para cooperativas. Las lecciones que abre se pueden leer sin conexión.",
    },
    page: {
      title: "Sin conexión",
      intro:
        "Su teléfono no tiene conexión a internet en este momento. Esta página no se guardó para leerla sin conexión.",
      retry: "Intente de nuevo cuando tenga señal.",
      savedTitle: "Lo que puede leer sin conexión",
      savedCourses: "Cursos guardados",
      visited: "Lecciones que ya abrió",
      nothing:
        "Todavía no hay nada guardado en este teléfono. Abra una lección con conexión y podrá leerla después sin ella.",
      noScript: "Con conexión, esta página muestra aquí lo que está guardado en este teléfono.",
      needsNetworkTitle: "Lo que necesita conexión",
      needsNetwork:
        "Inscribirse en un taller, ver los informes y entrar a su cuenta necesitan conexión a internet. Las lecciones que marque como terminadas se enviarán cuando vuelva la señal.",
      home: "Ir al inicio",
    },
  },
  en: {
    app: {
      name: "Minka — School of Cooperative Business",
      shortName: "Minka",
      description: "Courses and workshops for cooperatives. Lessons you open can be read without a connection.",
    },
    page: {
      title: "No connection",
      intro: "Your phone has no internet connection right now. This page was not saved for reading offline.",
      retry: "Try again when you have a signal.",
      savedTitle: "What you can read offline",
      savedCourses: "Saved courses",
      visited: "Lessons you have opened",
      nothing:
        "Nothing is saved on this phone yet. Open a lesson while connected and you can read it later without a connection.",
      noScript: "When connected, this page shows here what is saved on this phone.",
      needsNetworkTitle: "What needs a connection",
      needsNetwork:
        "Registering for a workshop, viewing reports and signing in need an internet connection. Lessons you mark as finished will be sent when the signal returns.",
      home: "Go to the home page",
    },
  },
});
