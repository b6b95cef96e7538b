// A pet's photo from a short-lived signed URL (getPetPhotoUrl), or a quiet placeholder when there is none.
// Works in server and client components; the URL is made by the page for whoever may see the pet.
import { translator, type Locale } from "@/lib/i18n";
import { petPhotoMessages } from "@/lib/i18n/messages/pet-photos";

const sizes = { sm: "h-16 w-16", md: "h-32 w-32", lg: "h-48 w-48" } as const;

export function PetPhoto({
  url,
  name,
  locale,
  size = "md",
}: {
  url: string | null;
  name: string;
  locale: Locale;
  size?: keyof typeof sizes;
}) {
  const t = translator(locale, petPhotoMessages);
  const box = `${sizes[size]} shrink-0 overflow-hidden rounded-2xl bg-slate-100`;
  if (!url) {
    return (
      <div className={`${box} flex items-center justify-center p-2 text-center text-xs text-slate-700`}>
        {t("none")}
      </div>
    );
  }
  return (
    <div className={box}>
      {/* A signed, expiring URL: an image optimizer would cache it past its expiry, so a plain img. */}
      <img src={url} alt={t("alt", { name })} className="h-full w-full object-cover" />
    </div>
  );
}
