import { defineMessages } from "../define";

export default defineMessages({
  es: {
    title: "Aprenda con su cooperativa",
    lead: "Minka es la escuela en línea de la Escuela de Negocios Cooperativos. Aquí encuentra cursos gratuitos que puede ver a su ritmo, y talleres en vivo por Zoom o en persona.",
    minkaMeaning: "En quechua, «minka» es el trabajo comunitario para el bien de todos.",
    coursesTitle: "Cursos a su ritmo",
    coursesText:
      "Lecciones cortas con videos y lecturas, pensadas para el celular. Al terminar, recibe un certificado.",
    coursesCta: "Ver los cursos",
    workshopsTitle: "Talleres en vivo",
    workshopsText: "Encuentros con facilitadores de la escuela, por Zoom o en su comunidad. Inscríbase con un botón.",
    workshopsCta: "Ver los talleres",
    startTitle: "¿Es su primera vez?",
    startText: "Cree una cuenta gratuita con su correo o su número de celular.",
    welcomeBack: "Hola, {name}.",
  },
  en: {
    title: "Learn with your cooperative",
    lead: "Minka is the online school of the Coop Business School. Here you find free courses to follow at your own pace, and live workshops over Zoom or in person.",
    minkaMeaning: "In Quechua, “minka” means communal work for the common good.",
    coursesTitle: "Courses at your pace",
    coursesText: "Short lessons with videos and readings, made for the phone. When you finish, you get a certificate.",
    coursesCta: "See the courses",
    workshopsTitle: "Live workshops",
    workshopsText: "Meetings with the school's facilitators, over Zoom or in your community. Register with one button.",
    workshopsCta: "See the workshops",
    startTitle: "First time here?",
    startText: "Create a free account with your e-mail or your mobile number.",
    welcomeBack: "Hello, {name}.",
  },
});
