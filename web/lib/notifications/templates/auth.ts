import { absoluteUrl, str, type Template } from "../render";

export const verifyEmail: Template = (p, locale, ctx) => {
  const url = absoluteUrl(p.url, ctx.appUrl);
  return locale === "es"
    ? {
        subject: "Confirma tu correo en Vete",
        lines: [`Hola ${str(p.name)}:`, "Confirma tu dirección de correo para activar tu cuenta."],
        link: { label: "Confirmar correo", url },
      }
    : {
        subject: "Confirm your email for Vete",
        lines: [`Hi ${str(p.name)},`, "Please confirm your email address to activate your account."],
        link: { label: "Confirm email", url },
      };
};

export const resetPassword: Template = (p, locale, ctx) => {
  const url = absoluteUrl(p.url, ctx.appUrl);
  return locale === "es"
    ? {
        subject: "Restablece tu contraseña de Vete",
        lines: [
          `Hola ${str(p.name)}:`,
          "Alguien pidió restablecer tu contraseña. Si no fuiste tú, ignora este correo.",
          "El enlace caduca en una hora.",
        ],
        link: { label: "Elegir una contraseña nueva", url },
      }
    : {
        subject: "Reset your Vete password",
        lines: [
          `Hi ${str(p.name)},`,
          "Someone asked to reset your password. If it was not you, ignore this email.",
          "The link expires in one hour.",
        ],
        link: { label: "Choose a new password", url },
      };
};
