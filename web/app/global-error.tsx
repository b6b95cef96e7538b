"use client";
// Last resort when the root layout itself fails: no language is known here, so it speaks both.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "28rem", margin: "4rem auto", padding: "0 1rem" }}>
        <main>
          <h1>Something went wrong</h1>
          <p>This page could not be shown. Nothing was changed. Please try again in a moment.</p>
          <p lang="es">Algo ha fallado: no se ha podido mostrar esta página. No se ha cambiado nada.</p>
          <button type="button" onClick={reset}>
            Try again / <span lang="es">Reintentar</span>
          </button>
        </main>
      </body>
    </html>
  );
}
