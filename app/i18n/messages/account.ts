import { defineMessages } from "../define";

export default defineMessages({
  es: {
    title: "Mi cuenta",
    profile: "Mis datos",
    fullName: "Nombre completo",
    language: "Idioma de la plataforma",
    loginWith: "Usted ingresa con: {identifier}",
    role: "Tipo de cuenta: {role}",
    sessionsTitle: "Sesiones abiertas",
    sessionsText: {
      one: "Su cuenta está abierta en {count} dispositivo.",
      other: "Su cuenta está abierta en {count} dispositivos.",
    },
    logoutEverywhere: "Cerrar sesión en todos los dispositivos",
    errors: {
      fullNameRequired: "Escriba su nombre completo.",
      fullNameTooLong: "El nombre es demasiado largo (máximo {max} caracteres).",
      languageInvalid: "Elija un idioma de la lista.",
    },
  },
  en: {
    title: "My account",
    profile: "My details",
    fullName: "Full name",
    language: "Platform language",
    loginWith: "You log in with: {identifier}",
    role: "Account type: {role}",
    sessionsTitle: "Open sessions",
    sessionsText: {
      one: "Your account is open on {count} device.",
      other: "Your account is open on {count} devices.",
    },
    logoutEverywhere: "Log out on all devices",
    errors: {
      fullNameRequired: "Enter your full name.",
      fullNameTooLong: "The name is too long (at most {max} characters).",
      languageInvalid: "Choose a language from the list.",
    },
  },
});
