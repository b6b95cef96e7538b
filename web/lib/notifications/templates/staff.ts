import { absoluteUrl, str, type Template } from "../render";

const roleNames = {
  en: { owner: "owner", admin: "admin", vet: "vet", receptionist: "receptionist" },
  es: { owner: "propietario", admin: "administrador", vet: "veterinario", receptionist: "recepcionista" },
} as const;

export const staffInvitation: Template = (p, locale, ctx) => {
  const url = absoluteUrl(p.path, ctx.appUrl);
  const role = roleNames[locale][str(p.role) as keyof (typeof roleNames)["en"]] ?? str(p.role);
  return locale === "es"
    ? {
        subject: `Invitación al equipo de ${str(p.clinic_name)}`,
        lines: [
          `Te han invitado a unirte a ${str(p.clinic_name)} en Vete como ${role}.`,
          "La invitación caduca en 7 días.",
        ],
        link: { label: "Aceptar la invitación", url },
      }
    : {
        subject: `You're invited to join ${str(p.clinic_name)}`,
        lines: [
          `You have been invited to join ${str(p.clinic_name)} on Vete as ${role}.`,
          "The invitation expires in 7 days.",
        ],
        link: { label: "Accept the invitation", url },
      };
};
