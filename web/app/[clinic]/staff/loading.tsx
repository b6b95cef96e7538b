import { LoadingScreen } from "@/app/_components/loading-screen";

export default function Loading() {
  return <LoadingScreen />;
}
