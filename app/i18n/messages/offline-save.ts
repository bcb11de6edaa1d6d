import { defineMessages } from "../define";

/** "Guardar este curso para leer sin conexión" (course page) and the saved courses in "Mi aprendizaje". */
export default defineMessages({
  es: {
    course: {
      title: "Guardar este curso para leer sin conexión",
      hint: "Guarde las lecciones en este teléfono para leerlas cuando no tenga señal.",
      includeVideos: "Incluir los videos ({size})",
      total: "Tamaño total: {size}",
      noRoom: "Este curso ocupa {size} y en este teléfono quedan {free} libres.",
      save: "Guardar este curso",
      saved: "Guardado para leer sin conexión ({size})",
      remove: "Quitar",
      removed: "Quitamos este curso del teléfono.",
      stale: "Hay una versión nueva de este curso.",
      update: "Actualizar",
      needsConnection: "Para guardar este curso necesita conexión.",
    },
    progress: {
      label: "Descarga del curso",
      count: "{done} de {total}",
    },
    errors: {
      quota: "No hay espacio suficiente en este teléfono. Libere espacio o guarde el curso sin los videos.",
      network: "Se cortó la conexión y el curso no se guardó. Intente de nuevo cuando tenga señal.",
      server: "No pudimos guardar el curso. Intente de nuevo en unos minutos.",
      keptOld: "La versión que guardó antes sigue en el teléfono.",
    },
    me: {
      title: "Cursos guardados sin conexión",
      none: "Todavía no guardó cursos. En la página de un curso, pulse «Guardar este curso».",
      details: "{size} · guardado el {date}",
    },
  },
  en: {
    course: {
      title: "Save this course to read offline",
      hint: "Keep the lessons on this phone to read them when you have no signal.",
      includeVideos: "Include the videos ({size})",
      total: "Total size: {size}",
      noRoom: "This course takes {size} and this phone has {free} free.",
      save: "Save this course",
      saved: "Saved to read offline ({size})",
      remove: "Remove",
      removed: "We removed this course from the phone.",
      stale: "There is a new version of this course.",
      update: "Update",
      needsConnection: "You need a connection to save this course.",
    },
    progress: {
      label: "Course download",
      count: "{done} of {total}",
    },
    errors: {
      quota: "There is not enough space on this phone. Free some space or save the course without the videos.",
      network: "The connection dropped and the course was not saved. Try again when you have a signal.",
      server: "We could not save the course. Try again in a few minutes.",
      keptOld: "The version you saved before is still on the phone.",
    },
    me: {
      title: "Courses saved for offline",
      none: "You have not saved any course yet. On a course's page, press “Save this course”.",
      details: "{size} · saved on {date}",
    },
  },
});
