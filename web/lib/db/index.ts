export { getPool, closePool } from "./pool";
export { withUser, asSystem, asAnonymous } from "./context";
export { rpc, rpcOne, type RpcFunctions } from "./rpc";
export type { Db, SessionUser } from "./types";
