import { absoluteUrl, str, type Template } from "../render";

/** To the account a client record was moved away from, so a hijack by clinic staff cannot go unnoticed. */
export const clientAccountRelinked: Template = (p, locale, ctx) => {
  const url = absoluteUrl(p.path, ctx.appUrl);
  const contact = [str(p.clinic_phone), str(p.clinic_email)].filter(Boolean).join(" · ");
  return locale === "es"
    ? {
        subject: `Tu ficha de cliente en ${str(p.clinic_name)} ya no está vinculada a tu cuenta`,
        lines: [
          `El personal de ${str(p.clinic_name)} ha vinculado la ficha de cliente "${str(p.client_name)}" a otra cuenta de Vete.`,
          "Ya no verás sus mascotas ni sus citas con esta cuenta.",
          contact
            ? `Si no lo esperabas, contacta con la clínica: ${contact}.`
            : "Si no lo esperabas, contacta con la clínica.",
        ],
        link: { label: "Ir a la página de la clínica", url },
      }
    : {
        subject: `Your client record at ${str(p.clinic_name)} is no longer linked to your account`,
        lines: [
          `Staff at ${str(p.clinic_name)} linked the client record "${str(p.client_name)}" to another Vete account.`,
          "You will no longer see its pets and appointments with this account.",
          contact
            ? `If you did not expect this, contact the clinic: ${contact}.`
            : "If you did not expect this, contact the clinic.",
        ],
        link: { label: "Go to the clinic's page", url },
      };
};
