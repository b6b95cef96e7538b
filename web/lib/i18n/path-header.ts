/** Request header carrying the page's path from web/proxy.ts to the root layout. */
export const PATH_HEADER = "x-vete-path";
