import { defineMessages } from "../define";

export default defineMessages({
  es: {
    forgotLink: "¿Olvidó su contraseña?",
    forgot: {
      title: "Recuperar el acceso",
      intro: "Escriba el correo electrónico de su cuenta. Le enviaremos un enlace para crear una contraseña nueva.",
      identifier: "Correo electrónico",
      submit: "Enviarme el enlace",
      sent: "Si existe una cuenta con ese correo, le enviamos un enlace. Revise su correo, también la carpeta de correo no deseado. El enlace vale por una hora.",
      noEmailTitle: "¿Ingresa con su celular?",
      noEmailText: "Pida un código a quien facilita su taller o a la administración. Luego escríbalo aquí:",
      haveCode: "Tengo un código",
      invalidEmail: "Escriba un correo electrónico completo, por ejemplo nombre@gmail.com.",
    },
    link: {
      title: "Crear una contraseña nueva",
      password: "Contraseña nueva",
      submit: "Guardar mi contraseña nueva",
      invalid: "Este enlace ya se usó o ya venció. Puede pedir otro.",
      askAgain: "Pedir un enlace nuevo",
    },
    code: {
      title: "Entrar con un código",
      intro: "Escriba su celular o correo, el código de 8 números que le dieron y una contraseña nueva.",
      identifier: "Celular o correo electrónico",
      code: "Código",
      password: "Contraseña nueva",
      submit: "Guardar mi contraseña nueva",
      invalid: "El código no es correcto o ya venció. Revise los números o pida un código nuevo.",
    },
    staff: {
      title: "Código para recuperar el acceso",
      intro:
        "Para personas que no tienen correo electrónico. Busque la cuenta por su celular o correo, y entregue el código a la persona. El código vale por 24 horas y sirve una sola vez.",
      identifier: "Celular o correo de la persona",
      submit: "Crear un código",
      issued: "Código para {name}:",
      expires: "Vale hasta: {when}",
      tellThem: "La persona debe entrar a «{path}» y escribir este código.",
      notFound: "No hay ninguna cuenta con ese celular o correo.",
      forbidden: "No puede crear un código para esta cuenta. Pida ayuda a la administración.",
      invalidIdentifier: "Escriba un celular o un correo completo.",
      hasEmail:
        "Esta cuenta tiene correo electrónico. La persona puede crear una contraseña nueva con el enlace «¿Olvidó su contraseña?» de la página para ingresar: le llega por correo.",
      ownerEmailed: "Le avisamos por correo a la persona dueña de la cuenta que se creó este código.",
    },
    change: {
      title: "Cambiar mi contraseña",
      current: "Contraseña actual",
      next: "Contraseña nueva",
      submit: "Cambiar mi contraseña",
      wrongCurrent: "La contraseña actual no es correcta.",
      changed: "Su contraseña cambió. Cerramos su sesión en los otros dispositivos.",
    },
    rateLimited: "Hubo demasiados pedidos. Espere {minutes} minutos y vuelva a intentar.",
    mail: {
      subject: "Minka: cree una contraseña nueva",
      greeting: "Hola, {name}:",
      intro: "Alguien pidió crear una contraseña nueva para su cuenta de Minka. Si fue usted, abra este enlace:",
      expires: "El enlace vale por una hora y sirve una sola vez.",
      ignore: "Si no fue usted, no haga nada: su contraseña sigue igual.",
    },
    codeMail: {
      subject: "Minka: se creó un código para entrar a su cuenta",
      intro:
        "{staff}, de la administración de Minka, creó un código para cambiar la contraseña de su cuenta. El código no va en este correo: se entrega en persona.",
      ifYou: "Si usted lo pidió, no tiene que hacer nada.",
      ifNotYou:
        "Si no lo pidió, cree usted una contraseña nueva con «¿Olvidó su contraseña?». Así el código deja de servir:",
    },
  },
  en: {
    forgotLink: "Forgot your password?",
    forgot: {
      title: "Get back into your account",
      intro: "Enter your account's e-mail address. We will send you a link to create a new password.",
      identifier: "E-mail",
      submit: "Send me the link",
      sent: "If an account with that e-mail exists, we sent it a link. Check your e-mail, including the spam folder. The link is valid for one hour.",
      noEmailTitle: "Do you log in with your mobile number?",
      noEmailText: "Ask your workshop facilitator or the administration for a code. Then enter it here:",
      haveCode: "I have a code",
      invalidEmail: "Enter a complete e-mail address, for example name@gmail.com.",
    },
    link: {
      title: "Create a new password",
      password: "New password",
      submit: "Save my new password",
      invalid: "This link was already used or has expired. You can ask for another.",
      askAgain: "Ask for a new link",
    },
    code: {
      title: "Log in with a code",
      intro: "Enter your mobile number or e-mail, the 8-digit code you were given and a new password.",
      identifier: "Mobile number or e-mail",
      code: "Code",
      password: "New password",
      submit: "Save my new password",
      invalid: "The code is not correct or has expired. Check the digits or ask for a new code.",
    },
    staff: {
      title: "Code to get back into an account",
      intro:
        "For people without an e-mail address. Find the account by mobile number or e-mail, and give the code to the person. The code is valid for 24 hours and works once.",
      identifier: "The person's mobile number or e-mail",
      submit: "Create a code",
      issued: "Code for {name}:",
      expires: "Valid until: {when}",
      tellThem: "The person should go to “{path}” and enter this code.",
      notFound: "There is no account with that mobile number or e-mail.",
      forbidden: "You cannot create a code for this account. Ask the administration for help.",
      invalidIdentifier: "Enter a complete mobile number or e-mail.",
      hasEmail:
        "This account has an e-mail address. The person can create a new password with the “Forgot your password?” link on the login page: it arrives by e-mail.",
      ownerEmailed: "We told the account's owner by e-mail that this code was created.",
    },
    change: {
      title: "Change my password",
      current: "Current password",
      next: "New password",
      submit: "Change my password",
      wrongCurrent: "The current password is not correct.",
      changed: "Your password changed. We logged you out on your other devices.",
    },
    rateLimited: "There were too many requests. Wait {minutes} minutes and try again.",
    mail: {
      subject: "Minka: create a new password",
      greeting: "Hello {name},",
      intro: "Someone asked to create a new password for your Minka account. If it was you, open this link:",
      expires: "The link is valid for one hour and works once.",
      ignore: "If it was not you, do nothing: your password stays the same.",
    },
    codeMail: {
      subject: "Minka: a code was created to get into your account",
      intro:
        "{staff}, of the Minka administration, created a code to change your account's password. The code is not in this e-mail: it is given in person.",
      ifYou: "If you asked for it, you do not need to do anything.",
      ifNotYou:
        "If you did not ask for it, create a new password yourself with “Forgot your password?”. The code then stops working:",
    },
  },
});
