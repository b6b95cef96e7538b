import { NotFoundScreen } from "@/app/_components/not-found-screen";

export default function NotFound() {
  return (
    <main>
      <NotFoundScreen fullPage />
    </main>
  );
}
