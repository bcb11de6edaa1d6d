import { defineMessages } from "../define";

// E-mails (issue #17): what changed, cancellations, the button labels and reminder opt-out.
export default defineMessages({
  es: {
    button: {
      workshop: "Ver el taller",
      resetPassword: "Crear mi contraseña nueva",
      forgotPassword: "Crear una contraseña nueva",
    },
    change: {
      subject: "Cambio en el taller: {title}",
      intro: "Cambió la fecha, la hora, el lugar o el enlace del taller «{title}». Estos son los datos nuevos:",
      calendar: "Adjuntamos el calendario con los cambios: ábralo y su celular o computadora actualizará la cita.",
    },
    cancelled: {
      subject: "Taller cancelado: {title}",
      intro: "El taller «{title}» se canceló. Lo sentimos.",
      calendar: "Adjuntamos un archivo de calendario: ábralo y su celular o computadora quitará la cita.",
    },
    sessionRemoved: {
      subject: {
        one: "Se quitó una sesión del taller: {title}",
        other: "Se quitaron {count} sesiones del taller: {title}",
      },
      intro: {
        one: "Esta sesión del taller «{title}» ya no se hará:",
        other: "Estas sesiones del taller «{title}» ya no se harán:",
      },
      remaining: "Su inscripción sigue en pie. Estas son las sesiones que quedan:",
      calendar: "Adjuntamos un archivo de calendario: ábralo y su celular o computadora quitará esa cita.",
    },
    withdrawn: {
      subject: "Inscripción cancelada: {title}",
      intro: "Su inscripción en el taller «{title}» quedó cancelada. Su lugar pasa a otra persona.",
    },
    waitlist: {
      changeSubject: "Cambio en un taller en el que espera lugar: {title}",
      changeIntro:
        "Usted está en la lista de espera del taller «{title}». Cambió la fecha, la hora, el lugar o el enlace. Si se libera un lugar, le avisaremos por correo.",
      cancelledSubject: "Taller cancelado: {title}",
      cancelledIntro: "El taller «{title}» se canceló, así que ya no está en su lista de espera. Lo sentimos.",
    },
    reminders: {
      footer: "¿No quiere recibir recordatorios antes de las sesiones?",
      footerLink: "Dejar de recibir recordatorios",
    },
    optOut: {
      title: "Recordatorios por correo",
      question:
        "¿Quiere dejar de recibir recordatorios por correo antes de las sesiones de sus talleres? Seguirá recibiendo las confirmaciones y los avisos de cambios.",
      submit: "Dejar de recibir recordatorios",
      done: "Listo: ya no le enviaremos recordatorios. Puede volver a recibirlos desde «Mi cuenta».",
      invalid: "Este enlace no sirve. Para dejar de recibir recordatorios, ingrese a «Mi cuenta».",
    },
    preference: {
      title: "Recordatorios por correo",
      on: "Le enviamos un recordatorio por correo un día antes de cada sesión de sus talleres.",
      off: "No le enviamos recordatorios antes de las sesiones. Seguirá recibiendo las confirmaciones y los avisos de cambios.",
      turnOff: "Dejar de recibir recordatorios",
      turnOn: "Volver a recibir recordatorios",
      saved: "Guardamos su preferencia.",
    },
  },
  en: {
    button: {
      workshop: "See the workshop",
      resetPassword: "Create my new password",
      forgotPassword: "Create a new password",
    },
    change: {
      subject: "Workshop changed: {title}",
      intro: "The date, time, place or link of the workshop “{title}” changed. These are the new details:",
      calendar: "The updated calendar is attached: open it and your phone or computer will update the event.",
    },
    cancelled: {
      subject: "Workshop cancelled: {title}",
      intro: "The workshop “{title}” was cancelled. We are sorry.",
      calendar: "A calendar file is attached: open it and your phone or computer will remove the event.",
    },
    sessionRemoved: {
      subject: {
        one: "A session was removed: {title}",
        other: "{count} sessions were removed: {title}",
      },
      intro: {
        one: "This session of the workshop “{title}” will not take place:",
        other: "These sessions of the workshop “{title}” will not take place:",
      },
      remaining: "Your registration still stands. These are the sessions that remain:",
      calendar: "A calendar file is attached: open it and your phone or computer will remove that event.",
    },
    withdrawn: {
      subject: "Registration cancelled: {title}",
      intro: "Your registration for the workshop “{title}” is cancelled. Your place goes to someone else.",
    },
    waitlist: {
      changeSubject: "A workshop you are waiting for changed: {title}",
      changeIntro:
        "You are on the waitlist of the workshop “{title}”. Its date, time, place or link changed. If a place frees up, we will e-mail you.",
      cancelledSubject: "Workshop cancelled: {title}",
      cancelledIntro: "The workshop “{title}” was cancelled, so you are no longer on its waitlist. We are sorry.",
    },
    reminders: {
      footer: "Do you not want reminders before sessions?",
      footerLink: "Stop reminders",
    },
    optOut: {
      title: "E-mail reminders",
      question:
        "Do you want to stop e-mail reminders before your workshops' sessions? You will still get confirmations and notices of changes.",
      submit: "Stop reminders",
      done: "Done: we will not send you reminders any more. You can turn them back on in “My account”.",
      invalid: "This link does not work. To stop reminders, log in and go to “My account”.",
    },
    preference: {
      title: "E-mail reminders",
      on: "We e-mail you a reminder one day before each session of your workshops.",
      off: "We do not send you reminders before sessions. You will still get confirmations and notices of changes.",
      turnOff: "Stop reminders",
      turnOn: "Get reminders again",
      saved: "Your preference is saved.",
    },
  },
});
