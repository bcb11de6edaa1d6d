import { defineMessages } from "../define";

export default defineMessages({
  es: {
    accounts: {
      title: "Cuentas",
      intro: "Todas las cuentas de la plataforma. Cambie el tipo de cuenta para dar acceso a facilitadores y gestores.",
      name: "Nombre",
      login: "Ingresa con",
      role: "Tipo de cuenta",
      created: "Creada",
      change: "Cambiar",
      changeFor: "Cambiar el tipo de cuenta de {name}",
      changed: "El tipo de cuenta de {name} ahora es: {role}.",
      cannotDemoteSelf: "No puede quitarse a sí mismo el rol de administrador.",
      invalidRole: "Ese tipo de cuenta no existe.",
      notFound: "Esa cuenta no existe.",
    },
  },
  en: {
    accounts: {
      title: "Accounts",
      intro: "Every account on the platform. Change the account type to give facilitators and managers access.",
      name: "Name",
      login: "Logs in with",
      role: "Account type",
      created: "Created",
      change: "Change",
      changeFor: "Change the account type of {name}",
      changed: "{name}'s account type is now: {role}.",
      cannotDemoteSelf: "You cannot remove your own administrator role.",
      invalidRole: "That account type does not exist.",
      notFound: "That account does not exist.",
    },
  },
});
