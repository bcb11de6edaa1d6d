import { defineMessages } from "../define";

export default defineMessages({
  es: {
    import: {
      title: "Importar personas desde un archivo",
      intro:
        "Suba una lista de personas en CSV o Excel (XLSX), una fila por persona. Columnas: nombre completo, correo y/o teléfono, sexo, año de nacimiento, país, región, cooperativa y consentimiento (sí/no). Los títulos pueden estar en español o en inglés, en cualquier orden.",
      template: "Descargar la plantilla (CSV)",
      templateXlsx: "Descargar la plantilla (Excel)",
      limits: "Hasta {max} filas. Una hoja de Excel con fórmulas no se acepta: copie y pegue solo los valores.",
      file: "Archivo CSV o XLSX",
      target: "Qué hacer con estas personas",
      ledgerOnly: "Solo agregarlas al registro de personas",
      registerTo: "Inscribirlas en el taller «{title}»",
      targetHint: "Si el taller está lleno, las demás quedan en lista de espera.",
      consentForAll:
        "Las personas de esta lista dieron su consentimiento al personal para que Minka guarde sus datos (si una fila dice «no» en la columna de consentimiento, vale lo que dice la fila).",
      preview: "Revisar el archivo",
      previewTitle: "Revisión del archivo",
      allGood: {
        one: "La fila está bien. Revise y confirme.",
        other: "Las {count} filas están bien. Revise y confirme.",
      },
      toChoose: {
        one: "En {count} fila hay una persona con un nombre parecido: elija quién es antes de confirmar.",
        other: "En {count} filas hay personas con nombres parecidos: elija quién es cada una antes de confirmar.",
      },
      hasProblems: {
        one: "Hay {count} fila con problemas. Corrija el archivo y súbalo otra vez: no se guardó nada.",
        other: "Hay {count} filas con problemas. Corrija el archivo y súbalo otra vez: no se guardó nada.",
      },
      chooseFirst: "Falta elegir quién es la persona en alguna fila. No se guardó nada.",
      columns: {
        line: "Línea",
        name: "Nombre",
        contact: "Correo / teléfono",
        place: "País / región",
        result: "Resultado",
      },
      outcomes: {
        new: "Persona nueva",
        same: "La misma persona que #{id} ({name})",
        alreadyRegistered: "Ya inscrita en el taller: no cambia nada",
        choose: "Nombre parecido: elija",
        notOffered: "Esa persona no se puede elegir aquí. Elija otra vez.",
      },
      whoIs: "¿Quién es {name}?",
      candidate: "Es #{id} {name}",
      bornIn: "nació en {year}",
      newPerson: "Es otra persona: registrarla como nueva",
      commit: "Confirmar e importar",
      done: "Listo: {created} personas nuevas, {matched} ya estaban en el registro.",
      doneRegistered:
        "Listo: {created} personas nuevas, {matched} ya estaban en el registro; {registered} inscripciones nuevas, {waitlisted} en lista de espera, {already} ya estaban inscritas.",
      problems: {
        missingName: "Línea {line}: falta el nombre.",
        nameTooLong: "Línea {line}: el nombre es demasiado largo (máximo {max} letras).",
        noContactNoConsent:
          "Línea {line}: sin correo ni teléfono, hace falta el consentimiento de la persona (columna «consentimiento»: sí).",
        badEmail: "Línea {line}: el correo «{value}» no es válido.",
        badPhone: "Línea {line}: el teléfono «{value}» no es válido.",
        badSex: "Línea {line}: el sexo debe ser Mujer, Hombre, Otro o quedar vacío.",
        badBirthYear: "Línea {line}: el año de nacimiento debe estar entre 1900 y {year}.",
        unknownCountry:
          "Línea {line}: «{value}» no es un país conocido. Use Perú, Guatemala, El Salvador, República Dominicana, Honduras u Otro (o su código: PE, GT, SV, DO, HN).",
        regionWithoutCountry: "Línea {line}: hay una región pero falta el país.",
        regionNotOfCountry: "Línea {line}: «{value}» no es una región de ese país.",
        cooperativeTooLong: "Línea {line}: el nombre de la cooperativa es demasiado largo.",
        badConsent: "Línea {line}: en la columna de consentimiento escriba «sí» o «no».",
        duplicateRow: "Línea {line}: repite a la persona de la línea {first}.",
      },
      fileProblems: {
        empty: "El archivo está vacío: no tiene filas con personas.",
        missingColumns:
          "Faltan columnas. La primera fila debe tener al menos: nombre completo y correo o teléfono. Use la plantilla.",
        unreadable:
          "No pudimos leer el archivo. Guárdelo desde Excel como «CSV UTF-8» o como libro de Excel (.xlsx) e inténtelo otra vez.",
        formula:
          "La fila {line} de la hoja tiene una fórmula. Copie la hoja y pegue solo los valores (Pegado especial › Valores). No se guardó nada.",
        tooManyRows:
          "El archivo tiene más de {max} filas. Divídalo en partes de {max} filas como máximo. No se guardó nada.",
        tooLarge: "El archivo pesa {size}; el máximo es {max}. Divídalo en partes. No se guardó nada.",
        noFile: "Elija un archivo.",
        noTarget: "Elija qué hacer con estas personas.",
        gone: "Esta lista ya no está disponible. Súbala otra vez. No se guardó nada.",
        workshopCancelled: "El taller fue cancelado: no se puede inscribir a nadie. No se guardó nada.",
        notText: {
          pdf: "Este archivo es un PDF, no una lista. Abra la lista en Excel y guárdela como CSV UTF-8 o como libro de Excel (.xlsx).",
          office:
            "Este archivo es un documento de Office que no es un libro de Excel (.xlsx). Guárdelo como .xlsx o como CSV UTF-8.",
          image: "Este archivo es una imagen. Escriba la lista en la plantilla y súbala.",
          binary: "Este archivo no es una lista. Suba la plantilla llena, como CSV o como libro de Excel (.xlsx).",
        },
      },
    },
  },
  en: {
    import: {
      title: "Import people from a file",
      intro:
        "Upload a list of people as CSV or Excel (XLSX), one row per person. Columns: full name, e-mail and/or phone, sex, birth year, country, region, cooperative and consent (yes/no). Titles may be in Spanish or English, in any order.",
      template: "Download the template (CSV)",
      templateXlsx: "Download the template (Excel)",
      limits: "Up to {max} rows. An Excel sheet with formulas is not accepted: copy and paste the values only.",
      file: "CSV or XLSX file",
      target: "What to do with these people",
      ledgerOnly: "Only add them to the people ledger",
      registerTo: "Register them for the workshop “{title}”",
      targetHint: "If the workshop is full, the rest go on the waiting list.",
      consentForAll:
        "The people on this list gave staff their consent for Minka to keep their data (where a row says “no” in the consent column, the row wins).",
      preview: "Check the file",
      previewTitle: "File check",
      allGood: { one: "The row is fine. Check and confirm.", other: "All {count} rows are fine. Check and confirm." },
      toChoose: {
        one: "{count} row has someone with a similar name: choose who it is before confirming.",
        other: "{count} rows have people with similar names: choose who each one is before confirming.",
      },
      hasProblems: {
        one: "{count} row has problems. Fix the file and upload it again: nothing was saved.",
        other: "{count} rows have problems. Fix the file and upload it again: nothing was saved.",
      },
      chooseFirst: "Some row still needs you to choose who the person is. Nothing was saved.",
      columns: {
        line: "Line",
        name: "Name",
        contact: "E-mail / phone",
        place: "Country / region",
        result: "Result",
      },
      outcomes: {
        new: "New person",
        same: "Same person as #{id} ({name})",
        alreadyRegistered: "Already registered for the workshop: nothing changes",
        choose: "Similar name: choose",
        notOffered: "That person cannot be chosen here. Choose again.",
      },
      whoIs: "Who is {name}?",
      candidate: "It is #{id} {name}",
      bornIn: "born in {year}",
      newPerson: "Someone else: add them as a new person",
      commit: "Confirm and import",
      done: "Done: {created} new people, {matched} were already in the ledger.",
      doneRegistered:
        "Done: {created} new people, {matched} were already in the ledger; {registered} new registrations, {waitlisted} on the waiting list, {already} were already registered.",
      problems: {
        missingName: "Line {line}: the name is missing.",
        nameTooLong: "Line {line}: the name is too long (at most {max} letters).",
        noContactNoConsent:
          "Line {line}: without an e-mail or phone, the person's consent is needed (“consent” column: yes).",
        badEmail: "Line {line}: the e-mail “{value}” is not valid.",
        badPhone: "Line {line}: the phone “{value}” is not valid.",
        badSex: "Line {line}: sex must be Female, Male, Other or left empty.",
        badBirthYear: "Line {line}: the birth year must be between 1900 and {year}.",
        unknownCountry:
          "Line {line}: “{value}” is not a known country. Use Peru, Guatemala, El Salvador, Dominican Republic, Honduras or Other (or their codes: PE, GT, SV, DO, HN).",
        regionWithoutCountry: "Line {line}: there is a region but no country.",
        regionNotOfCountry: "Line {line}: “{value}” is not a region of that country.",
        cooperativeTooLong: "Line {line}: the cooperative's name is too long.",
        badConsent: "Line {line}: in the consent column write “yes” or “no”.",
        duplicateRow: "Line {line}: repeats the person on line {first}.",
      },
      fileProblems: {
        empty: "The file is empty: it has no rows with people.",
        missingColumns:
          "Columns are missing. The first row must have at least: full name and e-mail or phone. Use the template.",
        unreadable:
          "We could not read the file. Save it from Excel as “CSV UTF-8” or as an Excel workbook (.xlsx) and try again.",
        formula:
          "Row {line} of the sheet has a formula. Copy the sheet and paste the values only (Paste special › Values). Nothing was saved.",
        tooManyRows: "The file has more than {max} rows. Split it into parts of at most {max} rows. Nothing was saved.",
        tooLarge: "The file is {size}; the maximum is {max}. Split it into parts. Nothing was saved.",
        noFile: "Choose a file.",
        noTarget: "Choose what to do with these people.",
        gone: "This list is no longer available. Upload it again. Nothing was saved.",
        workshopCancelled: "The workshop was cancelled: nobody can be registered. Nothing was saved.",
        notText: {
          pdf: "This file is a PDF, not a list. Open the list in Excel and save it as CSV UTF-8 or as an Excel workbook (.xlsx).",
          office:
            "This file is an Office document that is not an Excel workbook (.xlsx). Save it as .xlsx or as CSV UTF-8.",
          image: "This file is an image. Type the list into the template and upload it.",
          binary: "This file is not a list. Upload the filled-in template, as CSV or as an Excel workbook (.xlsx).",
        },
      },
    },
  },
});
