// Strings for the screens every route shares: loading, not found, forbidden, unexpected error, and the
// home page.
import { defineMessages } from "@/lib/i18n";

export const commonMessages = defineMessages({
  en: {
    "meta.description": "Book visits, manage your pets, and run your veterinary clinic.",
    "home.tagline": "Veterinary care, booked in a minute.",
    "home.clinics": "Clinics",
    "home.signIn": "Sign in",
    loading: "Loading…",
    "notFound.title": "Page not found",
    "notFound.body": "This page does not exist or is no longer available. Check the address, or start again from home.",
    "notFound.home": "Go to the home page",
    "forbidden.title": "This area is for {clinic}'s team",
    "forbidden.body":
      "You are signed in as {email}, who is not a member of this clinic's staff. Ask an owner or admin to invite you.",
    "forbidden.portal": "Open your client portal",
    "forbidden.publicPage": "Clinic page",
    "error.title": "Something went wrong",
    "error.body": "This page could not be shown. Nothing was changed. Please try again in a moment.",
    "error.retry": "Try again",
    "error.home": "Go to the home page",
  },
  es: {
    "meta.description": "Pide cita, gestiona tus mascotas y dirige tu clínica veterinaria.",
    "home.tagline": "Cuidado veterinario, con cita en un minuto.",
    "home.clinics": "Clínicas",
    "home.signIn": "Iniciar sesión",
    loading: "Cargando…",
    "notFound.title": "Página no encontrada",
    "notFound.body": "Esta página no existe o ya no está disponible. Revisa la dirección o vuelve al inicio.",
    "notFound.home": "Ir a la página de inicio",
    "forbidden.title": "Esta sección es para el equipo de {clinic}",
    "forbidden.body":
      "Has iniciado sesión como {email}, que no forma parte del personal de esta clínica. Pide a un propietario o administrador que te invite.",
    "forbidden.portal": "Abrir tu portal de cliente",
    "forbidden.publicPage": "Página de la clínica",
    "error.title": "Algo ha fallado",
    "error.body": "No se ha podido mostrar esta página. No se ha cambiado nada. Inténtalo de nuevo en un momento.",
    "error.retry": "Reintentar",
    "error.home": "Ir a la página de inicio",
  },
});
