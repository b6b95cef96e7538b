// Every visit route names its clinic and the visit; both must be ids before the database is asked.
import { z } from "zod";
import { idField } from "./visit-record";

export const visitScopeSchema = z.object({ clinicId: idField, visitId: idField });
export type VisitScope = z.input<typeof visitScopeSchema>;
