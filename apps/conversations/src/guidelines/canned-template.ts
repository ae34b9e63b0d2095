/** The variables a canned reply may use; anything else stays as written so the agent sees it. */
export interface CannedVariables {
  customer_name: string;
  agent_initials: string;
  queue_hours: string;
}

export function renderCanned(body: string, vars: CannedVariables): string {
  return body.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? vars[name as keyof CannedVariables] : whole,
  );
}
