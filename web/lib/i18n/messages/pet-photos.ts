// Strings for a pet's photo: showing it, uploading or replacing it, and why a file was refused.
import { defineMessages } from "@/lib/i18n";

export const petPhotoMessages = defineMessages({
  en: {
    alt: "Photo of {name}",
    none: "No photo yet",
    label: "Photo",
    hint: "JPEG, PNG or WebP, up to 5 MB. Location and camera details are removed.",
    upload: "Upload photo",
    replace: "Replace photo",
    remove: "Remove photo",
    removeConfirm: "Remove the photo of {name}?",
    uploaded: "Photo saved.",
    chooseFirst: "Choose a photo first.",
    tooLarge: "The photo is larger than 5 MB. Choose a smaller one.",
    badType: "This file is not a JPEG, PNG or WebP image.",
    unreadable: "This image could not be read. Try another photo.",
    failed: "The photo could not be saved. Please try again.",
  },
  es: {
    alt: "Foto de {name}",
    none: "Todavía sin foto",
    label: "Foto",
    hint: "JPEG, PNG o WebP, hasta 5 MB. Se eliminan la ubicación y los datos de la cámara.",
    upload: "Subir foto",
    replace: "Cambiar foto",
    remove: "Quitar foto",
    removeConfirm: "¿Quitar la foto de {name}?",
    uploaded: "Foto guardada.",
    chooseFirst: "Primero elige una foto.",
    tooLarge: "La foto pesa más de 5 MB. Elige una más pequeña.",
    badType: "Este archivo no es una imagen JPEG, PNG o WebP.",
    unreadable: "No se pudo leer esta imagen. Prueba con otra foto.",
    failed: "No se pudo guardar la foto. Inténtalo de nuevo.",
  },
});
