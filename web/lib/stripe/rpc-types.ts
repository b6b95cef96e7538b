// Typings of the payment SQL functions callable by users (migration 520). The system-path functions are in
// queries.ts.
declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    get_onboarding_account: {
      args: { p_clinic_id: string };
      returns: { get_onboarding_account: string | null };
    };
  }
}

export {};
