import { defineMessages } from "../define";

export default defineMessages({
  es: {
    yourData: {
      title: "Sus datos personales",
      text: "Puede descargar todo lo que guardamos sobre usted: sus datos, sus inscripciones, su asistencia y sus certificados.",
      downloadJson: "Descargar mis datos (JSON)",
      downloadCsv: "Descargar mis datos (hoja de cálculo CSV)",
      downloadXlsx: "Descargar mis datos (Excel)",
      consentGiven: "Usted dio su consentimiento el {date} (aviso versión {version}).",
      consentStaff: "Su consentimiento fue registrado por quien facilita el {date} (aviso versión {version}).",
      withdrawTitle: "Retirar mi consentimiento",
      withdrawText:
        "Si retira su consentimiento, cerraremos su cuenta y una persona administradora borrará su nombre y sus datos de contacto. Los números de personas alcanzadas se mantienen, sin su nombre.",
      withdrawConfirm: "Entiendo que perderé el acceso a mi cuenta.",
      withdrawSubmit: "Retirar mi consentimiento",
      withdrawConfirmRequired: "Marque la casilla para confirmar.",
      withdrawn: "Retiramos su consentimiento. Sus datos serán borrados pronto.",
    },
    staffExport: {
      hasLogin:
        "Esta persona tiene una cuenta en Minka: ella misma descarga sus datos en «Mi cuenta», en «Sus datos personales». Si no puede ingresar, ayúdele a recuperar el acceso.",
    },
    admin: {
      title: "Privacidad y solicitudes de borrado",
      intro:
        "Personas que retiraron su consentimiento o pidieron borrar sus datos. Al borrar, se eliminan el nombre, el correo, el celular y el acceso; las cifras de alcance no cambian.",
      none: "No hay solicitudes pendientes.",
      person: "Persona",
      requested: "Pedido el",
      erase: "Borrar datos",
      eraseFor: "Borrar los datos de {name}",
      byNumber: "Procesar una solicitud por número de persona",
      personNumber: "Número de persona",
      erased: "Los datos de la persona {id} fueron borrados.",
      notFound: "No existe esa persona, o sus datos ya fueron borrados.",
      erasedName: "Persona eliminada",
    },
    audit: {
      title: "Registro de acciones del personal",
      intro: "Quién hizo qué con datos personales, y cuándo.",
      when: "Cuándo",
      who: "Quién",
      action: "Acción",
      subject: "Sobre",
      details: "Detalles",
      system: "Sistema",
      empty: "Todavía no hay acciones registradas.",
    },
  },
  en: {
    yourData: {
      title: "Your personal data",
      text: "You can download everything we keep about you: your details, your enrolments, your attendance and your certificates.",
      downloadJson: "Download my data (JSON)",
      downloadCsv: "Download my data (CSV spreadsheet)",
      downloadXlsx: "Download my data (Excel)",
      consentGiven: "You gave your consent on {date} (notice version {version}).",
      consentStaff: "Your consent was recorded by a facilitator on {date} (notice version {version}).",
      withdrawTitle: "Withdraw my consent",
      withdrawText:
        "If you withdraw your consent, we will close your account and an administrator will erase your name and contact details. The counts of people reached stay, without your name.",
      withdrawConfirm: "I understand that I will lose access to my account.",
      withdrawSubmit: "Withdraw my consent",
      withdrawConfirmRequired: "Tick the box to confirm.",
      withdrawn: "We withdrew your consent. Your data will be erased soon.",
    },
    staffExport: {
      hasLogin:
        "This person has a Minka account: they download their own data in “My account”, under “Your personal data”. If they cannot log in, help them get back into their account.",
    },
    admin: {
      title: "Privacy and erasure requests",
      intro:
        "People who withdrew their consent or asked to erase their data. Erasing removes the name, e-mail, phone and login; reach figures do not change.",
      none: "There are no pending requests.",
      person: "Person",
      requested: "Requested on",
      erase: "Erase data",
      eraseFor: "Erase the data of {name}",
      byNumber: "Process a request by person number",
      personNumber: "Person number",
      erased: "The data of person {id} was erased.",
      notFound: "That person does not exist, or their data was already erased.",
      erasedName: "Erased person",
    },
    audit: {
      title: "Log of staff actions",
      intro: "Who did what with personal data, and when.",
      when: "When",
      who: "Who",
      action: "Action",
      subject: "About",
      details: "Details",
      system: "System",
      empty: "No actions recorded yet.",
    },
  },
});
