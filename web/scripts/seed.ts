// npm run db:seed - loads the idempotent demo data into DATABASE_URL.
import { seedDemo } from "../db/seed/seed";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. `npm start` seeds the embedded database by itself.");
  process.exit(2);
}
seedDemo(url).then(
  () => console.log("[seed] demo data ready"),
  (err: unknown) => {
    console.error(`[seed] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
